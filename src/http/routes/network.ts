/**
 * GET /v1/network (anyone), PUT /v1/network and POST /v1/network/rollback (admin).
 * A change is stored in Redis and announced to every process; this process
 * reloads before answering, so its next call already sees the change.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors';
import type { NetworkSnapshot } from '../../network/live-network';
import { validateNetwork } from '../../routing/network/validate';
import { ADMIN_ERRORS, adminOnly } from '../auth/admin';
import { errorResponses } from '../../wire/error';
import { ActiveNetworkSchema, NetworkDocumentSchema, UploadedNetworkSchema } from '../../wire/network';
import { ADMIN_SECURITY, PUBLIC_SECURITY } from '../../wire/security';
import type { Services } from '../services';

export const networkRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, live, store }) => {
  const admin = adminOnly(config.adminToken);

  app.get(
    '/v1/network',
    {
      schema: {
        tags: ['network'],
        operationId: 'getNetwork',
        summary: 'The active network version',
        security: PUBLIC_SECURITY,
        response: { 200: ActiveNetworkSchema, ...errorResponses('UNAVAILABLE') },
      },
    },
    (_request, reply) => {
      reply.send(summary(live.require()));
    },
  );

  app.put(
    '/v1/network',
    {
      onRequest: admin,
      bodyLimit: config.networkBodyLimitBytes,
      // validateNetwork checks the upload and lists every problem (docs/network.md);
      // the body schema is here for the OpenAPI document only.
      validatorCompiler: () => (value) => ({ value }),
      schema: {
        tags: ['admin'],
        operationId: 'uploadNetwork',
        summary: 'Upload a network; it becomes the active version everywhere',
        security: ADMIN_SECURITY,
        body: NetworkDocumentSchema,
        response: {
          200: UploadedNetworkSchema,
          ...errorResponses('INVALID_NETWORK', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', ...ADMIN_ERRORS),
        },
      },
    },
    async (request) => {
      const result = validateNetwork(request.body);
      if (!result.ok) {
        const count = result.problems.length;
        throw new AppError('INVALID_NETWORK', `the network has ${count} problem${count === 1 ? '' : 's'}`, {
          problems: result.problems,
        });
      }
      const { version } = await store.upload(result.network);
      await live.refresh();
      return { version, hubs: result.network.hubs.length, legs: result.network.legs.length };
    },
  );

  app.post(
    '/v1/network/rollback',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        operationId: 'rollbackNetwork',
        summary: 'Re-activate the previous network version',
        security: ADMIN_SECURITY,
        response: { 200: ActiveNetworkSchema, ...errorResponses('NOT_FOUND', ...ADMIN_ERRORS) },
      },
    },
    async () => {
      const previous = await store.rollback();
      if (!previous) throw new AppError('NOT_FOUND', 'there is no previous network version to roll back to');
      await live.refresh();
      return summary(live.require());
    },
  );
};

function summary(network: NetworkSnapshot) {
  return {
    version: network.version,
    name: network.doc.name,
    hubs: network.doc.hubs.length,
    legs: network.doc.legs.length,
    activatedAt: network.activatedAt,
  };
}
