/**
 * POST /v1/tours (CONTRACT §7): delivery tours from depots, VROOM's JSON.
 *
 * The body is not parsed here: it is read as bytes (up to TOURS_BODY_LIMIT_BYTES)
 * and handed to a pool thread, which parses, checks (the same schema, documented
 * below), solves and serialises. The event loop only copies bytes, so routing
 * keeps its latency while tours are solved. A full pool answers 503.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors';
import type { ToursPool } from '../../tours-pool/tours-pool';
import { ROUTING_ERRORS } from '../../wire/error';
import { MAX_TOUR_JOBS, ToursAnswerSchema, ToursRequestSchema } from '../../wire/tours';
import { sendJsonText } from '../json-text';
import type { Services } from '../services';
import { routingSecurity } from '../../wire/security';

export interface TourRouteOptions extends Services {
  tours: ToursPool;
}

export const tourRoutes: FastifyPluginAsyncTypebox<TourRouteOptions> = async (app, { config, live, tours }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: config.toursBodyLimitBytes },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post(
    '/v1/tours',
    {
      bodyLimit: config.toursBodyLimitBytes,
      // The schema documents the body; the pool thread checks it, off the event loop.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['tours'],
        summary: "Delivery tours from depots: VROOM's JSON (a subset), CO2 per route, a reason per job left out",
        description: [
          `At most ${MAX_TOUR_JOBS} jobs and a body of TOURS_BODY_LIMIT_BYTES (16 MiB): 413 beyond.`,
          'The answer comes within options.timeLimitSeconds (+1 s); with options.iterations and options.seed it is the same on any machine.',
          'Solved on a pool of TOURS_THREADS threads, with TOURS_QUEUE waiting: 503 with Retry-After when full. See docs/tours.md.',
        ].join(' '),
        operationId: 'solveTours',
        security: routingSecurity(config.apiKeys),
        body: ToursRequestSchema,
        response: {
          200: ToursAnswerSchema,
          ...ROUTING_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION', 'body: is required: JSON {"vehicles": [...], "jobs": [...]}', {
          field: 'body',
        });
      }
      const hubs = (live.current?.doc.hubs ?? []).map((hub) => [hub.id, hub.lat, hub.lon] as [string, number, number]);
      const json = await tours.solve(body, hubs);
      return sendJsonText(reply as FastifyReply, json);
    },
  );
};
