/**
 * Whether a route fixed to its departures takes one more parcel over some loads, and
 * what booking it takes: the rules of CONTRACT §5 (room.ts) for one given departure on
 * each leg instead of the first one with room.
 */
import { dayOf, gramsOf, slotOf, type Loads, type Reservation } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';

export function fits(ix: NetworkIndex, loads: Loads, legs: Int32Array, departs: Int32Array, weightKg: number): boolean {
  const grams = gramsOf(weightKg);
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i];
    const hub = ix.legFrom[leg];
    if (loads.hubParcels(hub, dayOf(departs[i])) + 1 > ix.hubCapacity[hub]) return false;
    const slot = slotOf(ix, leg, departs[i]);
    if (loads.parcels(leg, slot) + 1 > ix.legCapacity[leg]) return false;
    if (loads.grams(leg, slot) + grams > ix.legCapacityGrams[leg]) return false;
  }
  return true;
}

/** What booking the route takes: as reservationsOf, from leg numbers and departures. */
export function reservationsAt(
  ix: NetworkIndex,
  legs: Int32Array,
  departs: Int32Array,
  weightKg: number,
): Reservation[] {
  const grams = gramsOf(weightKg);
  const reservations: Reservation[] = [];
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i];
    reservations.push({ kind: 'departure', leg, slot: slotOf(ix, leg, departs[i]), grams });
    reservations.push({ kind: 'hub', hub: ix.legFrom[leg], day: dayOf(departs[i]) });
  }
  return reservations;
}
