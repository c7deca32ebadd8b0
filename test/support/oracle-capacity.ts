/**
 * The test oracle's own reading of the capacity rules (docs/network.md), written naively and apart from
 * src/routing/capacity: a ledger of what is booked, by leg id and departure minute
 * (the clock hour on a continuous leg) and by hub id and UTC day, and when a parcel
 * leaves on a leg once full departures and hub-days are skipped.
 */
import { MINUTES_PER_DAY } from '../../src/routing/time';
import type { Closure, Leg } from '../../src/routing/types';
import { isScheduled, nextDeparture } from './oracle-schedule';

interface Booked {
  parcels: number;
  grams: number;
}

/** Kilograms as capacity counts them: whole grams, a parcel's weight rounded up after rounding to the milligram. */
function grams(kg: number): number {
  return Math.ceil(Math.round(kg * 1e6) / 1000);
}

export class OracleLedger {
  private readonly departures = new Map<string, Booked>();
  private readonly hubDays = new Map<string, number>();

  constructor(private readonly hubCapacity: ReadonlyMap<string, number | undefined>) {}

  /** The minute a departure of `leg` at `d` counts in. */
  static slot(leg: Leg, d: number): number {
    return isScheduled(leg) ? d : d - (d % 60);
  }

  private departure(leg: Leg, d: number): Booked {
    return this.departures.get(`${leg.id}@${OracleLedger.slot(leg, d)}`) ?? { parcels: 0, grams: 0 };
  }

  private hubDay(hubId: string, d: number): number {
    return this.hubDays.get(`${hubId}#${Math.floor(d / MINUTES_PER_DAY)}`) ?? 0;
  }

  hubDayFull(leg: Leg, d: number): boolean {
    const capacity = this.hubCapacity.get(leg.from);
    return capacity !== undefined && this.hubDay(leg.from, d) + 1 > capacity;
  }

  departureFull(leg: Leg, d: number, weightKg: number): boolean {
    const booked = this.departure(leg, d);
    if (leg.capacityPerDeparture !== undefined && booked.parcels + 1 > leg.capacityPerDeparture) return true;
    const kg = leg.capacityKgPerDeparture;
    return kg !== undefined && booked.grams + grams(weightKg) > Math.floor(Math.round(kg * 1e6) / 1000);
  }

  /** Books (sign 1) or releases (sign −1) one parcel on a leg departing at `d`. */
  book(leg: Leg, d: number, weightKg: number, sign: 1 | -1): void {
    const key = `${leg.id}@${OracleLedger.slot(leg, d)}`;
    const booked = this.departure(leg, d);
    this.departures.set(key, { parcels: booked.parcels + sign, grams: booked.grams + sign * grams(weightKg) });
    const day = `${leg.from}#${Math.floor(d / MINUTES_PER_DAY)}`;
    this.hubDays.set(day, (this.hubDays.get(day) ?? 0) + sign);
  }
}

/**
 * The first departure of `leg` for a parcel available at `available` that is open and
 * has room, by trying each departure in turn; null when none leaves by `latest`.
 */
export function departureWithRoom(
  leg: Leg,
  available: number,
  closures: readonly Closure[],
  latest: number,
  ledger: OracleLedger,
  weightKg: number,
): number | null {
  const cutoff = isScheduled(leg) ? (leg.cutoffMinutes ?? 0) : 0;
  for (let t = available; ;) {
    const d = nextDeparture(leg, t, closures, latest);
    if (d === null || d > latest) return null;
    if (ledger.hubDayFull(leg, d)) t = (Math.floor(d / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY - cutoff;
    else if (ledger.departureFull(leg, d, weightKg)) t = (isScheduled(leg) ? d + 1 : d - (d % 60) + 60) - cutoff;
    else return d;
  }
}
