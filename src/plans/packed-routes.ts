/**
 * Candidate routes in short, as they cross between threads (their buffers transferred,
 * not copied): each query's routes, each route's legs (index numbers) and the arrival
 * after each leg. A route's departures follow from its arrivals (arrival − duration), as
 * the core explains them (router/explain.ts).
 */
import type { NetworkIndex } from '../routing/network/network-index';
import type { RoutePlan } from '../routing/types';

/** One route: its legs and the arrival after each. */
export interface Found {
  legs: Int32Array;
  arrivals: Int32Array;
}

export interface PackedRoutes {
  /** Query i's routes are [routeStarts[i], routeStarts[i + 1]). */
  routeStarts: Int32Array<ArrayBuffer>;
  /** Route r's legs and arrivals are [legStarts[r], legStarts[r + 1]). */
  legStarts: Int32Array<ArrayBuffer>;
  legs: Int32Array<ArrayBuffer>;
  arrivals: Int32Array<ArrayBuffer>;
}

export function foundOf(ix: NetworkIndex, route: RoutePlan): Found {
  const legs = new Int32Array(route.legs.length);
  const arrivals = new Int32Array(route.legs.length);
  route.legs.forEach((step, i) => {
    const leg = ix.legByCode.get(step.legId);
    if (leg === undefined) throw new RangeError(`leg '${step.legId}' is not in this network`);
    legs[i] = leg;
    arrivals[i] = step.arriveAt;
  });
  return { legs, arrivals };
}

/** The departure on each leg of a route: its arrival less the leg's duration, as the core explains it. */
export function departsOf(ix: NetworkIndex, found: Found): Int32Array {
  return found.arrivals.map((arrival, i) => arrival - ix.legDuration[found.legs[i]]);
}

export function packRoutes(perQuery: readonly (readonly Found[])[]): PackedRoutes {
  const routes = perQuery.reduce((n, list) => n + list.length, 0);
  const total = perQuery.reduce((n, list) => list.reduce((m, f) => m + f.legs.length, n), 0);
  const routeStarts = new Int32Array(perQuery.length + 1);
  const legStarts = new Int32Array(routes + 1);
  const legs = new Int32Array(total);
  const arrivals = new Int32Array(total);
  let r = 0;
  let at = 0;
  perQuery.forEach((list, i) => {
    routeStarts[i] = r;
    for (const found of list) {
      legStarts[r++] = at;
      legs.set(found.legs, at);
      arrivals.set(found.arrivals, at);
      at += found.legs.length;
    }
  });
  routeStarts[perQuery.length] = r;
  legStarts[routes] = at;
  return { routeStarts, legStarts, legs, arrivals };
}

export function unpackRoutes(packed: PackedRoutes): Found[][] {
  const { routeStarts, legStarts, legs, arrivals } = packed;
  const perQuery: Found[][] = [];
  for (let i = 0; i + 1 < routeStarts.length; i++) {
    const list: Found[] = [];
    for (let r = routeStarts[i]; r < routeStarts[i + 1]; r++)
      list.push({
        legs: legs.subarray(legStarts[r], legStarts[r + 1]),
        arrivals: arrivals.subarray(legStarts[r], legStarts[r + 1]),
      });
    perQuery.push(list);
  }
  return perQuery;
}
