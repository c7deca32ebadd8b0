/**
 * POST /v1/routes: one parcel → its route, answered from the in-memory network.
 * The answer goes out as the JSON text the batch results use too (routeJson), so
 * the response schema documents it but does not serialise it: a string with a
 * JSON content type is sent as it is.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeJson } from '../../api/route-response';
import { routeParcel } from '../../api/route-parcel';
import { ROUTING_ERRORS } from '../../wire/error';
import { RouteRequestSchema, RouteResponseSchema } from '../../wire/route';
import { routingSecurity } from '../../wire/security';
import { routeQueryOf } from '../route-body';
import { sendJsonText } from '../json-text';
import type { Services } from '../services';

export const routeRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, live }) => {
  app.post(
    '/v1/routes',
    {
      // The handler sees a body the schema refused, so that the parcel is counted as invalid.
      attachValidation: true,
      schema: {
        tags: ['routing'],
        operationId: 'routeParcel',
        summary: 'Route one parcel',
        security: routingSecurity(config.apiKeys),
        body: RouteRequestSchema,
        response: {
          200: RouteResponseSchema,
          ...ROUTING_ERRORS,
        },
      },
    },
    (request, reply) => {
      const parsed = routeQueryOf(request);
      const network = live.require();
      const answer = routeParcel('sync', network.router, parsed.query);
      sendJsonText(reply, routeJson(answer, network.version, parsed.parcelId));
    },
  );
};
