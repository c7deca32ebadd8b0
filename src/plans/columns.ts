/**
 * A column of the LP: one route for one commodity. The route is fixed to the minute
 * (its legs and the departure each takes), so it names the departure slots and hub-days
 * it uses; its cost for a parcel of weight w is `fixed + perKg × w`.
 */
import type { NetworkIndex } from '../routing/network/network-index';
import type { Itinerary, RoutePlan } from '../routing/types';
import type { Commodity } from './commodities';
import { departsOf, type Found } from './packed-routes';
import type { Resources } from './resources';

/** A column carries flow, or prices out, beyond this. */
export const EPSILON = 1e-9;

export interface Column {
  readonly commodity: number;
  readonly legs: Int32Array;
  readonly departs: Int32Array;
  readonly arrivals: Int32Array;
  readonly arriveAt: number;
  /** Σ (costPerParcel + handlingCost of the hub left). */
  readonly fixed: number;
  /** Σ costPerKg. */
  readonly perKg: number;
  readonly late: boolean;
  /** The limited resources it uses (Resources numbers). */
  readonly uses: readonly number[];
}

/** The columns of every commodity, without duplicates. */
export class ColumnSet {
  readonly list: Column[] = [];
  /** Column numbers of each commodity. */
  readonly ofCommodity: number[][];
  private readonly seen = new Set<string>();

  constructor(
    private readonly ix: NetworkIndex,
    private readonly resources: Resources,
    private readonly commodities: readonly Commodity[],
  ) {
    this.ofCommodity = commodities.map(() => []);
  }

  /** Adds a route for commodity `c`; returns its column number (an existing one when it is there already). */
  add(c: number, route: RoutePlan): number {
    const n = route.legs.length;
    const legs = new Int32Array(n);
    const departs = new Int32Array(n);
    const arrivals = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const step = route.legs[i];
      const leg = this.ix.legByCode.get(step.legId);
      if (leg === undefined) throw new RangeError(`leg '${step.legId}' is not in this network`);
      legs[i] = leg;
      departs[i] = step.departAt;
      arrivals[i] = step.arriveAt;
    }
    return this.insert(c, legs, departs, arrivals);
  }

  /** Adds a route found for commodity `c` (packed-routes.ts); returns its column number. */
  addFound(c: number, found: Found): number {
    return this.insert(c, found.legs, departsOf(this.ix, found), found.arrivals);
  }

  /** Adds another set's column (of the same network version) for commodity `c` here; returns its column number. */
  adopt(c: number, column: Column): number {
    return this.insert(c, column.legs, column.departs, column.arrivals);
  }

  private insert(c: number, legs: Int32Array, departs: Int32Array, arrivals: Int32Array): number {
    const ix = this.ix;
    const n = legs.length;
    const key = `${c}|${legs.join(',')}|${departs.join(',')}`;
    if (this.seen.has(key)) return this.find(c, legs, departs);
    this.seen.add(key);
    let fixed = 0;
    let perKg = 0;
    for (let i = 0; i < n; i++) {
      fixed += ix.hubHandling[ix.legFrom[legs[i]]] + ix.legCostPerParcel[legs[i]];
      perKg += ix.legCostPerKg[legs[i]];
    }
    const commodity = this.commodities[c];
    const arriveAt = n ? arrivals[n - 1] : commodity.readyAt;
    const column: Column = {
      commodity: c,
      legs,
      departs,
      arrivals,
      arriveAt,
      fixed,
      perKg,
      late: arriveAt > commodity.deadline,
      uses: this.resources.of(legs, departs),
    };
    this.list.push(column);
    this.ofCommodity[c].push(this.list.length - 1);
    return this.list.length - 1;
  }

  private find(c: number, legs: Int32Array, departs: Int32Array): number {
    for (const j of this.ofCommodity[c]) {
      const col = this.list[j];
      if (col.legs.length === legs.length && col.legs.every((l, i) => l === legs[i] && col.departs[i] === departs[i]))
        return j;
    }
    throw new Error('a column seen before is missing');
  }
}

/** A column as the core's itinerary, to explain it for one parcel. */
export function itineraryOf(commodity: Commodity, column: Column): Itinerary {
  return { origin: commodity.origin, legs: column.legs, arrivals: column.arrivals };
}

/** What the objective charges one parcel of `weightKg` on a column. */
export function columnCharge(column: Column, weightKg: number, latePenalty: number): number {
  return column.fixed + column.perKg * weightKg + (column.late ? latePenalty : 0);
}
