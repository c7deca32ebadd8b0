/**
 * GET /v1/hubs/nearest: the hubs nearest to a point. Its static path wins over
 * /v1/hubs/:id, so a hub whose id is `nearest` is read from GET /v1/hubs.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { nearestHubs } from '../../api/nearest-hubs';
import { DEFAULT_NEAREST_LIMIT, NearestHubsSchema, NearestQuerySchema } from '../../wire/discovery';
import { errorResponses } from '../../wire/error';
import type { Services } from '../services';
import { PUBLIC_SECURITY } from '../../wire/security';

export const nearestHubRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live }) => {
  app.get(
    '/v1/hubs/nearest',
    {
      schema: {
        tags: ['network'],
        operationId: 'nearestHubs',
        security: PUBLIC_SECURITY,
        summary: 'The hubs nearest to a point, by great-circle distance',
        querystring: NearestQuerySchema,
        response: { 200: NearestHubsSchema, ...errorResponses('VALIDATION', 'UNAVAILABLE') },
      },
    },
    (request, reply) => {
      const network = live.require();
      const { lat, lon, kind, limit = DEFAULT_NEAREST_LIMIT } = request.query;
      const found = nearestHubs(network.doc.hubs, { lat, lon, kind, limit });
      reply.send({
        networkVersion: network.version,
        hubs: found.map(({ hub, distanceKm }) => ({ ...hub, distanceKm })),
      });
    },
  );
};
