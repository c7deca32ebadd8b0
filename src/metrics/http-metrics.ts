/**
 * Metrics of the Fastify app: one observation of http_request_duration_seconds
 * per call, labelled with the route pattern (request.routeOptions.url, never
 * the raw URL: no parcel or batch id can get in) and "unmatched" for unknown
 * paths; GET /metrics; and the network gauges read from the app's network.
 *
 * The duration runs from onRequest to onSend: body parsing, validation, the
 * handler and serialization, all but the final socket write. An onResponse
 * hook would see that write too, but it makes Fastify set up 'finish'
 * listeners on every response, a cost that shows in bench:metrics when no
 * request logger has set them up already.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_SECURITY } from '../wire/security';
import { observeUtilisation, type UtilisationSource } from './capacity-gauges';
import { httpRequestDuration } from './definitions';
import type { HistogramChild } from './fast-histogram';
import { observeNetwork, type NetworkHolder } from './network-gauges';
import { exposition } from './registry';

/** The route label of calls that matched no route. */
const UNMATCHED_ROUTE = 'unmatched';

declare module 'fastify' {
  interface FastifyRequest {
    /** performance.now() when the call came in (onRequest); set by src/metrics/http-metrics.ts. */
    metricsStartedAt: number;
  }
}

/** route → method → status code → histogram child; every key comes from a bounded set. */
const children = new Map<string, Map<string, Map<number, HistogramChild>>>();

/** Registers the hooks and GET /metrics on `app` (call it before the routes), and watches `live` and the loads. */
export function registerMetrics(app: FastifyInstance, live: NetworkHolder, utilisation: UtilisationSource): void {
  const unobserve = [observeNetwork(live), observeUtilisation(utilisation)];
  app.addHook('onClose', async () => unobserve.forEach((undo) => undo()));
  app.decorateRequest('metricsStartedAt', 0);
  app.addHook('onRequest', (request, _reply, done) => {
    request.metricsStartedAt = performance.now();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    observeCall(request, reply);
    done(null, payload);
  });
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        operationId: 'getMetrics',
        summary: 'Metrics for Prometheus',
        security: PUBLIC_SECURITY,
        response: {
          200: { description: 'The text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    async (_request, reply) => {
      const { contentType, body } = await exposition();
      return reply.type(contentType).send(body);
    },
  );
}

function observeCall(request: FastifyRequest, reply: FastifyReply): void {
  const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
  childFor(route, request.method, reply.statusCode).observe((performance.now() - request.metricsStartedAt) / 1000);
}

function childFor(route: string, method: string, status: number): HistogramChild {
  let byMethod = children.get(route);
  if (!byMethod) children.set(route, (byMethod = new Map()));
  let byStatus = byMethod.get(method);
  if (!byStatus) byMethod.set(method, (byStatus = new Map()));
  let child = byStatus.get(status);
  if (!child) byStatus.set(status, (child = httpRequestDuration.child(method, route, String(status))));
  return child;
}
