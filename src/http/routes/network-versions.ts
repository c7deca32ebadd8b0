/**
 * GET /v1/network/document (the active document, as uploaded and validated) and
 * GET /v1/network/versions (the versions kept for rollback): for people and
 * tools that want to see, diff or re-upload what is being served.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { NetworkDocument } from '../../routing/types';
import { NetworkVersionsSchema } from '../../wire/discovery';
import { errorResponses } from '../../wire/error';
import { NetworkDocumentSchema } from '../../wire/network';
import type { Services } from '../services';
import { PUBLIC_SECURITY } from '../../wire/security';

/** The document's JSON text, written once per version: documents run to tens of MB. */
const texts = new WeakMap<NetworkDocument, string>();

function textOf(doc: NetworkDocument): string {
  let text = texts.get(doc);
  if (text === undefined) {
    text = JSON.stringify(doc);
    texts.set(doc, text);
  }
  return text;
}

export const networkVersionRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live, store }) => {
  app.get(
    '/v1/network/document',
    {
      schema: {
        tags: ['network'],
        operationId: 'getNetworkDocument',
        security: PUBLIC_SECURITY,
        summary: 'The active network document, as uploaded',
        description:
          'The document PUT /v1/network accepted (validated), read from memory; its version is in the ETag header.',
        response: { 200: NetworkDocumentSchema, ...errorResponses('UNAVAILABLE') },
      },
    },
    (_request, reply) => {
      const network = live.require();
      // Sent as text: the response schema documents it, Fastify sends a string with a JSON content type as it is.
      const raw: FastifyReply = reply;
      raw.header('etag', `"${network.version}"`).type('application/json; charset=utf-8').send(textOf(network.doc));
    },
  );

  app.get(
    '/v1/network/versions',
    {
      schema: {
        tags: ['network'],
        operationId: 'listNetworkVersions',
        security: PUBLIC_SECURITY,
        summary: 'The network versions kept, the active one first',
        response: { 200: NetworkVersionsSchema, ...errorResponses('UNAVAILABLE') },
      },
    },
    async () => {
      const [active, kept] = await Promise.all([store.active(), store.versions()]);
      return {
        active: active?.version ?? null,
        versions: kept.map(({ version, activatedAt }) => ({
          version,
          activatedAt: activatedAt ?? (version === active?.version ? active.activatedAt : null),
          active: version === active?.version,
        })),
      };
    },
  );
};
