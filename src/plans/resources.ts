/**
 * The capacities a plan shares out: every departure slot and hub-day that some
 * candidate route uses and that declares a capacity, with the room left on it once the
 * bookings already made are counted (the starting loads). A departure slot gives the
 * LP a parcels row and, when it declares kilograms, a grams row; a hub-day a parcels row.
 */
import { dayOf, slotOf, type Loads } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';

export interface Resource {
  kind: 'departure' | 'hub';
  /** Leg (departure) or hub number. */
  at: number;
  /** Slot minute (departure) or UTC day (hub). */
  when: number;
  /** Parcels that still fit: capacity − what is booked, never below 0. */
  parcelsLeft: number;
  /** Grams that still fit (departures); Infinity when none is declared. */
  gramsLeft: number;
}

/** One use of resources by a route: the resources, by their numbers here. */
export class Resources {
  readonly list: Resource[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(
    private readonly ix: NetworkIndex,
    private readonly loads: Loads,
  ) {}

  /**
   * The limited resources a route with these legs, leaving at these minutes, uses (their
   * numbers, created as needed): the departure slot of every leg and the hub-day of every
   * hub it leaves, those that declare a capacity.
   */
  of(legs: Int32Array, departs: Int32Array): number[] {
    const ix = this.ix;
    const used: number[] = [];
    for (let i = 0; i < legs.length; i++) {
      const leg = legs[i];
      const hub = ix.legFrom[leg];
      if (ix.hubCapacity[hub] < Infinity) used.push(this.hubDay(hub, dayOf(departs[i])));
      if (ix.legCapacity[leg] < Infinity || ix.legCapacityGrams[leg] < Infinity)
        used.push(this.departure(leg, slotOf(ix, leg, departs[i])));
    }
    return used;
  }

  private hubDay(hub: number, day: number): number {
    const key = `h${hub}:${day}`;
    let r = this.byKey.get(key);
    if (r === undefined) {
      r = this.list.length;
      this.byKey.set(key, r);
      const left = this.ix.hubCapacity[hub] - this.loads.hubParcels(hub, day);
      this.list.push({ kind: 'hub', at: hub, when: day, parcelsLeft: Math.max(0, left), gramsLeft: Infinity });
    }
    return r;
  }

  private departure(leg: number, slot: number): number {
    const key = `d${leg}:${slot}`;
    let r = this.byKey.get(key);
    if (r === undefined) {
      r = this.list.length;
      this.byKey.set(key, r);
      const parcels = this.ix.legCapacity[leg] - this.loads.parcels(leg, slot);
      const grams = this.ix.legCapacityGrams[leg] - this.loads.grams(leg, slot);
      this.list.push({
        kind: 'departure',
        at: leg,
        when: slot,
        parcelsLeft: Math.max(0, parcels),
        gramsLeft: Math.max(0, grams),
      });
    }
    return r;
  }
}
