/**
 * Commodities: the parcels of a plan grouped by what makes their routes the same
 * (origin, destination, readyAt, deadline) and by weight class, so that the LP has one
 * demand row per group instead of one per parcel. Within a commodity every parcel has
 * the same routes, departures and deadline; only the weight differs, and the LP counts
 * each at the lightest weight of its commodity (so that it stays a relaxation: see
 * docs/plans.md). The service level is not part of the key: the objective does not look
 * at it (CONTRACT §6: the objective decides), and the candidate routes cover every
 * level's choice (candidates.ts).
 */
import { gramsOf } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import { levelOf } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';

/** Upper bounds (kg) of the weight classes: a commodity holds parcels of one class. */
export const WEIGHT_CLASSES_KG: readonly number[] = [0.5, 1, 2, 3, 5, 10, 20, Infinity];

export interface Commodity {
  /** Position among the plan's commodities. */
  readonly id: number;
  readonly origin: number;
  readonly destination: number;
  readonly readyAt: number;
  readonly deadline: number;
  /** Indexes of its parcels in the plan, heaviest first. */
  readonly parcels: number[];
  /** The lightest and the heaviest of its parcels. */
  minKg: number;
  maxKg: number;
  /** The parcel routes are looked for with: its heaviest (the one least likely to fit). */
  representative: number;
}

export function weightClassOf(weightKg: number): number {
  let c = 0;
  while (weightKg > WEIGHT_CLASSES_KG[c]) c++;
  return c;
}

/**
 * Groups the parcels at `indexes` (which must name known hubs) into commodities, in the
 * order their first parcel comes.
 */
export function groupCommodities(
  ix: NetworkIndex,
  queries: readonly RouteQuery[],
  indexes: readonly number[],
): Commodity[] {
  const byKey = new Map<string, Commodity>();
  const commodities: Commodity[] = [];
  for (const i of indexes) {
    const q = queries[i];
    const origin = ix.hubByCode.get(q.origin) as number;
    const destination = ix.hubByCode.get(q.destination) as number;
    const { deadline } = levelOf(ix, q, origin, destination);
    const key = `${origin}|${destination}|${q.readyAt}|${deadline}|${weightClassOf(q.weightKg)}`;
    let c = byKey.get(key);
    if (!c) {
      c = {
        id: commodities.length,
        origin,
        destination,
        readyAt: q.readyAt,
        deadline,
        parcels: [],
        minKg: Infinity,
        maxKg: 0,
        representative: i,
      };
      byKey.set(key, c);
      commodities.push(c);
    }
    c.parcels.push(i);
    if (q.weightKg < c.minKg) c.minKg = q.weightKg;
    if (q.weightKg > c.maxKg) {
      c.maxKg = q.weightKg;
      c.representative = i;
    }
  }
  for (const c of commodities)
    c.parcels.sort((a, b) => gramsOf(queries[b].weightKg) - gramsOf(queries[a].weightKg) || a - b);
  return commodities;
}

/** The query candidates are looked for with: the commodity's heaviest parcel, its deadline made explicit. */
export function queryOf(queries: readonly RouteQuery[], c: Commodity): RouteQuery {
  return { ...queries[c.representative], deadline: c.deadline, alternatives: undefined };
}
