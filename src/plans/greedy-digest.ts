/**
 * What a plan needs of greedy (greedy.ts): its score and the route each parcel got, as
 * typed arrays, so that a thread booking greedy beside the plan hands them over without
 * copying a million objects. Greedy's plans themselves are not in it: when greedy turns
 * out to be the plan, the planner books them again (planner.ts).
 */
import type { NetworkIndex } from '../routing/network/network-index';
import { routeArrays, type RouteArrays } from './columns';
import type { Commodity } from './commodities';
import { scorePlans } from './score';
import type { ParcelPlan, PlanPenalties, Score } from './types';

export interface GreedyDigest {
  score: Score;
  /** Seconds greedy took. */
  seconds: number;
  /** 1 for each parcel greedy planned, 0 for the others. */
  planned: Uint8Array<ArrayBuffer>;
  /** Parcel p's route is legs[offsets[p]] … legs[offsets[p + 1] − 1], with their departures and arrivals. */
  offsets: Int32Array<ArrayBuffer>;
  legs: Int32Array<ArrayBuffer>;
  departs: Int32Array<ArrayBuffer>;
  arrivals: Int32Array<ArrayBuffer>;
}

export function digestOf(
  ix: NetworkIndex,
  plans: readonly ParcelPlan[],
  penalties: PlanPenalties,
  seconds: number,
): GreedyDigest {
  const routes = plans.map((p) => (p.kind === 'planned' ? routeArrays(ix, p.answer.route) : undefined));
  const offsets = new Int32Array(plans.length + 1);
  routes.forEach((r, p) => (offsets[p + 1] = offsets[p] + (r?.legs.length ?? 0)));
  const n = offsets[plans.length];
  const digest: GreedyDigest = {
    score: scorePlans(plans, penalties),
    seconds,
    planned: Uint8Array.from(routes, (r) => (r ? 1 : 0)),
    offsets,
    legs: new Int32Array(n),
    departs: new Int32Array(n),
    arrivals: new Int32Array(n),
  };
  routes.forEach((r, p) => {
    if (!r) return;
    digest.legs.set(r.legs, offsets[p]);
    digest.departs.set(r.departs, offsets[p]);
    digest.arrivals.set(r.arrivals, offsets[p]);
  });
  return digest;
}

/** The route greedy gave parcel `p`, or undefined when it planned none. */
export function greedyRoute(digest: GreedyDigest, p: number): RouteArrays | undefined {
  if (!digest.planned[p]) return undefined;
  const from = digest.offsets[p];
  const to = digest.offsets[p + 1];
  return {
    legs: digest.legs.subarray(from, to),
    departs: digest.departs.subarray(from, to),
    arrivals: digest.arrivals.subarray(from, to),
  };
}

/** The routes greedy gave the parcels of commodity `c` (one a parcel, repeats included). */
export function greedyRoutesOf(digest: GreedyDigest, c: Commodity): RouteArrays[] {
  return c.parcels.flatMap((p) => greedyRoute(digest, p) ?? []);
}
