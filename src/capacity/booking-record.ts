/**
 * The record of a booking made by POST /v1/bookings, kept in the records hash of its
 * last date (beside its holds there, so that the script that reserves it writes both):
 * `<state> <created ms> <date>,<date>…\n<answer JSON>`, stored as its state line under
 * the booking's id and its answer under `<id>:a`, so that the ledger's scripts read and
 * change the short state line alone, its first character being the state:
 * - C confirmed: written by the call that reserves its last date, once every other date
 *   holds it, then answered 201; what GET /v1/bookings/:id returns;
 * - R releasing: DELETE has begun giving its capacity back;
 * - X released;
 * - G given up: a tombstone for a booking never made, written by a resolver after its
 *   process stalled or stopped before its last date (unsettled-resolver.ts), or by a
 *   request that takes its Idempotency-Key over (booking-service.ts). It stays until its
 *   date expires, so that a reservation of that process that comes later cannot make the
 *   booking.
 */
export type RecordState = 'C' | 'R' | 'X' | 'G';

export interface BookingRecord {
  state: RecordState;
  createdMs: number;
  /** Every date the booking holds, in order. */
  dates: string[];
  /** The answer that made it: the route response with bookingId and bookedAt. */
  json: string;
}

export function encodeRecord(record: BookingRecord): string {
  return `${record.state} ${record.createdMs} ${record.dates.join(',')}\n${record.json}`;
}

/** A record, or its state line alone (the answer then reads ''). */
export function decodeRecord(text: string): BookingRecord {
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  const [state, createdMs, dates] = head.split(' ');
  return {
    state: state as RecordState,
    createdMs: Number(createdMs),
    dates: dates.split(','),
    json: newline < 0 ? '' : text.slice(newline + 1),
  };
}
