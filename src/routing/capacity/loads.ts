import type { NetworkIndex } from '../network/network-index';
import { MINUTES_PER_DAY } from '../time';
import { SlotTable } from './slot-table';

/**
 * What is booked, as the core reads it: parcels and grams on each departure slot of a
 * leg, and parcels leaving each hub per UTC day. A departure slot is one leg leaving at
 * one minute; on a continuous leg, one UTC clock hour (slotOf).
 */
export interface Loads {
  parcels(leg: number, slot: number): number;
  grams(leg: number, slot: number): number;
  /**
   * Where the slot's parcels and grams are, for `parcelsAt` and `gramsAt`; −1 when nothing
   * is booked there. One look-up for both, for the searches' hot loop.
   */
  slotAt(leg: number, slot: number): number;
  parcelsAt(at: number): number;
  gramsAt(at: number): number;
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
  slotAt: () => -1,
  parcelsAt: () => 0,
  gramsAt: () => 0,
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

/** Days a hub's window of day loads grows by on either side beyond the day that needs it. */
const HUB_DAYS_SLACK = 7;

/**
 * What a LoadTable holds, as flat arrays (their buffers can be handed to another thread):
 * each loaded departure slot's leg, minute, parcels and grams, each loaded hub-day's hub,
 * day and parcels.
 */
export interface LoadContents {
  slotLegs: Int32Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  slotParcels: Float64Array<ArrayBuffer>;
  slotGrams: Float64Array<ArrayBuffer>;
  hubs: Int32Array<ArrayBuffer>;
  days: Int32Array<ArrayBuffer>;
  hubParcels: Float64Array<ArrayBuffer>;
}

/**
 * Loads in memory, for one network version (leg and hub numbers are its index's):
 * what a process has seen booked, changed by whole reservations.
 */
export class LoadTable implements Loads {
  private readonly slots = new SlotTable();
  /** Per hub, parcels leaving it on the days from hubFirstDay[hub] on (a window that grows as needed). */
  private readonly hubDays: (Int32Array | undefined)[];
  private readonly hubFirstDay: Int32Array;
  /** Departure slots and hub-days with something booked. */
  private booked = 0;
  freed = 0;
  freedKg = 0;

  constructor(private readonly ix: NetworkIndex) {
    this.hubDays = new Array(ix.hubCount);
    this.hubFirstDay = new Int32Array(ix.hubCount);
  }

  parcels(leg: number, slot: number): number {
    const at = this.slots.find(leg, slot);
    return at < 0 ? 0 : this.slots.parcels(at);
  }

  grams(leg: number, slot: number): number {
    const at = this.slots.find(leg, slot);
    return at < 0 ? 0 : this.slots.grams(at);
  }

  slotAt(leg: number, slot: number): number {
    return this.slots.find(leg, slot);
  }

  parcelsAt(at: number): number {
    return this.slots.parcels(at);
  }

  gramsAt(at: number): number {
    return this.slots.grams(at);
  }

  hubParcels(hub: number, day: number): number {
    const days = this.hubDays[hub];
    const at = day - this.hubFirstDay[hub];
    return days !== undefined && at >= 0 && at < days.length ? days[at] : 0;
  }

  get empty(): boolean {
    return this.booked === 0;
  }

  /** What it holds, to build the same table elsewhere (fromContents). */
  contents(): LoadContents {
    const slotLegs: number[] = [];
    const slots: number[] = [];
    const slotParcels: number[] = [];
    const slotGrams: number[] = [];
    this.slots.forEach((leg, slot, parcels, grams) => {
      slotLegs.push(leg);
      slots.push(slot);
      slotParcels.push(parcels);
      slotGrams.push(grams);
    });
    const hubs: number[] = [];
    const days: number[] = [];
    const hubParcels: number[] = [];
    this.hubDays.forEach((window, hub) =>
      window?.forEach((parcels, at) => {
        if (parcels === 0) return;
        hubs.push(hub);
        days.push(this.hubFirstDay[hub] + at);
        hubParcels.push(parcels);
      }),
    );
    return {
      slotLegs: Int32Array.from(slotLegs),
      slots: Int32Array.from(slots),
      slotParcels: Float64Array.from(slotParcels),
      slotGrams: Float64Array.from(slotGrams),
      hubs: Int32Array.from(hubs),
      days: Int32Array.from(days),
      hubParcels: Float64Array.from(hubParcels),
    };
  }

