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
    /** Where the departures found full are noted, for a sweep (FullSeen); none for a search. */
    readonly seen: FullSeen | null = null,
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
    const loads = this.loads;
    const at = loads.slotAt(leg, slot);
    if (at >= 0 && (loads.parcelsAt(at) + 1 > capacity || loads.gramsAt(at) + this.grams > capacityGrams)) {
      return Full.Departure;
    }
    return Full.No;
  }
}

/**
 * Departures a sweep keeps at most of those it found full; a sweep that found more is
 * dropped at the first release anywhere. @defaultValue
 */
export const MAX_FULL_SEEN = 1024;

/** Departure minutes noted stay below this (the year 2097), so that a leg and a minute make one key. */
const MINUTES_LIMIT = 2 ** 26;

/**
 * The departures a sweep found full as it ran, and why, noted by its Room (routing
 * README, "Sweeps and capacity"). The sweep's run depends on what it found: a full
 * departure sends it to the next one, a full hub-day to the next day, past the day's
 * other departures of the leg. So the sweep is still what it would be over the loads of
 * now, with room added only where it never looked, while each departure it found full
 * for itself is full still (for itself or its hub-day), and each it found full for its
 * hub-day still has that hub-day full.
 */
export class FullSeen {
  /** leg × MINUTES_LIMIT + minute, negated when the departure's hub-day was full. */
  private readonly keys = new Set<number>();
  private overflowed = false;

  add(leg: number, departAt: number, full: Full): void {
    // A minute past the keys' range counts as one more than are kept: the sweep goes at the first release.
    if (departAt < 0 || departAt >= MINUTES_LIMIT) this.overflowed = true;
    const key = (leg * MINUTES_LIMIT + departAt) * (full === Full.HubDay ? -1 : 1);
    if (this.keys.size < MAX_FULL_SEEN) this.keys.add(key);
    else if (!this.keys.has(key)) this.overflowed = true;
  }

  /** Whether each departure noted is full as it was for `room`'s parcel (false when more were found than kept). */
  stillFull(room: Room): boolean {
    if (this.overflowed) return false;
    for (const key of this.keys) {
      const at = Math.abs(key);
      const full = room.check(Math.floor(at / MINUTES_LIMIT), at % MINUTES_LIMIT);
      if (key < 0 ? full !== Full.HubDay : full === Full.No) return false;
    }
    return true;
  }
}
