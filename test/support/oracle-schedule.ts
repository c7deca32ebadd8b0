/**
 * The test oracle's own reading of the routing rules (docs/api.md, What a route is) timing rules, written naively and
 * independently of src/routing: when does a parcel that is available at a hub
 * at minute `available` leave on a given leg?
 */
import { clockMinutes, MINUTES_PER_DAY } from '../../src/routing/time';
import type { Closure, Leg } from '../../src/routing/types';

/** ISO weekday (1 = Monday … 7 = Sunday) of the UTC date holding epoch minute `t`. */
export function isoWeekday(t: number): number {
  const sundayIsZero = new Date(t * 60_000).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

export function isScheduled(leg: Leg): boolean {
  return (leg.departures ?? []).length > 0;
}

/** The closure that forbids departing on `leg` at minute `t`, if any. */
export function closureAt(leg: Leg, t: number, closures: readonly Closure[]): Closure | undefined {
  return closures.find((c) => (c.legId === leg.id || c.hubId === leg.from) && c.from <= t && t < c.until);
}

/**
 * The departure minute for a parcel available at `available`, or null when the
 * leg does not leave on or before the day of `latest`.
 * Scheduled legs: scan day by day, every listed time on an allowed weekday, the
 * earliest one with d − cutoff ≥ available that is not closed.
 * Continuous legs: leave at `available`, pushed to the end of any closure and,
 * when `days` is given, to the start of the next allowed weekday.
 */
export function nextDeparture(
  leg: Leg,
  available: number,
  closures: readonly Closure[],
  latest: number,
): number | null {
  if (!isScheduled(leg)) {
    let t = available;
    for (;;) {
      if (t > latest) return null;
      const closure = closureAt(leg, t, closures);
      if (closure) t = closure.until;
      else if (leg.days !== undefined && !leg.days.includes(isoWeekday(t)))
        t = (Math.floor(t / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
      else return t;
    }
  }
  const cutoff = leg.cutoffMinutes ?? 0;
  const times = leg.departures!.map(clockMinutes).sort((a, b) => a - b);
  const lastDay = Math.floor(latest / MINUTES_PER_DAY);
  for (let day = Math.floor(available / MINUTES_PER_DAY); day <= lastDay; day++) {
    for (const time of times) {
      const d = day * MINUTES_PER_DAY + time;
      const allowedDay = leg.days === undefined || leg.days.includes(isoWeekday(d));
      if (allowedDay && d - cutoff >= available && !closureAt(leg, d, closures)) return d;
    }
  }
  return null;
}
