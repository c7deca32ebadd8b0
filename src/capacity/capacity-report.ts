/**
 * GET /v1/capacity?date=… (CONTRACT §5): every departure and hub-day of one UTC date
 * with a booking or a declared capacity, from the ledger's counters of that date and the
 * active network's schedule. Pure: the caller reads the counters.
 *
 * A scheduled leg with a declared capacity lists each of its departures that day; a
 * continuous leg (capacity per UTC clock hour) lists only the hours with bookings: every
 * other hour of it has its whole capacity, none booked. A leg or hub that the active
 * network no longer has is listed with its bookings and no capacity (null).
 */
import type { NetworkIndex } from '../routing/network/network-index';
import { MINUTES_PER_DAY, minuteOfWeek } from '../routing/time';
import { parseField } from './holds';

export interface DepartureLoad {
  legId: string;
  /** Epoch minute of the departure (of the hour, on a continuous leg). */
  departAt: number;
  /** Parcels a departure carries; null when none is declared. */
  capacity: number | null;
  capacityKg: number | null;
  booked: number;
  bookedKg: number;
}

export interface HubDayLoad {
  hubId: string;
  capacity: number | null;
  booked: number;
}

export interface CapacityReport {
  departures: DepartureLoad[];
  hubs: HubDayLoad[];
}

export interface ReportFilter {
  legId?: string;
  hubId?: string;
}

/** The report of epoch day `day` from its counters (`p:`, `g:` and `h:` fields with their values). */
export function capacityReport(
  ix: NetworkIndex,
  day: number,
  counters: ReadonlyMap<string, number>,
  filter: ReportFilter = {},
): CapacityReport {
  const departures = new Map<string, DepartureLoad>();
  const departure = (legId: string, departAt: number): DepartureLoad => {
    const key = `${legId}:${departAt}`;
    let load = departures.get(key);
    if (!load) departures.set(key, (load = { legId, departAt, ...legCapacity(ix, legId), booked: 0, bookedKg: 0 }));
    return load;
  };
  const hubs = new Map<string, HubDayLoad>();
  const hubDay = (hubId: string): HubDayLoad => {
    let load = hubs.get(hubId);
    if (!load)
      hubs.set(hubId, (load = { hubId, capacity: finite(ix.hubCapacity[ix.hubByCode.get(hubId) ?? -1]), booked: 0 }));
    return load;
  };

  for (let leg = 0; leg < ix.legCount; leg++) {
    if (ix.legCapacity[leg] === Infinity && ix.legCapacityGrams[leg] === Infinity) continue;
    for (const departAt of scheduledDepartures(ix, leg, day)) departure(ix.legIds[leg], departAt);
  }
  for (let hub = 0; hub < ix.hubCount; hub++) if (ix.hubCapacity[hub] < Infinity) hubDay(ix.hubIds[hub]);
  for (const [field, value] of counters) {
    const parsed = parseField(field);
    if (parsed.kind === 'parcels') departure(parsed.legId, parsed.slot).booked = value;
    else if (parsed.kind === 'grams') departure(parsed.legId, parsed.slot).bookedKg = value / 1000;
    else if (parsed.kind === 'hub') hubDay(parsed.hubId).booked = value;
  }
  return {
    departures: [...departures.values()]
      .filter((d) => filter.legId === undefined || d.legId === filter.legId)
      .filter((d) => filter.hubId === undefined || legFrom(ix, d.legId) === filter.hubId)
      .sort((a, b) => a.departAt - b.departAt || (a.legId < b.legId ? -1 : a.legId > b.legId ? 1 : 0)),
    hubs: [...hubs.values()]
      .filter((h) => filter.hubId === undefined || h.hubId === filter.hubId)
      .filter((h) => filter.legId === undefined || legFrom(ix, filter.legId) === h.hubId)
      .sort((a, b) => (a.hubId < b.hubId ? -1 : a.hubId > b.hubId ? 1 : 0)),
  };
}

/** The epoch minutes of a scheduled leg's departures on epoch day `day` (none for a continuous leg). */
export function scheduledDepartures(ix: NetworkIndex, leg: number, day: number): number[] {
  const dayStart = day * MINUTES_PER_DAY;
  const weekStart = dayStart - minuteOfWeek(dayStart);
  const out: number[] = [];
  for (let i = ix.schedStart[leg]; i < ix.schedStart[leg + 1]; i++) {
    const departAt = weekStart + ix.schedTimes[i];
    if (departAt >= dayStart && departAt < dayStart + MINUTES_PER_DAY) out.push(departAt);
  }
  return out;
}

function legCapacity(ix: NetworkIndex, legId: string): { capacity: number | null; capacityKg: number | null } {
  const leg = ix.legByCode.get(legId);
  if (leg === undefined) return { capacity: null, capacityKg: null };
  const grams = finite(ix.legCapacityGrams[leg]);
  return { capacity: finite(ix.legCapacity[leg]), capacityKg: grams === null ? null : grams / 1000 };
}

function legFrom(ix: NetworkIndex, legId: string): string | undefined {
  const leg = ix.legByCode.get(legId);
  return leg === undefined ? undefined : ix.hubIds[ix.legFrom[leg]];
}

function finite(value: number | undefined): number | null {
  return value === undefined || value === Infinity ? null : value;
}
