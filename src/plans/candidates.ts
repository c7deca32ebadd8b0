/**
 * Candidate routes of a commodity, from the routing core over some loads: the routes by
 * the deadline that no other beats on arrival and cost (a `tradeoffs` search, up to
 * MAX_ALTERNATIVES), the cheapest route whatever its arrival (economy), and the level's
 * own choice when it meets the deadline. Over the starting loads they are the first
 * columns; over loads in which the LP's saturated departures and hub-days are full, they
 * are the routes that go around them (pricing, see planner.ts).
 *
 * CO2 is not in the plan's objective, so neither the API's `pareto` front (on arrival,
 * cost and CO2) nor the greenest route is asked for: a route that only emits less is
 * worth a column only as another way past a full departure, which pricing looks for. On
 * 2,000 hubs the `pareto` search took 1.34 ms a commodity against 0.58 ms for
 * `tradeoffs`, and the greenest route 0.34 ms (docs/plans.md, "Candidate routes").
 *
 * The level's choice on time needs no search of its own but for green: the earliest
 * route (express) and the cheapest by the deadline (standard) are on the front. When
 * nothing arrives by the deadline, the level's late choice (the express route, every
 * level's fallback but economy's) is left out. Every route is late then, at the same
 * penalty, so the economy route, the cheapest of them, is the column the LP prefers; and
 * in pricing, where the LP's saturated capacity is full and every other capacity has a
 * dual of 0, no late route has a lower reduced cost than it. The express search was the
 * candidates' dearest there (the earliest arrival lies days past what the lower bounds
 * foresee). On `2000/0.5` at 20,000 parcels, leaving it out made the candidates 1.27×
 * and pricing 1.19× faster; the plan changed, 0.97 % cheaper there and 0.21 % dearer at
 * 100,000 parcels (docs/plans.md).
 */
import type { Router, RouterOptions } from '../routing/router/router';
import type { RoutePlan, RouteQuery } from '../routing/types';

/**
 * The Routers of candidate searches earn no sweeps. A part's commodities share a few
 * origins, so its searches earn sweeps from them, but its commodities differ in weight
 * class and ready time and the loads make a sweep's routes long: a sweep costs more than
 * the searches it spares. On `2000/0.5` (3,000 commodities by origin, a Router per
 * 1,000) the candidates took 0.564 ms a commodity without sweeps against 0.696 over
 * empty loads, and 0.211 against 0.374 over greedy's, with the same routes.
 */
export const CANDIDATE_SEARCHES: RouterOptions = { sweeps: false };

/** The most alternatives the core gives for one query (docs/api.md). */
const MAX_ALTERNATIVES = 20;

export function candidateRoutes(router: Router, q: RouteQuery): RoutePlan[] {
  // One call: the economy route, with the front by the deadline as its alternatives.
  const economy = router.route({ ...q, serviceLevel: 'economy', alternatives: MAX_ALTERNATIVES }, 'tradeoffs');
  if (economy.kind !== 'routed') return [];
  const front = economy.answer.alternatives ?? [];
  const routes = [economy.answer.route, ...front];
  // Green's choice goes by CO2, so it need not be on the front: asked for when it can be on time.
  if (q.serviceLevel === 'green' && front.length) {
    const own = router.route(q);
    if (own.kind === 'routed') routes.push(own.answer.route);
  }
  return routes;
}
