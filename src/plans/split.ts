/**
 * Splitting a plan too big for one model: its commodities in parts of at most
 * `maxCommodities`, each part the commodities of whole origin hubs (parcels from one
 * origin compete for its hub-days and first legs most), origins taken in the order
 * their first parcel came. A part is planned over what the parts before it booked.
 */
import type { Commodity } from './commodities';

/**
 * Commodities of one part at most: an LP of about 11,000 columns, solved in a second or
 * two here. Small parts, then the whole plan's LP over their routes (whole-plan.ts), plan
 * better and sooner than larger ones where capacity binds: on 500 hubs at share 0.5,
 * 5,000 parcels in parts of 1,000 are 16.6 % below greedy in 77 s against 11.1 % in
 * 128 s as one model, and 100,000 in parts of 1,000 are 25.8 % below greedy (gap 1.7 %)
 * in 13 minutes against 15.7 % (gap 18.5 %) in 23 in parts of 10,000 without the whole
 * LP (bench/README.md; measured at e0847af, before the whole LP stopped at a tolerance).
 * @defaultValue
 */
export const MAX_COMMODITIES_PER_MODEL = 1_000;

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
