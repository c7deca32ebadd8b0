import type { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';

/** What `router` answers to one route request, in the shape of a promise table's cell (null for no route). */
export function cellOf(router: Router, query: RouteQuery) {
  const outcome = router.route(query);
  if (outcome.kind !== 'routed') return null;
  const { route, meetsDeadline, deadline } = outcome.answer;
  return { arriveAt: route.arriveAt, cost: route.cost, co2Kg: route.co2Kg, meetsDeadline, deadline };
}
