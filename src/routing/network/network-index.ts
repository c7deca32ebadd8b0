import { legCo2PerKg } from './emissions';
import { clockMinutes, MINUTES_PER_DAY } from '../time';
import { MODES, type Mode, type NetworkDocument } from '../types';

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * The compact, immutable form of one network version that every query runs on.
 * Hubs are interned to 0..hubCount-1; legs are stored grouped by their `from` hub
 * (CSR: the legs leaving hub h are outStart[h] .. outStart[h+1]-1), in typed arrays.
 * A scheduled leg's departures are unrolled into one sorted week of minute-of-week
 * values (Monday 00:00 UTC = 0); a leg with none is a continuous shuttle, which runs
 * on its `days` only (when given). Nothing in it changes after construction: what
 * queries learn about it (lower bounds, sweeps) is kept beside it, not in it.
 */
export class NetworkIndex {
  readonly doc: NetworkDocument;
  readonly hubCount: number;
  readonly hubIds: readonly string[];
  readonly hubByCode: ReadonlyMap<string, number>;
  readonly hubSort: Int32Array;
  readonly hubHandling: Float64Array;
  readonly hubCountry: Int32Array;

  readonly legCount: number;
  readonly legIds: readonly string[];
  readonly legByCode: ReadonlyMap<string, number>;
  /** Each leg's place among the leg ids in JavaScript string order: the last tie-break (PathOrder). */
  readonly legRank: Int32Array;
  readonly outStart: Int32Array;
  readonly legFrom: Int32Array;
  readonly legTo: Int32Array;
  readonly legDuration: Int32Array;
  /** Cut-off minutes; 0 for continuous legs, where it does not apply. */
  readonly legCutoff: Int32Array;
  readonly legCostPerParcel: Float64Array;
  readonly legCostPerKg: Float64Array;
  readonly legCo2PerKg: Float64Array;
  /** Index into MODES. */
  readonly legMode: Uint8Array;
  readonly legCarrier: Int32Array;
  readonly carriers: readonly string[];
  readonly carrierByName: ReadonlyMap<string, number>;
  readonly schedStart: Int32Array;
  readonly schedTimes: Int32Array;
  /** Weekdays a leg runs on, bit d−1 for ISO weekday d; what binds a continuous leg's departures. */
  readonly legDays: Uint8Array;

  /** Parcels per departure (per hour on a continuous leg); Infinity where none is declared. */
  readonly legCapacity: Float64Array;
  /** Weight per departure (per hour on a continuous leg), in whole grams (see gramsOf); Infinity where none is declared. */
  readonly legCapacityGrams: Float64Array;
  /** Parcels that may leave each hub per UTC day; Infinity where none is declared. */
  readonly hubCapacity: Float64Array;
  /** Whether a departure of the leg can be full: it, or the hub it leaves, declares a capacity. */
  readonly legLimited: Uint8Array;
  /** Whether any leg is limited. */
  readonly hasCapacity: boolean;
  /** The least weight a departure of any leg carries, in grams: a parcel no heavier fits any departure nothing is booked on. */
  readonly minCapacityGrams: number;

  /** Reverse adjacency: the legs arriving at hub h are inLeg[inStart[h] .. inStart[h+1]-1]. */
  readonly inStart: Int32Array;
  readonly inLeg: Int32Array;

