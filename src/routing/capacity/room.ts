import type { NetworkIndex } from '../network/network-index';
import { dayOf, gramsOf, NO_LOADS, slotOf, type Loads } from './loads';

/** Why a departure cannot take the parcel. */
export const enum Full {
  No = 0,
  /** The departure slot has no room for one more parcel, or for its weight. */
  Departure = 1,
  /** The hub it leaves has no room for one more parcel that day. */
  HubDay = 2,
  /** The parcel is heavier than any departure of the leg carries. */
  Always = 3,
}

/**
 * Whether departures have room for one parcel of a given weight (capacity: docs/network.md): a
 * departure slot is full when `booked + 1 > capacityPerDeparture` or `bookedKg + w >
 * capacityKgPerDeparture`, a hub-day when `booked + 1 > capacityPerDay`, so exactly full
 * still fits. Weights count in whole grams (gramsOf).
 */
export class Room {
  /** Every departure has room: capacity is not looked at (routing by the schedule alone). */
  static readonly UNLIMITED = new Room(null, NO_LOADS, 0, Infinity);

  private readonly grams: number;
  /**
   * Whether no departure can be full for this parcel: no capacity to look at, or nothing
   * booked and the parcel no heavier than any departure carries. Then nothing need be checked.
   */
  readonly isUnlimited: boolean;

  constructor(
    private readonly ix: NetworkIndex | null,
    readonly loads: Loads,
    /** The parcel's weight; 0 for what has room for some parcel (a sweep, for every weight). */
    readonly weightKg: number,
    /** Departures after this minute are not looked for: the query's horizon. */
    readonly until: number,
  ) {
    this.grams = gramsOf(weightKg);
    this.isUnlimited = ix === null || (loads.empty && this.grams <= ix.minCapacityGrams);
  }

  /** Whether a departure of `leg` at minute `departAt` takes the parcel, and if not, why. */
  check(leg: number, departAt: number): Full {
    const ix = this.ix;
    if (ix === null || ix.legLimited[leg] === 0) return Full.No;
    const hub = ix.legFrom[leg];
    if (this.loads.hubParcels(hub, dayOf(departAt)) + 1 > ix.hubCapacity[hub]) return Full.HubDay;
    const capacity = ix.legCapacity[leg];
    const capacityGrams = ix.legCapacityGrams[leg];
    if (capacity === Infinity && capacityGrams === Infinity) return Full.No;
    if (this.grams > capacityGrams) return Full.Always;
    const slot = slotOf(ix, leg, departAt);
    if (this.loads.parcels(leg, slot) + 1 > capacity || this.loads.grams(leg, slot) + this.grams > capacityGrams) {
      return Full.Departure;
    }
    return Full.No;
  }
}
