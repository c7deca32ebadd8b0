/** POST /v1/routes: one parcel → its route, answered from the in-memory network. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toRouteQuery } from '../../api/route-request';
import { toRouteResponse } from '../../api/route-response';
import { recordRoute, routeRecorded } from '../../metrics/recorder';
import { errorResponses } from '../schemas/error';
import { RouteRequestSchema, RouteResponseSchema } from '../schemas/route';
import type { Services } from '../services';

export const routeRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live }) => {
  app.post(
    '/v1/routes',
    {
      // The handler sees a body the schema refused, so that the parcel is counted as invalid.
      attachValidation: true,
      schema: {
        tags: ['routing'],
        summary: 'Route one parcel',
        security: [{ apiKey: [] }, {}],
        body: RouteRequestSchema,
        response: {
          200: RouteResponseSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'PAYLOAD_TOO_LARGE', 'UNKNOWN_HUB', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    (request, reply) => {
      const parsed = request.validationError ? { ok: false as const, error: request.validationError } : toRouteQuery(request.body);
      if (!parsed.ok) {
        recordRoute('sync', undefined, 'invalid');
        throw parsed.error;
      }
      const network = live.require();
      const answer = routeRecorded('sync', network.router, parsed.query);
      reply.send(toRouteResponse(answer, network.version, parsed.parcelId));
    },
  );
};
