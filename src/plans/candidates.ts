/**
 * Candidate routes of a commodity, from the routing core over some loads: the routes by
 * the deadline that no other beats on arrival, cost and CO2 (the `pareto` search behind
 * alternatives, up to MAX_ALTERNATIVES), the level's own choice, the express route, the
 * greenest by the deadline and the cheapest one whatever its arrival (economy): every
 * level's choice, so that a commodity may mix levels. Over the starting loads they are the
 * first columns; over loads in which the LP's saturated departures and hub-days are
 * full, they are the routes that go around them (pricing, see planner.ts).
 */
import type { Router } from '../routing/router/router';
import type { RoutePlan, RouteQuery } from '../routing/types';

/** The most alternatives the core gives for one query (docs/api.md). */
const MAX_ALTERNATIVES = 20;

export function candidateRoutes(router: Router, q: RouteQuery): RoutePlan[] {
  const routes: RoutePlan[] = [];
  const level = router.route({ ...q, alternatives: MAX_ALTERNATIVES });
  if (level.kind !== 'routed') return routes;
  routes.push(level.answer.route, ...(level.answer.alternatives ?? []));
  for (const serviceLevel of ['express', 'economy', 'green'] as const) {
    if (serviceLevel === (q.serviceLevel ?? 'standard')) continue;
    const other = router.route({ ...q, serviceLevel });
    if (other.kind === 'routed') routes.push(other.answer.route);
  }
  return routes;
}
