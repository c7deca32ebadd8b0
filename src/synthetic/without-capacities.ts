import type { NetworkDocument } from '../routing/types';

/** The same network with no capacity anywhere: what routing with nothing booked and no limit sees. */
export function withoutCapacities(doc: NetworkDocument): NetworkDocument {
  return {
    ...doc,
    hubs: doc.hubs.map(({ capacityPerDay: _, ...hub }) => hub),
    legs: doc.legs.map(({ capacityPerDeparture: _p, capacityKgPerDeparture: _kg, ...leg }) => leg),
  };
}
