/**
 * How full the fullest departures and hub-days of today and tomorrow (UTC) are, from a
 * process's view of the loads: booked ÷ capacity, the larger of parcels and weight for a
 * departure. Only what has bookings and a declared capacity counts. Read at scrape time
 * for the utilisation gauges, whose label sets this keeps small (the `limit` fullest).
 */
import type { NetworkIndex } from '../routing/network/network-index';
import { MINUTES_PER_DAY } from '../routing/time';
import { minutesToIso } from '../wire/time';
import { dateOfDay } from './dates';
import { parseField } from './holds';

export interface Fullest {
  departures: { legId: string; departAt: string; utilisation: number }[];
  hubs: { hubId: string; date: string; utilisation: number }[];
}

/** The `limit` fullest departures and hub-days of today and tomorrow, fullest first. */
export function fullest(
  index: NetworkIndex,
  valuesOf: (date: string) => ReadonlyMap<string, number>,
  limit: number,
  nowMs = Date.now(),
): Fullest {
  const today = Math.floor(nowMs / 60_000 / MINUTES_PER_DAY);
  const departures = new Map<string, { legId: string; departAt: string; utilisation: number }>();
  const hubs: Fullest['hubs'] = [];
  for (const date of [dateOfDay(today), dateOfDay(today + 1)]) {
    for (const [field, value] of valuesOf(date)) {
      const parsed = parseField(field);
      if (parsed.kind === 'hub') {
        const hub = index.hubByCode.get(parsed.hubId);
        if (hub !== undefined && index.hubCapacity[hub] < Infinity)
          hubs.push({ hubId: parsed.hubId, date, utilisation: value / index.hubCapacity[hub] });
        continue;
      }
      if (parsed.kind === 'other') continue;
      const leg = index.legByCode.get(parsed.legId);
      if (leg === undefined) continue;
      const capacity = parsed.kind === 'parcels' ? index.legCapacity[leg] : index.legCapacityGrams[leg];
      if (capacity === Infinity) continue;
      const key = `${parsed.legId}:${parsed.slot}`;
      const known = departures.get(key);
      const utilisation = Math.max(value / capacity, known?.utilisation ?? 0);
      departures.set(key, { legId: parsed.legId, departAt: minutesToIso(parsed.slot), utilisation });
    }
  }
  const byFullness = <T extends { utilisation: number }>(a: T, b: T) => b.utilisation - a.utilisation;
  return {
    departures: [...departures.values()].sort(byFullness).slice(0, limit),
    hubs: hubs.sort(byFullness).slice(0, limit),
  };
}

/** The fullest departures and hub-days as the utilisation gauges read them: from `view`, on the network `live` serves. */
export function utilisationOf(
  view: { valuesOf(date: string): ReadonlyMap<string, number> },
  live: { readonly current?: { readonly index: NetworkIndex } },
) {
  return {
    fullest(limit: number): Fullest {
      const index = live.current?.index;
      return index ? fullest(index, (date) => view.valuesOf(date), limit) : { departures: [], hubs: [] };
    },
  };
}
