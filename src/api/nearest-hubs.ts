/**
 * GET /v1/hubs/nearest: the hubs nearest to a point by great-circle distance
 * (as OSRM's `nearest` service answers for roads), optionally of one kind.
 * A linear scan: a network has thousands of hubs, not millions, and the call
 * is made by people and setup scripts, not per parcel.
 */
import { distanceKm } from '../routing/network/geo';
import type { Hub, HubKind } from '../routing/types';

export interface NearbyHub {
  hub: Hub;
  distanceKm: number;
}

export interface NearestQuery {
  lat: number;
  lon: number;
  /** Only hubs of this kind (hubs without a kind never match). @defaultValue any */
  kind?: HubKind;
  limit: number;
}

/** At most `limit` hubs, nearest first; equal distances in hub id order, so the answer is the same on every process. */
export function nearestHubs(hubs: readonly Hub[], query: NearestQuery): NearbyHub[] {
  const point = { lat: query.lat, lon: query.lon };
  const found: NearbyHub[] = [];
  for (const hub of hubs) {
    if (query.kind === undefined || hub.kind === query.kind) found.push({ hub, distanceKm: distanceKm(point, hub) });
  }
  found.sort((a, b) => a.distanceKm - b.distanceKm || (a.hub.id < b.hub.id ? -1 : a.hub.id > b.hub.id ? 1 : 0));
  return found.slice(0, query.limit);
}
