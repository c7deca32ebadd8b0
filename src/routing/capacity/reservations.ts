import type { NetworkIndex } from '../network/network-index';
import type { RoutePlan } from '../types';
import { dayOf, gramsOf, slotOf, type Reservation } from './loads';

/**
 * What booking a route takes (capacity: docs/network.md): one parcel and its weight on the departure
 * slot of every leg, and one parcel on the day of every hub it leaves (the destination
 * is left by none). Every leg and hub counts, whether it declares a capacity or not, so
 * that what is booked can be listed.
 */
export function reservationsOf(ix: NetworkIndex, route: RoutePlan, weightKg: number): Reservation[] {
  const grams = gramsOf(weightKg);
  const reservations: Reservation[] = [];
  for (const step of route.legs) {
    const leg = ix.legByCode.get(step.legId);
    if (leg === undefined) throw new RangeError(`leg '${step.legId}' is not in this network`);
    reservations.push({ kind: 'departure', leg, slot: slotOf(ix, leg, step.departAt), grams });
    reservations.push({ kind: 'hub', hub: ix.legFrom[leg], day: dayOf(step.departAt) });
  }
  return reservations;
}
