/**
 * An independent audit of the capacity ledger in Redis, read key by key (not through
 * src/capacity), against the network document's declared capacities: what is over
 * capacity, where the counters differ from the sum of the holds, which bookings hold
 * what, and what is left unsettled. The tests' "never oversold" checks.
 */
import type { RedisClient } from '../../src/redis/connection';
import type { Keys } from '../../src/redis/keys';
import type { NetworkDocument } from '../../src/routing/types';

export interface Audit {
  /** Counters past their capacity: "<date> <field> <value> > <capacity>". */
  overCapacity: string[];
  /** Counters that are not the sum of the holds: "<date> <field> counter <a>, holds <b>". */
  mismatches: string[];
  /** Every hold: date → booking id → its fields. */
  holds: Map<string, Map<string, string[]>>;
  /** Bookings still marked unsettled, on every date. */
  unsettled: string[];
  /** Confirmed bookings that do not hold each of their dates: "<booking id> <date>". */
  partial: string[];
}

/** What a ledger left consistent has none of (NO_FAULTS): each list of the audit that names a fault. */
export function faultsOf(audit: Audit): Pick<Audit, 'overCapacity' | 'mismatches' | 'unsettled' | 'partial'> {
  const { overCapacity, mismatches, unsettled, partial } = audit;
  return { overCapacity, mismatches, unsettled, partial };
}

export const NO_FAULTS = { overCapacity: [], mismatches: [], unsettled: [], partial: [] };

/** Longest wait for the marks of bookings made to go: they go in the call after the answer. */
const UNMARKED_WITHIN_MS = 2000;

/**
 * The audit once nothing is left unsettled, or as it is after UNMARKED_WITHIN_MS: a booking of
 * several dates answered 201 a moment ago may still be marked on the dates before its last.
 */
export async function auditUnmarked(redis: RedisClient, keys: Keys, doc: NetworkDocument): Promise<Audit> {
  const until = Date.now() + UNMARKED_WITHIN_MS;
  for (;;) {
    const audit = await auditLedger(redis, keys, doc);
    if (!audit.unsettled.length || Date.now() > until) return audit;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function auditLedger(redis: RedisClient, keys: Keys, doc: NetworkDocument): Promise<Audit> {
  const legs = new Map(doc.legs.map((leg) => [leg.id, leg]));
  const hubs = new Map(doc.hubs.map((hub) => [hub.id, hub]));
  const capacityOf = (field: string): number | undefined => {
    const [kind, id] = field.split(':');
    if (kind === 'h') return hubs.get(id)?.capacityPerDay;
    const leg = legs.get(id);
    if (kind === 'p') return leg?.capacityPerDeparture;
    const kg = leg?.capacityKgPerDeparture;
    return kg === undefined ? undefined : Math.floor(Math.round(kg * 1e6) / 1000);
  };
  const audit: Audit = { overCapacity: [], mismatches: [], holds: new Map(), unsettled: [], partial: [] };
  /** The dates each confirmed booking says it holds. */
  const confirmed = new Map<string, string[]>();
  for (const date of await redis.zrange(keys.capacityDates, '0', '-1')) {
    const k = keys.capacityDate(date);
    const [load, holds, unsettled, records] = await Promise.all([
      redis.hgetall(k.load),
      redis.hgetall(k.holds),
      redis.zrange(k.unsettled, '0', '-1'),
      redis.hgetall(k.records),
    ]);
    // A record's state line is under its id ("C <created ms> <date>,<date>…" once confirmed); beside it, '<id>:a' and '<id>:m'.
    for (const [id, line] of Object.entries(records))
      if (!id.includes(':') && line.startsWith('C ')) confirmed.set(id, line.split(' ')[2].split(','));
    delete load.seq;
    const sums = new Map<string, number>();
    const byId = new Map<string, string[]>();
    const parcels = Object.entries(holds).flatMap(([key, hold]) => parcelHolds(key, hold));
    for (const { id, hold } of parcels) {
      const [grams, ...fields] = hold;
      byId.set(id, fields);
      for (const field of fields) {
        sums.set(field, (sums.get(field) ?? 0) + 1);
        if (field.startsWith('p:'))
          sums.set(`g${field.slice(1)}`, (sums.get(`g${field.slice(1)}`) ?? 0) + Number(grams));
      }
    }
    audit.holds.set(date, byId);
    for (const field of new Set([...Object.keys(load), ...sums.keys()])) {
      const counter = Number(load[field] ?? 0);
      const held = sums.get(field) ?? 0;
      if (counter !== held) audit.mismatches.push(`${date} ${field} counter ${counter}, holds ${held}`);
      const capacity = capacityOf(field);
      if (capacity !== undefined && counter > capacity)
        audit.overCapacity.push(`${date} ${field} ${counter} > ${capacity}`);
    }
    audit.unsettled.push(...unsettled.map((id) => `${date} ${id}`));
  }
  for (const [id, dates] of confirmed)
    for (const date of dates) if (!audit.holds.get(date)?.has(id)) audit.partial.push(`${id} ${date}`);
  return audit;
}

/** The booking ids held on any date. */
export function heldIds(audit: Audit): Set<string> {
  const ids = new Set<string>();
  for (const byId of audit.holds.values()) for (const id of byId.keys()) ids.add(id);
  return ids;
}

/**
 * The parcels of one entry of a date's holds, each as its grams then its fields: a
 * booking's own entry is "<token> <grams> <field>…"; a batch chunk's is "<token>", maybe
 * "\n#<field> <field>…", then "\n<i> <grams> <field>…" a parcel, a field given by its
 * name or by its number (from 1) in the # line.
 */
export function parcelHolds(key: string, hold: string): { id: string; hold: string[] }[] {
  const lines = hold.split('\n');
  if (lines.length === 1) return [{ id: key, hold: hold.split(' ').slice(1) }];
  const named =
    lines
      .find((line) => line.startsWith('#'))
      ?.slice(1)
      .split(' ') ?? [];
  return lines
    .slice(1)
    .filter((line) => !line.startsWith('#'))
    .map((line) => {
      const [place, grams, ...fields] = line.split(' ');
      return {
        id: `${key}.${place}`,
        hold: [grams, ...fields.map((f) => (/^\d+$/.test(f) ? named[Number(f) - 1] : f))],
      };
    });
}
