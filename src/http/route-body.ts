/**
 * The route request of POST /v1/routes and POST /v1/bookings: their body is checked by
 * Fastify against RouteRequestSchema with `attachValidation`, so that a request that
 * fails it is counted among the routes (outcome `invalid`) before its 400 is thrown.
 */
import type { FastifyRequest } from 'fastify';
import { toRouteQuery } from '../api/route-request';
import { recordRoute } from '../metrics/recorder';
import type { RouteQuery } from '../routing/types';
import type { RouteRequestBody } from '../wire/route';

/** The request's query and parcelId; throws the 400 naming the field when the body is not a valid route request. */
export function routeQueryOf(request: Pick<FastifyRequest, 'validationError'> & { body: RouteRequestBody }): {
  query: RouteQuery;
  parcelId?: string;
} {
  const parsed = request.validationError
    ? { ok: false as const, error: request.validationError }
    : toRouteQuery(request.body);
  if (!parsed.ok) {
    recordRoute('sync', undefined, 'invalid');
    throw parsed.error;
  }
  return parsed;
}
