/**
 * Deadlines the network can keep, as a courier promises them: each parcel's deadline is
 * the end of the UTC day on which its fastest route arrives when nothing is booked, or
 * its default deadline (CONTRACT §2: 24 h at home, 72 h abroad) when that is later. On
 * the synthetic networks most multi-hop routes take longer than the default, so that
 * with default deadlines most parcels are late whatever is booked; with these, every
 * parcel that has a route can arrive on time when there is room, and lateness is what
 * capacity costs.
 */
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import { MINUTES_PER_DAY } from '../routing/time';
import type { NetworkDocument, RouteQuery } from '../routing/types';
import { withoutCapacities } from './without-capacities';

/** The queries, each with its promised deadline (one with no route at all keeps its own). */
export function withPromisedDeadlines(doc: NetworkDocument, queries: readonly RouteQuery[]): RouteQuery[] {
  const router = new Router(prepareNetwork(withoutCapacities(doc)));
  // The earliest arrival depends on neither the weight nor the level: one search per origin, destination, readyAt and avoid.
  const promised = new Map<string, number | null>();
  return queries.map((q) => {
    const key = `${q.origin}|${q.destination}|${q.readyAt}|${JSON.stringify(q.avoid ?? {})}`;
    let deadline = promised.get(key);
    if (deadline === undefined) promised.set(key, (deadline = promisedDeadline(router, q)));
    return deadline === null ? q : { ...q, deadline };
  });
}

function promisedDeadline(router: Router, q: RouteQuery): number | null {
  const outcome = router.route({ ...q, serviceLevel: 'express', deadline: undefined });
  if (outcome.kind !== 'routed') return null;
  const { deadline, route } = outcome.answer;
  return Math.max(deadline, Math.ceil(route.arriveAt / MINUTES_PER_DAY) * MINUTES_PER_DAY);
}
