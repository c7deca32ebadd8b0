/**
 * The record of a booking made by POST /v1/bookings, kept in the records hash of its
 * last date (beside its holds there, so that the script that reserves it writes both):
 * `<state> <created ms> <date>,<date>…\n<answer JSON>`. The ledger's scripts read and
 * change the state alone, its first character:
 * - P pending: reserved (or being reserved) on its dates, not yet answered;
 * - C confirmed: answered 201; what GET /v1/bookings/:id returns;
 * - R releasing: DELETE has begun giving its capacity back;
 * - X released.
 */
export type RecordState = 'P' | 'C' | 'R' | 'X';

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

export function decodeRecord(text: string): BookingRecord {
  const newline = text.indexOf('\n');
  const [state, createdMs, dates] = text.slice(0, newline).split(' ');
  return { state: state as RecordState, createdMs: Number(createdMs), dates: dates.split(','), json: text.slice(newline + 1) };
}
