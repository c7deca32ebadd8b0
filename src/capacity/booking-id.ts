/**
 * Booking ids, which say where a booking is kept:
 * - a booking made by POST /v1/bookings: `<YYYYMMDD>-<22 random characters>`, the date
 *   being the last UTC date the booking holds, whose ledger keeps its record;
 * - a parcel booked in a run of many, a batch or a plan: `<batchId or planId>.<chunk>.<i>`,
 *   the i-th parcel (from 0) of chunk `chunk`, whose result line is its record.
 *   Deterministic, so that a chunk run twice books the same ids, which the ledger holds
 *   once.
 */
import { randomFillSync } from 'node:crypto';
import { compactDate, dayOfDate, expandDate } from './dates';

export type BookingRef =
  | { kind: 'single'; id: string; home: string }
  | { kind: 'run'; id: string; runId: string; chunk: number; index: number };

const SINGLE = /^(\d{8})-[A-Za-z0-9_-]{22}$/;
const RUN = /^([A-Za-z0-9-]{1,64})\.(\d{1,7})\.(\d{1,5})$/;

/** Random bytes drawn a page at a time: one draw per 256 bookings, not one each. */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** The random part of a new booking's id (it keeps it across its attempts): 128 bits. */
export function newBookingNonce(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.toString('base64url', used - 16, used);
}

/** The id of a booking whose last date is `home`. */
export function singleBookingId(home: string, nonce: string): string {
  return `${compactDate(home)}-${nonce}`;
}

/** A parcel booked in a batch or a plan. */
export type RunRef = Extract<BookingRef, { kind: 'run' }>;

/** The parcel's place in its run, "<chunk>.<i>" (its field in the run's hash of released parcels). */
export function placeOf(ref: RunRef): string {
  return `${ref.chunk}.${ref.index}`;
}

export function runBookingId(runId: string, chunk: number, index: number): string {
  return `${runId}.${chunk}.${index}`;
}

/** What an id names, or undefined when it is not a booking id of either kind. */
export function parseBookingId(id: string): BookingRef | undefined {
  const single = SINGLE.exec(id);
  if (single) {
    const home = expandDate(single[1]);
    return dayOfDate(home) === undefined ? undefined : { kind: 'single', id, home };
  }
  const run = RUN.exec(id);
  if (run) return { kind: 'run', id, runId: run[1], chunk: Number(run[2]), index: Number(run[3]) };
  return undefined;
}
