/** GET /v1/hubs and /v1/hubs/:id: the hubs of the active network. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors';
import { errorResponses } from '../../wire/error';
import { HubListSchema, HubParamsSchema, HubSchema } from '../../wire/network';
import { PUBLIC_SECURITY } from '../../wire/security';
import type { Services } from '../services';

export const hubRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live }) => {
  app.get(
    '/v1/hubs',
    {
      schema: {
        tags: ['network'],
        operationId: 'listHubs',
        summary: 'Hubs of the active network',
        security: PUBLIC_SECURITY,
        response: { 200: HubListSchema, ...errorResponses('UNAVAILABLE') },
      },
    },
    (_request, reply) => {
      const network = live.require();
      reply.send({ networkVersion: network.version, hubs: network.doc.hubs });
    },
  );

  app.get(
    '/v1/hubs/:id',
    {
      schema: {
        tags: ['network'],
        operationId: 'getHub',
        summary: 'One hub of the active network',
        security: PUBLIC_SECURITY,
        params: HubParamsSchema,
        response: { 200: HubSchema, ...errorResponses('VALIDATION', 'NOT_FOUND', 'UNAVAILABLE') },
      },
    },
    (request, reply) => {
      const network = live.require();
      const at = network.index.hubByCode.get(request.params.id);
      if (at === undefined)
        throw new AppError('NOT_FOUND', `no hub '${request.params.id}' in network ${network.version}`);
      reply.send(network.doc.hubs[at]);
    },
  );
};
