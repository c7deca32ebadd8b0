/**
 * Bookings a new network version or a closure leaves stranded (CONTRACT §5): a new
 * version keeps every booking made under an older one (bookings name legs by id and
 * departures by minute), and nothing is dropped. What the active network no longer
 * serves is listed by GET /v1/bookings/affected, for people to re-book:
 * - a departure whose leg is gone, or that the leg no longer makes (its timetable or
 *   weekdays changed), or that a closure of the leg or of its hub covers;
 * - a departure or hub-day booked past the capacity the active network declares;
 * - a hub-day of a hub that is gone.
 * Their holds stay as they are: the counters keep them, and they free only when the
 * bookings are released (DELETE) or their date expires.
 */
import type { NetworkIndex } from '../routing/network/network-index';
import { MINUTES_PER_DAY, minuteOfWeek } from '../routing/time';
import type { Closure } from '../routing/types';
import type { DepartureLoad, HubDayLoad } from './capacity-report';
import { departureField, hubField, parseField } from './holds';

export type AffectedReason = 'leg-gone' | 'departure-gone' | 'leg-closed' | 'hub-closed' | 'hub-gone' | 'over-capacity';

export interface AffectedDeparture extends DepartureLoad {
  reason: AffectedReason;
}

export interface AffectedHubDay extends HubDayLoad {
  reason: AffectedReason;
}

export interface Affected {
  departures: AffectedDeparture[];
  hubs: AffectedHubDay[];
}

/** What the active network (`ix`, with `closures`) leaves stranded among the bookings of a date (its counters). */
export function affectedLoads(
  ix: NetworkIndex,
  closures: readonly Closure[],
  counters: ReadonlyMap<string, number>,
): Affected {
  const departures: AffectedDeparture[] = [];
  const hubs: AffectedHubDay[] = [];
  for (const [field, booked] of counters) {
    const parsed = parseField(field);
    if (parsed.kind === 'parcels') {
      const grams = counters.get(`g${field.slice(1)}`) ?? 0;
      const leg = ix.legByCode.get(parsed.legId);
      const capacity = leg === undefined ? null : finite(ix.legCapacity[leg]);
      const capacityGrams = leg === undefined ? null : finite(ix.legCapacityGrams[leg]);
      const load = {
        legId: parsed.legId,
        departAt: parsed.slot,
        capacity,
        capacityKg: capacityGrams === null ? null : capacityGrams / 1000,
        booked,
        bookedKg: grams / 1000,
      };
      const reason = departureReason(ix, closures, leg, parsed.slot, booked, grams);
      if (reason) departures.push({ ...load, reason });
    } else if (parsed.kind === 'hub') {
      const hub = ix.hubByCode.get(parsed.hubId);
      const capacity = hub === undefined ? null : finite(ix.hubCapacity[hub]);
      const reason: AffectedReason | undefined =
        hub === undefined ? 'hub-gone' : capacity !== null && booked > capacity ? 'over-capacity' : undefined;
      if (reason) hubs.push({ hubId: parsed.hubId, capacity, booked, reason });
    }
  }
  departures.sort((a, b) => a.departAt - b.departAt || (a.legId < b.legId ? -1 : a.legId > b.legId ? 1 : 0));
  hubs.sort((a, b) => (a.hubId < b.hubId ? -1 : a.hubId > b.hubId ? 1 : 0));
  return { departures, hubs };
}

/** The fields of the affected loads, as holds name them: what to look for among a date's holds. */
export function affectedFields(affected: Affected): Set<string> {
  return new Set([
    ...affected.departures.map((d) => departureField(d.legId, d.departAt)),
    ...affected.hubs.map((h) => hubField(h.hubId)),
  ]);
}

function departureReason(
  ix: NetworkIndex,
  closures: readonly Closure[],
  leg: number | undefined,
  slot: number,
  booked: number,
  grams: number,
): AffectedReason | undefined {
  if (leg === undefined) return 'leg-gone';
  if (!departs(ix, leg, slot)) return 'departure-gone';
  const legId = ix.legIds[leg];
  const hubId = ix.hubIds[ix.legFrom[leg]];
  const covers = (c: Closure) => c.from <= slot && slot < c.until;
  if (closures.some((c) => c.legId === legId && covers(c))) return 'leg-closed';
  if (closures.some((c) => c.hubId === hubId && covers(c))) return 'hub-closed';
  if (booked > ix.legCapacity[leg] || grams > ix.legCapacityGrams[leg]) return 'over-capacity';
  return undefined;
}

/** Whether the leg (as the active network has it) departs in `slot`: at that minute, or in that hour on a continuous leg. */
function departs(ix: NetworkIndex, leg: number, slot: number): boolean {
  const mow = minuteOfWeek(slot);
  const start = ix.schedStart[leg];
  const end = ix.schedStart[leg + 1];
  if (start === end) return slot % 60 === 0 && (ix.legDays[leg] & (1 << Math.floor(mow / MINUTES_PER_DAY))) !== 0;
  for (let i = start; i < end; i++) if (ix.schedTimes[i] === mow) return true;
  return false;
}

function finite(value: number): number | null {
  return value === Infinity ? null : value;
}
