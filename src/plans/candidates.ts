/**
 * Candidate routes of a commodity, from the routing core over some loads: the routes by
 * the deadline that no other beats on arrival and cost (a `tradeoffs` search, up to
 * MAX_ALTERNATIVES), the level's own choice, the express route and the cheapest one
 * whatever its arrival (economy). Over the starting loads they are the first columns;
 * over loads in which the LP's saturated departures and hub-days are full, they are the
 * routes that go around them (pricing, see planner.ts).
 *
 * CO2 is not in the plan's objective, so neither the API's `pareto` front (on arrival,
 * cost and CO2) nor the greenest route is asked for: a route that only emits less is
 * worth a column only as another way past a full departure, which pricing looks for. On
 * 2,000 hubs the `pareto` search took 1.34 ms a commodity against 0.58 ms for
 * `tradeoffs`, and the greenest route 0.34 ms (docs/plans.md, "Candidate routes").
 *
 * The express route is not asked for on its own but where nothing else lists it: over
 * loads where most routes are late, its search (the earliest arrival, far past what
 * the lower bounds foresee) was the candidates' dearest, and it gave a route listed
 * already. On 2,000 hubs over greedy's loads, leaving it out made the candidates 1.43×
 * faster, with the same routes.
 */
import type { Router } from '../routing/router/router';
import type { RoutePlan, RouteQuery, ServiceLevel } from '../routing/types';

/** The most alternatives the core gives for one query (docs/api.md). */
const MAX_ALTERNATIVES = 20;

export function candidateRoutes(router: Router, q: RouteQuery): RoutePlan[] {
  const routes: RoutePlan[] = [];
  const level = router.route({ ...q, alternatives: MAX_ALTERNATIVES }, 'tradeoffs');
  if (level.kind !== 'routed') return routes;
  const alternatives = level.answer.alternatives ?? [];
  routes.push(level.answer.route, ...alternatives);
  const own = q.serviceLevel ?? 'standard';
  if (own !== 'economy') routes.push(...routeAt(router, q, 'economy'));
  // The express route is listed already, but for an economy choice with nothing by the
  // deadline: the earliest route by the deadline is always among the alternatives, and
  // when none arrives by then, every level but economy falls back to express (CONTRACT §2).
  if (own === 'economy' && alternatives.length === 0) routes.push(...routeAt(router, q, 'express'));
  return routes;
}

/** The route of `q` at another level, if it has one. */
function routeAt(router: Router, q: RouteQuery, serviceLevel: ServiceLevel): RoutePlan[] {
  const outcome = router.route({ ...q, serviceLevel });
  return outcome.kind === 'routed' ? [outcome.answer.route] : [];
}