  constructor(doc: NetworkDocument) {
    this.doc = doc;
    const hubs = doc.hubs;
    const n = hubs.length;
    this.hubCount = n;
    this.hubIds = hubs.map((h) => h.id);
    this.hubByCode = new Map(this.hubIds.map((id, i) => [id, i]));
    this.hubSort = Int32Array.from(hubs, (h) => h.sortMinutes);
    this.hubHandling = Float64Array.from(hubs, (h) => h.handlingCost);
    const countries = intern(hubs.map((h) => h.country));
    this.hubCountry = countries.codes;

    const order = doc.legs
      .map((leg, i) => ({ leg, i, from: this.hub(leg.from) }))
      .sort((a, b) => a.from - b.from || a.i - b.i);
    const m = order.length;
    this.legCount = m;
    this.legIds = order.map((o) => o.leg.id);
    this.legByCode = new Map(this.legIds.map((id, i) => [id, i]));
    this.legRank = new Int32Array(m);
    const byId = this.legIds.map((id, l) => ({ id, l })).sort((x, y) => (x.id < y.id ? -1 : 1));
    byId.forEach(({ l }, rank) => (this.legRank[l] = rank));
    this.legFrom = Int32Array.from(order, (o) => o.from);
    this.legTo = Int32Array.from(order, (o) => this.hub(o.leg.to));
    this.legDuration = Int32Array.from(order, (o) => o.leg.durationMinutes);
    this.legCostPerParcel = Float64Array.from(order, (o) => o.leg.costPerParcel);
    this.legCostPerKg = Float64Array.from(order, (o) => o.leg.costPerKg);
    this.legCo2PerKg = Float64Array.from(order, (o) => legCo2PerKg(o.leg, hubs[o.from], hubs[this.hub(o.leg.to)]));
    this.legMode = Uint8Array.from(order, (o) => MODES.indexOf(o.leg.mode as Mode));
    const carriers = intern(order.map((o) => o.leg.carrier));
    this.legCarrier = carriers.codes;
    this.carriers = carriers.names;
    this.carrierByName = new Map(carriers.names.map((name, i) => [name, i]));

    const weeks = order.map((o) => weeklyDepartures(o.leg.departures, o.leg.days));
    this.legCutoff = Int32Array.from(order, (o, i) => (weeks[i].length ? (o.leg.cutoffMinutes ?? 0) : 0));
    this.schedStart = prefixSums(weeks.map((w) => w.length));
    this.schedTimes = Int32Array.from(weeks.flat());
    this.legDays = Uint8Array.from(order, (o) =>
      (o.leg.days ?? ALL_DAYS).reduce((mask, d) => mask | (1 << (d - 1)), 0),
    );

    this.hubCapacity = Float64Array.from(hubs, (h) => h.capacityPerDay ?? Infinity);
    this.legCapacity = Float64Array.from(order, (o) => o.leg.capacityPerDeparture ?? Infinity);
    this.legCapacityGrams = Float64Array.from(order, (o) => {
      const kg = o.leg.capacityKgPerDeparture;
      return kg === undefined ? Infinity : Math.floor(Math.round(kg * 1e6) / 1000);
    });
    this.legLimited = Uint8Array.from(order, (o, l) =>
      this.legCapacity[l] < Infinity || this.legCapacityGrams[l] < Infinity || this.hubCapacity[o.from] < Infinity
        ? 1
        : 0,
    );
    this.hasCapacity = this.legLimited.includes(1);
    this.minCapacityGrams = this.legCapacityGrams.reduce((min, grams) => Math.min(min, grams), Infinity);

    this.outStart = prefixSums(countBy(this.legFrom, n));
    this.inStart = prefixSums(countBy(this.legTo, n));
    const fill = this.inStart.slice(0, n);
    this.inLeg = new Int32Array(m);
    for (let l = 0; l < m; l++) this.inLeg[fill[this.legTo[l]]++] = l;
  }

  private hub(id: string): number {
    const h = this.hubByCode.get(id);
    if (h === undefined) throw new Error(`leg names unknown hub '${id}': validate the network first`);
    return h;
  }
}

export function prepareNetwork(doc: NetworkDocument): NetworkIndex {
  return new NetworkIndex(doc);
}

/** Every departure of a week, as sorted distinct minutes after Monday 00:00 UTC. */
function weeklyDepartures(departures: readonly string[] | undefined, days: readonly number[] | undefined): number[] {
  if (!departures || departures.length === 0) return [];
  const times = new Set<number>();
  for (const day of days ?? ALL_DAYS) {
    for (const hhmm of departures) times.add((day - 1) * MINUTES_PER_DAY + clockMinutes(hhmm));
  }
  return [...times].sort((a, b) => a - b);
}

function intern(values: readonly string[]): { codes: Int32Array; names: string[] } {
  const byName = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    let code = byName.get(v);
    if (code === undefined) byName.set(v, (code = byName.size));
    return code;
  });
  return { codes, names: [...byName.keys()] };
}

function countBy(keys: Int32Array, n: number): Int32Array {
  const counts = new Int32Array(n);
  for (const k of keys) counts[k]++;
  return counts;
}

function prefixSums(counts: ArrayLike<number>): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i] + counts[i];
  return out;
}
