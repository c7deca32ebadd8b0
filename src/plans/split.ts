/**
 * Splitting a plan too big for one model: its commodities in parts of at most
 * `maxCommodities`, each part the commodities of whole origin hubs (parcels from one
 * origin compete for its hub-days and first legs most), origins taken in the order
 * their first parcel came. A part is planned over what the parts before it booked.
 */
import type { Commodity } from './commodities';

/** Commodities of one model at most: an LP of about 70,000 columns that HiGHS solves in about a minute here, far within its 2 GB of WebAssembly memory. @defaultValue */
export const MAX_COMMODITIES_PER_MODEL = 10_000;

/** The commodities in parts (each a list of commodity ids); one part when they fit. */
export function splitByOrigin(commodities: readonly Commodity[], maxCommodities: number): number[][] {
  if (commodities.length <= maxCommodities) return [commodities.map((c) => c.id)];
  const byOrigin = new Map<number, number[]>();
  for (const c of commodities) {
    const ids = byOrigin.get(c.origin);
    if (ids) ids.push(c.id);
    else byOrigin.set(c.origin, [c.id]);
  }
  const parts: number[][] = [];
  let part: number[] = [];
  for (const ids of byOrigin.values()) {
    for (let start = 0; start < ids.length; start += maxCommodities) {
      const slice = ids.slice(start, start + maxCommodities);
      if (part.length + slice.length > maxCommodities && part.length > 0) {
        parts.push(part);
        part = [];
      }
      part.push(...slice);
    }
  }
  if (part.length) parts.push(part);
  return parts;
}
