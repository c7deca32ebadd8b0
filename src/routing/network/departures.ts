import { dayOf } from '../capacity/loads';
import { Full, type Room } from '../capacity/room';
import { minuteOfWeek, MINUTES_PER_DAY, MINUTES_PER_WEEK } from '../time';
import type { ClosureTable } from './closures';
import type { NetworkIndex } from './network-index';

/** The departure of a leg that has none with room for the parcel: later than any arrival that counts. */
export const NEVER = 2 ** 30;

/**
 * When a parcel available at `available` at the leg's hub leaves on `leg`, capacity
 * aside: a scheduled leg at its first departure d with d − cutoff ≥ available, a
 * continuous one at once (or at 00:00 of its next running weekday, when it has `days`);
 * a departure that falls in a closure of the leg or its hub moves to the first allowed
 * one after the closure. The result never decreases as `available` grows (FIFO). Kept
 * small: it is inlined into the searches' hottest loop.
 */
export function departureTime(
  ix: NetworkIndex,
  closures: ClosureTable,
  leg: number,
  available: number,
  availableMinuteOfWeek = minuteOfWeek(available),
): number {
  const continuous = ix.schedStart[leg] === ix.schedStart[leg + 1];
  const cutoff = ix.legCutoff[leg]; // 0 for a continuous leg (network-index.ts)
  let mow = availableMinuteOfWeek + cutoff;
  if (mow >= MINUTES_PER_WEEK) mow = minuteOfWeek(available + cutoff);
  let d = firstDeparture(ix, leg, continuous, available + cutoff, mow);
  if (!closures.isEmpty) {
    const hub = ix.legFrom[leg];
    for (let reopen = closures.reopensAt(leg, hub, d); reopen >= 0; reopen = closures.reopensAt(leg, hub, d)) {
      d = firstDeparture(ix, leg, continuous, reopen, minuteOfWeek(reopen));
    }
  }
  return d;
}

/**
 * The departure a parcel takes on `leg` when the first one open to it is `open`
 * (departureTime) and capacity counts: `open` if it has room for the parcel (`room`;
 * none given: capacity aside), else the next with room: the next departure, the next
 * hour on a continuous leg, the next day when the hub's day is full. NEVER when none
 * with room leaves by `room.until`. Still FIFO: it never decreases as `open` grows.
 */
export function departureWithRoom(
  ix: NetworkIndex,
  closures: ClosureTable,
  leg: number,
  open: number,
  room?: Room,
): number {
  return room === undefined || ix.legLimited[leg] === 0 ? open : nextWithRoom(ix, closures, leg, open, room);
}

/** departureWithRoom past its quick answer: the departures from `open` on, until one has room. */
function nextWithRoom(ix: NetworkIndex, closures: ClosureTable, leg: number, open: number, room: Room): number {
  const continuous = ix.schedStart[leg] === ix.schedStart[leg + 1];
  let d = open;
  for (let full = room.check(leg, d); full !== Full.No; full = room.check(leg, d)) {
    if (full === Full.Always || d > room.until) return NEVER;
    room.seen?.add(leg, d, full);
    let next = d + 1;
    if (full === Full.HubDay) next = (dayOf(d) + 1) * MINUTES_PER_DAY;
    else if (continuous) next = d - (d % 60) + 60;
    d = departureTime(ix, closures, leg, next - ix.legCutoff[leg]);
  }
  return d > room.until ? NEVER : d;
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
