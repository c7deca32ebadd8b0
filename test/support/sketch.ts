/**
 * Terse builders for hand-drawn test networks: only what a case is about is
 * spelled out. By default every hub stands on the same spot (so default CO2 is
 * 0), is in DE, sorts in 0 minutes and charges no handling; every leg is a
 * continuous 60-minute truck shuttle of carrier 'Road' costing 1 per parcel.
 */
import type { Hub, Leg, NetworkDocument } from '../../src/routing/types';

export function hub(id: string, fields: Partial<Hub> = {}): Hub {
  return { id, name: id, country: 'DE', lat: 50, lon: 10, sortMinutes: 0, handlingCost: 0, ...fields };
}

export function leg(id: string, from: string, to: string, fields: Partial<Leg> = {}): Leg {
  return {
    id,
    from,
    to,
    mode: 'truck',
    carrier: 'Road',
    durationMinutes: 60,
    costPerParcel: 1,
    costPerKg: 0,
    ...fields,
  };
}

export function sketch(hubs: Hub[], legs: Leg[]): NetworkDocument {
  return { name: 'sketch', hubs, legs };
}
