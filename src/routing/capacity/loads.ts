import type { NetworkIndex } from '../network/network-index';
import { MINUTES_PER_DAY } from '../time';

/**
 * What is booked, as the core reads it: parcels and grams on each departure slot of a
 * leg, and parcels leaving each hub per UTC day. A departure slot is one leg leaving at
 * one minute; on a continuous leg, one UTC clock hour (slotOf).
 */
export interface Loads {
  parcels(leg: number, slot: number): number;
  grams(leg: number, slot: number): number;
  hubParcels(hub: number, day: number): number;
  /** Whether nothing is booked at all. */
  readonly empty: boolean;
  /**
   * Counts the times a departure slot or hub-day that was full for one more parcel got
   * room again: what a sweep made before cannot have seen (SweepCache drops it).
   */
  readonly freed: number;
  /**
   * Counts the times a departure slot of a leg that declares kilograms lost some of its
   * load while below that capacity: room again for some weight, which a sweep for one
   * weight may have passed over (a sweep for every weight looks at parcels alone).
   */
  readonly freedKg: number;
}

/** Nothing booked. */
export const NO_LOADS: Loads = {
  parcels: () => 0,
  grams: () => 0,
  hubParcels: () => 0,
  empty: true,
  freed: 0,
  freedKg: 0,
};

/**
 * What a sweep for parcels of `weightKg` (0: for every weight) must find unchanged to
 * be used: the releases that may have given room to a departure it passed over. Both
 * counters only grow, so their sum changes when either does.
 */
export function freedFor(loads: Loads, weightKg: number): number {
  return weightKg > 0 ? loads.freed + loads.freedKg : loads.freed;
}

/** One departure slot, or one hub-day, and what a booking takes there. */
export type Reservation =
  { kind: 'departure'; leg: number; slot: number; grams: number } | { kind: 'hub'; hub: number; day: number };

/** The slot a departure of `leg` at minute `departAt` counts in: the minute itself, or its hour on a continuous leg. */
export function slotOf(ix: NetworkIndex, leg: number, departAt: number): number {
  const continuous = ix.schedStart[leg] === ix.schedStart[leg + 1];
  return continuous ? departAt - (departAt % 60) : departAt;
}

/** The UTC day (days since the epoch) of minute `t`. */
export function dayOf(t: number): number {
  return Math.floor(t / MINUTES_PER_DAY);
}

/**
 * A parcel's weight as capacity counts it: in whole grams, rounded up (after rounding
 * to the milligram, so that 1.1 kg is 1,100 g and not 1,101 g).
 */
export function gramsOf(weightKg: number): number {
  return Math.ceil(Math.round(weightKg * 1e6) / 1000);
}

interface SlotLoad {
  parcels: number;
  grams: number;
}

/**
 * Loads in memory, for one network version (leg and hub numbers are its index's):
 * what a process has seen booked, changed by whole reservations.
 */
export class LoadTable implements Loads {
  private readonly slots: (Map<number, SlotLoad> | undefined)[];
  private readonly hubDays: (Map<number, number> | undefined)[];
  /** Departure slots and hub-days with something booked. */
  private booked = 0;
  freed = 0;
  freedKg = 0;

  constructor(private readonly ix: NetworkIndex) {
    this.slots = new Array(ix.legCount);
    this.hubDays = new Array(ix.hubCount);
  }

  parcels(leg: number, slot: number): number {
    return this.slots[leg]?.get(slot)?.parcels ?? 0;
  }

  grams(leg: number, slot: number): number {
    return this.slots[leg]?.get(slot)?.grams ?? 0;
  }

  hubParcels(hub: number, day: number): number {
    return this.hubDays[hub]?.get(day) ?? 0;
  }

  get empty(): boolean {
    return this.booked === 0;
  }

  /** Adds what `reservations` take (`sign` 1), or gives it back (`sign` −1). */
  apply(reservations: readonly Reservation[], sign: 1 | -1): void {
    for (const r of reservations) {
      if (r.kind === 'departure') {
        const load = this.slots[r.leg]?.get(r.slot);
        // Adding to a slot already loaded frees nothing and empties nothing: changed in place.
        if (load && sign === 1) {
          load.parcels++;
          load.grams += r.grams;
        } else this.setSlot(r.leg, r.slot, (load?.parcels ?? 0) + sign, (load?.grams ?? 0) + sign * r.grams);
      } else {
        const byDay = this.hubDays[r.hub];
        const before = byDay?.get(r.day);
        if (byDay && before !== undefined && sign === 1) byDay.set(r.day, before + 1);
        else this.setHubDay(r.hub, r.day, (before ?? 0) + sign);
      }
    }
  }

  /** Sets a slot's load to what the ledger says it is. */
  setSlot(leg: number, slot: number, parcels: number, grams: number): void {
    let bySlot = this.slots[leg];
    if (!bySlot) bySlot = this.slots[leg] = new Map();
    const load = bySlot.get(slot);
    const capacity = this.ix.legCapacity[leg];
    const capacityGrams = this.ix.legCapacityGrams[leg];
    if (load && load.parcels + 1 > capacity && parcels + 1 <= capacity) this.freed++;
    // Over its kilograms (a capacity lowered by a new network version) and back within: room for some parcel again.
    if (load && load.grams > capacityGrams && grams <= capacityGrams) this.freed++;
    else if (load && grams < load.grams && grams < capacityGrams) this.freedKg++;
    if (parcels === 0 && grams === 0) {
      if (load) {
        bySlot.delete(slot);
        this.booked--;
      }
    } else if (load) {
      load.parcels = parcels;
      load.grams = grams;
    } else {
      bySlot.set(slot, { parcels, grams });
      this.booked++;
    }
  }

  /** Sets a hub-day's load to what the ledger says it is. */
  setHubDay(hub: number, day: number, parcels: number): void {
    let byDay = this.hubDays[hub];
    if (!byDay) byDay = this.hubDays[hub] = new Map();
    const before = byDay.get(day);
    const capacity = this.ix.hubCapacity[hub];
    if (before !== undefined && before + 1 > capacity && parcels + 1 <= capacity) this.freed++;
    if (parcels === 0) {
      if (before !== undefined) {
        byDay.delete(day);
        this.booked--;
      }
    } else {
      if (before === undefined) this.booked++;
      byDay.set(day, parcels);
    }
  }
}
