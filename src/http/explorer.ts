/**
 * The explorer (docs/explorer.md): GET / serves public/index.html, the page's own
 * modules and styles are under /explorer/, and the few library files it
 * imports are served from node_modules under /vendor/ — nothing comes from
 * outside the service, and there is no build step. Only the listed folders of
 * node_modules are served. docs/explorer.md describes the page.
 */
import { join, posix } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../config';

/** The folders of node_modules the page loads from (ES modules and the Natural Earth TopoJSON). */
export const VENDOR_FOLDERS = ['/d3-geo/dist/', '/d3-array/dist/', '/topojson-client/src/', '/world-atlas/'] as const;

export async function registerExplorer(app: FastifyInstance): Promise<void> {
  const root = packageRoot();
  await app.register(fastifyStatic, { root: join(root, 'public', 'explorer'), prefix: '/explorer/', index: false });
  await app.register(fastifyStatic, {
    root: join(root, 'node_modules'),
    prefix: '/vendor/',
    index: false,
    decorateReply: false,
    // The path as asked, normalised first: '/d3-geo/dist/../../x' is not under /d3-geo/dist/.
    allowedPath: (pathName) => {
      const path = posix.normalize(pathName);
      return VENDOR_FOLDERS.some((folder) => path.startsWith(folder));
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', join(root, 'public')));
}