  /** A table of `ix`'s version holding `contents` (another table's, of the same version). */
  static fromContents(ix: NetworkIndex, contents: LoadContents): LoadTable {
    const table = new LoadTable(ix);
    contents.slotLegs.forEach((leg, i) =>
      table.setSlot(leg, contents.slots[i], contents.slotParcels[i], contents.slotGrams[i]),
    );
    contents.hubs.forEach((hub, i) => table.setHubDay(hub, contents.days[i], contents.hubParcels[i]));
    return table;
  }

  /** Adds what `reservations` take (`sign` 1), or gives it back (`sign` −1). */
  apply(reservations: readonly Reservation[], sign: 1 | -1): void {
    for (const r of reservations) {
      if (r.kind === 'departure') {
        const at = this.slots.find(r.leg, r.slot);
        const parcels = at < 0 ? 0 : this.slots.parcels(at);
        const grams = at < 0 ? 0 : this.slots.grams(at);
        // Adding to a slot already loaded frees nothing and empties nothing: changed in place.
        if (at >= 0 && sign === 1) this.slots.set(at, parcels + 1, grams + r.grams);
        else this.setSlot(r.leg, r.slot, parcels + sign, grams + sign * r.grams);
      } else {
        const before = this.hubParcels(r.hub, r.day);
        // Adding to a hub-day already loaded frees nothing and empties nothing: changed in place.
        if (before > 0 && sign === 1) (this.hubDays[r.hub] as Int32Array)[r.day - this.hubFirstDay[r.hub]]++;
        else this.setHubDay(r.hub, r.day, before + sign);
      }
    }
  }

  /** Sets a slot's load to what the ledger says it is. */
  setSlot(leg: number, slot: number, parcels: number, grams: number): void {
    const at = this.slots.find(leg, slot);
    if (at >= 0) {
      const before = this.slots.parcels(at);
      const beforeGrams = this.slots.grams(at);
      const capacity = this.ix.legCapacity[leg];
      const capacityGrams = this.ix.legCapacityGrams[leg];
      if (before + 1 > capacity && parcels + 1 <= capacity) this.freed++;
      // Over its kilograms (a capacity lowered by a new network version) and back within: room for some parcel again.
      if (beforeGrams > capacityGrams && grams <= capacityGrams) this.freed++;
      else if (grams < beforeGrams && grams < capacityGrams) this.freedKg++;
    }
    if (parcels === 0 && grams === 0) {
      if (at >= 0) {
        this.slots.remove(at);
        this.booked--;
      }
    } else if (at >= 0) this.slots.set(at, parcels, grams);
    else {
      this.slots.add(leg, slot, parcels, grams);
      this.booked++;
    }
  }

  /** Sets a hub-day's load to what the ledger says it is. */
  setHubDay(hub: number, day: number, parcels: number): void {
    const before = this.hubParcels(hub, day);
    const capacity = this.ix.hubCapacity[hub];
    if (before !== 0 && before + 1 > capacity && parcels + 1 <= capacity) this.freed++;
    if (before === 0 && parcels === 0) return;
    if (before === 0) this.booked++;
    else if (parcels === 0) this.booked--;
    this.hubDaysWith(hub, day)[day - this.hubFirstDay[hub]] = parcels;
  }

  /** The hub's window of days, grown to hold `day`. */
  private hubDaysWith(hub: number, day: number): Int32Array {
    const days = this.hubDays[hub];
    const first = this.hubFirstDay[hub];
    if (days !== undefined && day >= first && day < first + days.length) return days;
    const from = days === undefined ? day : Math.min(first, day);
    const to = days === undefined ? day + 1 : Math.max(first + days.length, day + 1);
    // Some slack either way, so that a plan's days grow the window a few times at most.
    const grown = new Int32Array(to - from + 2 * HUB_DAYS_SLACK);
    if (days !== undefined) grown.set(days, first - from + HUB_DAYS_SLACK);
    this.hubDays[hub] = grown;
    this.hubFirstDay[hub] = from - HUB_DAYS_SLACK;
    return grown;
  }
}
