/**
 * One parcel through the routing core, as POST /v1/routes and the batch workers
 * route it: the core's outcome mapped to the error catalogue here, at the edge,
 * and counted (outcome, compute time, deadline met).
 */
import { AppError } from '../errors';
import { recordRoute, type RouteSource } from '../metrics/recorder';
import type { Router } from '../routing/router/router';
import type { RouteAnswer, RouteOutcome, RouteQuery } from '../routing/types';

/** The parcel's route; throws AppError UNKNOWN_HUB, NO_ROUTE or NO_CAPACITY, or what the core threw for a fault of its own. */
export function routeParcel(source: RouteSource, router: Router, query: RouteQuery): RouteAnswer {
  const level = query.serviceLevel ?? 'standard';
  const start = performance.now();
  let outcome: RouteOutcome;
  try {
    outcome = router.route(query);
  } catch (err) {
    recordRoute(source, level, 'error');
    throw err;
  }
  const seconds = (performance.now() - start) / 1000;
  switch (outcome.kind) {
    case 'routed':
      recordRoute(source, level, 'routed', seconds, outcome.answer.meetsDeadline);
      return outcome.answer;
    case 'no-route':
      recordRoute(source, level, 'no_route', seconds);
      throw new AppError('NO_ROUTE', `no route from ${query.origin} to ${query.destination} arrives within 14 days`);
    case 'no-capacity':
      recordRoute(source, level, 'no_capacity', seconds);
      throw new AppError(
        'NO_CAPACITY',
        `no route from ${query.origin} to ${query.destination} within 14 days has room for the parcel`,
      );
    case 'unknown-hub':
      recordRoute(source, level, 'invalid');
      throw new AppError('UNKNOWN_HUB', `unknown hub '${outcome.hubId}'`, { field: outcome.field });
  }
}
