/** GET /v1/legs and /v1/legs/:id: the legs of the active network (closures and the explorer name legs by id). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors';
import { LegListQuerySchema, LegListSchema, LegParamsSchema } from '../../wire/discovery';
import { errorResponses } from '../../wire/error';
import { LegSchema } from '../../wire/network';
import type { Services } from '../services';
import { PUBLIC_SECURITY } from '../../wire/security';

export const legRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live }) => {
  app.get(
    '/v1/legs',
    {
      schema: {
        tags: ['network'],
        operationId: 'listLegs',
        security: PUBLIC_SECURITY,
        summary: 'Legs of the active network',
        description:
          'Every leg, in the order of the network document; `from`, `to` and `mode` keep only the legs that match all of them.',
        querystring: LegListQuerySchema,
        response: { 200: LegListSchema, ...errorResponses('VALIDATION', 'UNAVAILABLE') },
      },
    },
    (request, reply) => {
      const network = live.require();
      const { from, to, mode } = request.query;
      const legs = network.doc.legs.filter(
        (leg) =>
          (from === undefined || leg.from === from) &&
          (to === undefined || leg.to === to) &&
          (mode === undefined || leg.mode === mode),
      );
      reply.send({ networkVersion: network.version, legs });
    },
  );

  app.get(
    '/v1/legs/:id',
    {
      schema: {
        tags: ['network'],
        operationId: 'getLeg',
        security: PUBLIC_SECURITY,
        summary: 'One leg of the active network',
        params: LegParamsSchema,
        response: { 200: LegSchema, ...errorResponses('VALIDATION', 'NOT_FOUND', 'UNAVAILABLE') },
      },
    },
    (request, reply) => {
      const network = live.require();
      const leg = network.doc.legs.find(({ id }) => id === request.params.id);
      if (!leg) throw new AppError('NOT_FOUND', `no leg '${request.params.id}' in network ${network.version}`);
      reply.send(leg);
    },
  );
};
