/**
 * Bookings (the core's reservations) packed into flat arrays, to cross between threads:
 * what greedy booked since it last asked its helper for choices (search-helper.ts), which
 * the helper adds to its own copy of greedy's loads.
 */
import type { LoadTable, Reservation } from '../routing/capacity/loads';

export interface PackedReservations {
  /** The leg of a departure, or −1 − the hub of a hub-day. */
  at: Int32Array<ArrayBuffer>;
  /** The departure's slot, or the hub-day's day. */
  when: Int32Array<ArrayBuffer>;
  /** The departure's grams (0 for a hub-day). */
  grams: Float64Array<ArrayBuffer>;
}

export function packReservations(reservations: readonly Reservation[]): PackedReservations {
  const n = reservations.length;
  const packed = { at: new Int32Array(n), when: new Int32Array(n), grams: new Float64Array(n) };
  reservations.forEach((r, i) => {
    packed.at[i] = r.kind === 'departure' ? r.leg : -1 - r.hub;
    packed.when[i] = r.kind === 'departure' ? r.slot : r.day;
    packed.grams[i] = r.kind === 'departure' ? r.grams : 0;
  });
  return packed;
}

/** Books them on `loads`. */
export function applyPacked(loads: LoadTable, packed: PackedReservations): void {
  const reservations: Reservation[] = Array.from(packed.at, (at, i) =>
    at >= 0
      ? { kind: 'departure', leg: at, slot: packed.when[i], grams: packed.grams[i] }
      : { kind: 'hub', hub: -1 - at, day: packed.when[i] },
  );
  loads.apply(reservations, 1);
}
