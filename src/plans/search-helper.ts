/**
 * The candidate searches of a plan (candidates.ts), shared with a helper: a thread of its
 * own with the same network version and closures (plans-pool/search-thread.ts). The
 * planner's searches are many independent queries over one table of loads, at the
 * candidates of each part and at each pricing round; with a helper, every other query is
 * searched there meanwhile, and the routes come back in the queries' order, the same
 * routes a single thread finds (the core answers a query over given loads one way).
 * Greedy (greedy.ts) asks the helper for its choices too, ahead of their turn, and the
 * whole plan's Lagrangian relaxation (lagrangian-bound.ts) half of each evaluation
 * (shared-half.ts).
 */
import type { LoadContents, LoadTable } from '../routing/capacity/loads';
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { candidateRoutes } from './candidates';
import type { PackedReservations } from './packed-bookings';
import type { HalfEvaluator } from './shared-half';
import type { HelperWork } from './types';
import { foundOf, unpackRoutes, type Found, type PackedRoutes } from './packed-routes';

/** Fewer queries than this are all searched here: not worth a trip to the helper. @defaultValue */
export const SHARED_FROM = 32;

/** What the router chose for a query: a route, no route with room, or something else (asked again by the caller). */
export const enum Choice {
  Route = 0,
  NoRoom = 1,
  Other = 2,
}

export interface PackedChoices {
  kinds: Uint8Array<ArrayBuffer>;
  /** One route for each query chosen a route, none for the others. */
  routes: PackedRoutes;
}

export interface SearchHelper extends HalfEvaluator {
  /** What it did so far. */
  work(): HelperWork;
  /** candidateRoutes of each query over the loads, packed, in the queries' order. */
  candidates(loads: LoadContents, queries: readonly RouteQuery[]): Promise<PackedRoutes>;
  /**
   * The router's choice for each query (route(), without alternatives) over greedy's loads
   * as the helper keeps them: `start` (at greedy's first call) sets them, then `booked`
   * (what greedy booked since its last call) is added to them.
   */
  choices(
    start: LoadContents | undefined,
    booked: PackedReservations,
    queries: readonly RouteQuery[],
  ): Promise<PackedChoices>;
}

/** candidateRoutes of `q`, each as its legs and arrivals. */
export function foundCandidates(router: Router, q: RouteQuery): Found[] {
  return candidateRoutes(router, q).map((route) => foundOf(router.index, route));
}

/** Each query's candidate routes over `loads` (`router` routes over them), half of them by `helper` when there is one. */
export async function candidatesOf(
  router: Router,
  loads: LoadTable,
  queries: readonly RouteQuery[],
  helper?: SearchHelper,
): Promise<Found[][]> {
  const here = (q: RouteQuery) => foundCandidates(router, q);
  if (!helper || queries.length < SHARED_FROM) return queries.map(here);
  const odd = queries.filter((_, i) => i % 2 === 1);
  // A helper that fails leaves its half to this thread.
  const elsewhere = helper.candidates(loads.contents(), odd).then(unpackRoutes, () => odd.map(here));
  const mine = queries.filter((_, i) => i % 2 === 0).map(here);
  const theirs = await elsewhere;
  return queries.map((_, i) => (i % 2 === 0 ? mine[i / 2] : theirs[(i - 1) / 2]));
}
