/**
 * Capacities sized to a day's parcels, so that capacity is what binds. Each parcel is
 * routed on its level's choice as if nothing were booked and nothing had a capacity
 * (the uncongested flow); then every leg's capacity per departure (parcels, and
 * kilograms) is `share` of the most that one of its departures (one hour of a shuttle)
 * carries in that flow, and every hub's capacity per day `share` of the most parcels
 * that leave it on one day; rounded up, at least 1, and never above what the document
 * declares. Legs and hubs the uncongested flow does not use keep what the document
 * declares. With a share below 1 the busiest departures and hub-days cannot take what
 * the parcels would send there: some must wait, go around or stay behind, and which
 * ones is what a plan decides.
 */
import { dayOf, slotOf } from '../routing/capacity/loads';
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import type { NetworkDocument, RouteQuery } from '../routing/types';
import { withoutCapacities } from './without-capacities';

/** The most any one departure slot of a leg, or any one day of a hub, takes. */
interface Peaks {
  legParcels: Map<string, number>;
  legKg: Map<string, number>;
  hubParcels: Map<string, number>;
}

export function demandSizedCapacities(
  doc: NetworkDocument,
  queries: readonly RouteQuery[],
  share: number,
): NetworkDocument {
  if (!(share > 0)) throw new RangeError(`share must be above 0, got ${share}`);
  const peaks = uncongestedPeaks(doc, queries);
  const sized = (peak: number | undefined, declared: number | undefined) =>
    peak === undefined ? declared : Math.min(declared ?? Infinity, Math.max(1, Math.ceil(share * peak)));
  return {
    ...doc,
    hubs: doc.hubs.map((hub) => ({ ...hub, capacityPerDay: sized(peaks.hubParcels.get(hub.id), hub.capacityPerDay) })),
    legs: doc.legs.map((leg) => ({
      ...leg,
      capacityPerDeparture: sized(peaks.legParcels.get(leg.id), leg.capacityPerDeparture),
      capacityKgPerDeparture: sized(peaks.legKg.get(leg.id), leg.capacityKgPerDeparture),
    })),
  };
}

function uncongestedPeaks(doc: NetworkDocument, queries: readonly RouteQuery[]): Peaks {
  const index = prepareNetwork(withoutCapacities(doc));
  const router = new Router(index);
  const slotParcels = new Map<string, number>();
  const slotKg = new Map<string, number>();
  const hubDays = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string, amount: number) =>
    counts.set(key, (counts.get(key) ?? 0) + amount);
  for (const q of queries) {
    const outcome = router.route(q);
    if (outcome.kind !== 'routed') continue;
    for (const step of outcome.answer.route.legs) {
      const slot = `${step.legId}|${slotOf(index, index.legByCode.get(step.legId) as number, step.departAt)}`;
      add(slotParcels, slot, 1);
      add(slotKg, slot, q.weightKg);
      add(hubDays, `${step.from}|${dayOf(step.departAt)}`, 1);
    }
  }
  return { legParcels: peakOf(slotParcels), legKg: peakOf(slotKg), hubParcels: peakOf(hubDays) };
}

/** From counts keyed `<id>|<slot or day>`, the largest count of each id. */
function peakOf(counts: Map<string, number>): Map<string, number> {
  const peaks = new Map<string, number>();
  for (const [key, count] of counts) {
    const id = key.slice(0, key.lastIndexOf('|'));
    peaks.set(id, Math.max(peaks.get(id) ?? 0, count));
  }
  return peaks;
}
