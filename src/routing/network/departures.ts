import type { ClosureTable } from './closures';
import type { NetworkIndex } from './network-index';
import { minuteOfWeek, MINUTES_PER_DAY, MINUTES_PER_WEEK } from '../time';

/**
 * When a parcel available at `available` at the leg's hub leaves on `leg` (CONTRACT §2):
 * a scheduled leg at its first departure d with d − cutoff ≥ available, a continuous one
 * at once (or at 00:00 of its next running weekday, when it has `days`); a departure that falls in a closure of the leg or its hub moves to the first
 * allowed one after the closure. The result never decreases as `available` grows (FIFO).
 */
export function departureTime(
  ix: NetworkIndex,
  closures: ClosureTable,
  leg: number,
  available: number,
  availableMinuteOfWeek = minuteOfWeek(available),
): number {
  const continuous = ix.schedStart[leg] === ix.schedStart[leg + 1];
  const cutoff = ix.legCutoff[leg]; // 0 for a continuous leg (prepare.ts)
  let mow = availableMinuteOfWeek + cutoff;
  if (mow >= MINUTES_PER_WEEK) mow = minuteOfWeek(available + cutoff);
  let d = firstDeparture(ix, leg, continuous, available + cutoff, mow);
  if (closures.isEmpty) return d;
  const hub = ix.legFrom[leg];
  for (let reopen = closures.reopensAt(leg, hub, d); reopen >= 0; reopen = closures.reopensAt(leg, hub, d)) {
    d = firstDeparture(ix, leg, continuous, reopen, minuteOfWeek(reopen));
  }
  return d;
}

/** The first departure of `leg` at or after minute t (minute of the week: mow), cut-off aside. */
function firstDeparture(ix: NetworkIndex, leg: number, continuous: boolean, t: number, mow: number): number {
  return continuous ? continuousDeparture(ix, leg, t, mow) : nextScheduled(ix, leg, t, mow);
}

/** The first scheduled departure of `leg` at or after minute t, whose minute of the week is mow. */
function nextScheduled(ix: NetworkIndex, leg: number, t: number, mow: number): number {
  const times = ix.schedTimes;
  const start = ix.schedStart[leg];
  const end = ix.schedStart[leg + 1];
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < mow) lo = mid + 1;
    else hi = mid;
  }
  const weekStart = t - mow;
  return lo < end ? weekStart + times[lo] : weekStart + MINUTES_PER_WEEK + times[start];
}

/** A continuous leg leaves at t, unless t falls on a weekday it does not run: then at 00:00 of the next one. */
function continuousDeparture(ix: NetworkIndex, leg: number, t: number, mow: number): number {
  const days = ix.legDays[leg];
  let weekday = Math.floor(mow / MINUTES_PER_DAY);
  if (days & (1 << weekday)) return t;
  let d = t - (mow - weekday * MINUTES_PER_DAY);
  do {
    d += MINUTES_PER_DAY;
    weekday = (weekday + 1) % 7;
  } while (!(days & (1 << weekday)));
  return d;
}
