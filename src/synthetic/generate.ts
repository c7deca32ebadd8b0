import { MODE_CO2_PER_KG_KM } from '../routing/network/emissions';
import { distanceKm } from '../routing/network/geo';
import type { Hub, NetworkDocument } from '../routing/types';
import { withCapacities, type CapacityProfile } from './capacities';
import { CARRIERS } from './carriers';
import type { PlacedHubs } from './hub-placement';
import { placeHubs } from './hub-placement';
import type { LegSpec } from './leg-builder';
import { LegBuilder } from './leg-builder';
import { nearestHubs } from './nearest';
import { RAIL_COUNTRIES } from './places';
import type { Rng } from './prng';
import { createRng } from './prng';
import { departureWave, WEEKDAYS } from './schedule';

export interface GenerateOptions {
  /** Number of hubs, 5 or more. */
  hubs: number;
  /** The same seed always gives the same document. */
  seed: number;
  /** @defaultValue `synthetic-<hubs>-<seed>` */
  name?: string;
  /**
   * Capacities on every leg and hub (src/synthetic/capacities.ts): `realistic` ones, or
   * `saturated` (a thousandth of them), which a few thousand parcels fill.
   * @defaultValue none: routing as if capacity were unlimited
   */
  capacities?: CapacityProfile;
}

/** Share of legs that state their own co2KgPerKg instead of the mode's default factor. */
const REPORTED_CO2_SHARE = 0.05;

interface Context {
  rng: Rng;
  legs: LegBuilder;
  linked: Set<string>;
}

/**
 * A reproducible hub network shaped like a real parcel hierarchy: rural county
 * stations → city hubs → regional sort centres → gateways → gateways abroad.
 * Every leg has a twin in the other direction and the hierarchy is a connected
 * tree plus cross links, so every hub reaches every other.
 */
export function generateNetwork(options: GenerateOptions): NetworkDocument {
  const { hubs, seed } = options;
  if (!Number.isInteger(hubs) || hubs < 5) throw new RangeError(`hubs must be an integer of at least 5, got ${hubs}`);
  const rng = createRng(seed);
  const placed = placeHubs(hubs, rng);
  const ctx: Context = { rng, legs: new LegBuilder(), linked: new Set() };
  const citiesOfRegion = groupBy(placed.cities, placed.cityParent);
  linkRuralStations(ctx, placed, citiesOfRegion);
  linkCities(ctx, placed, citiesOfRegion);
  linkSortCentres(ctx, placed);
  linkGateways(ctx, placed);
  const doc = {
    name: options.name ?? `synthetic-${hubs}-${seed}`,
    hubs: [...placed.cnGateways, ...placed.foreignGateways, ...placed.sortCentres, ...placed.cities, ...placed.rurals],
    legs: ctx.legs.legs,
  };
  return options.capacities ? withCapacities(doc, options.capacities) : doc;
}

/** Each station to its own city, some to a second city of the same region: vans or trucks. */
function linkRuralStations(ctx: Context, placed: PlacedHubs, citiesOfRegion: readonly Hub[][]): void {
  const { rng } = ctx;
  placed.rurals.forEach((station, i) => {
    const city = placed.cities[placed.ruralParent[i]];
    const mode = distanceKm(station, city) < 30 && rng.chance(0.5) ? 'ev' : 'truck';
    connect(ctx, station, city, () => ({
      mode,
      carrier: rng.pick(CARRIERS.rural),
      ...(rng.chance(0.5) ? {} : { departures: scheduled(rng, 3, 240), cutoffMinutes: 15 }),
    }));
    if (!rng.chance(0.6)) return;
    const [other] = nearestHubs(
      station,
      citiesOfRegion[placed.cityParent[placed.ruralParent[i]]],
      1,
      new Set([city.id]),
    );
    if (other) {
      connect(ctx, station, other, () => ({
        mode: 'truck',
        carrier: rng.pick(CARRIERS.rural),
        departures: scheduled(rng, 2, 360),
        cutoffMinutes: 15,
      }));
    }
  });
}

/** Each city to its sort centre (often by two carriers), some to a second one; EV shuttles between near cities. */
function linkCities(ctx: Context, placed: PlacedHubs, citiesOfRegion: readonly Hub[][]): void {
  const { rng } = ctx;
  const lineHaul = (): LegSpec => ({
    mode: 'truck',
    carrier: rng.pick(CARRIERS.domesticTruck),
    departures: scheduled(rng, rng.int(3, 5), rng.pick([120, 180, 240])),
    cutoffMinutes: 15 * rng.int(2, 4),
  });
  placed.cities.forEach((city, i) => {
    const sortCentre = placed.sortCentres[placed.cityParent[i]];
    connect(ctx, city, sortCentre, lineHaul);
    if (rng.chance(0.5)) connect(ctx, city, sortCentre, lineHaul);
    if (rng.chance(0.35)) {
      const [second] = nearestHubs(city, placed.sortCentres, 1, new Set([sortCentre.id]));
      if (second) connect(ctx, city, second, lineHaul);
    }
    for (const neighbour of nearestHubs(city, citiesOfRegion[placed.cityParent[i]], 2)) {
      if (distanceKm(city, neighbour) > 60 || !linkOnce(ctx, city, neighbour)) continue;
      connect(ctx, city, neighbour, () => ({
        mode: 'ev',
        carrier: rng.pick(CARRIERS.cityEv),
        ...(rng.chance(0.5) ? {} : { departures: scheduled(rng, 8, 90) }),
      }));
    }
  });
}

/** Sort centres to their nearest neighbours (some also by a weekday-only train) and to their gateways. */
function linkSortCentres(ctx: Context, placed: PlacedHubs): void {
  const { rng } = ctx;
  for (const centre of placed.sortCentres) {
    for (const other of nearestHubs(centre, placed.sortCentres, 4)) {
      if (!linkOnce(ctx, centre, other)) continue;
      const trunk = (km: number): LegSpec => ({
        mode: km < 700 ? 'truck' : 'rail',
        carrier: rng.pick(km < 700 ? CARRIERS.domesticTruck : CARRIERS.domesticRail),
        departures: scheduled(rng, rng.int(2, 4), 240),
        cutoffMinutes: 60,
      });
      connect(ctx, centre, other, trunk);
      if (rng.chance(0.3)) {
        connect(ctx, centre, other, () => ({
          mode: 'rail',
          carrier: rng.pick(CARRIERS.domesticRail),
          departures: scheduled(rng, 1, 0),
          days: WEEKDAYS,
          cutoffMinutes: 90,
        }));
      }
    }
    const gateways = nearestHubs(centre, placed.cnGateways, rng.chance(0.3) ? 2 : 1);
    for (const gateway of gateways) {
      connect(ctx, centre, gateway, (km) => ({
        mode: km < 500 ? 'truck' : km < 1200 ? 'rail' : 'air',
        carrier: rng.pick(km < 500 ? CARRIERS.domesticTruck : km < 1200 ? CARRIERS.domesticRail : CARRIERS.domesticAir),
        departures: scheduled(rng, rng.int(2, 4), 180),
        cutoffMinutes: 60,
      }));
    }
  }
}

/**
 * Chinese gateways to each other; each gateway abroad to two Chinese gateways (by air, some
 * also by train, every fourth also by sea) and to its nearest foreign gateway.
 */
function linkGateways(ctx: Context, placed: PlacedHubs): void {
  const { rng } = ctx;
  const { cnGateways, foreignGateways } = placed;
  const domestic = (km: number): LegSpec =>
    km > 600
      ? { mode: 'air', carrier: rng.pick(CARRIERS.domesticAir), departures: scheduled(rng, 2, 480), cutoffMinutes: 90 }
      : {
          mode: 'truck',
          carrier: rng.pick(CARRIERS.domesticTruck),
          departures: scheduled(rng, 4, 180),
          cutoffMinutes: 60,
        };
  cnGateways.forEach((gateway, i) => {
    const chained = i + 1 < cnGateways.length ? [cnGateways[i + 1]] : [];
    for (const other of [...chained, ...nearestHubs(gateway, cnGateways, 3)]) {
      if (linkOnce(ctx, gateway, other)) connect(ctx, gateway, other, domestic);
    }
  });
  const international = (): LegSpec => ({
    mode: 'air',
    carrier: rng.pick(CARRIERS.internationalAir),
    departures: scheduled(rng, rng.int(1, 2), 720),
    cutoffMinutes: 120,
    ...(rng.chance(0.4) ? { days: someWeekdays(rng, 3) } : {}),
  });
  foreignGateways.forEach((abroad, i) => {
    const home = [cnGateways[i % cnGateways.length], rng.pick(cnGateways)];
    const [neighbour] = nearestHubs(abroad, foreignGateways, 1);
    for (const other of neighbour ? [...home, neighbour] : home) {
      if (!linkOnce(ctx, abroad, other)) continue;
      const firstHome = other === home[0];
      connect(ctx, abroad, other, international);
      if (other.country === 'CN' && RAIL_COUNTRIES.has(abroad.country) && rng.chance(0.4)) {
        connect(ctx, abroad, other, () => ({
          mode: 'rail',
          carrier: rng.pick(CARRIERS.internationalRail),
          departures: scheduled(rng, 1, 0),
          days: someWeekdays(rng, 2),
          cutoffMinutes: 240,
        }));
      }
      if (firstHome && i % 4 === 0) {
        connect(ctx, abroad, other, () => ({
          mode: 'sea',
          carrier: rng.pick(CARRIERS.sea),
          departures: scheduled(rng, 1, 0),
          days: someWeekdays(rng, 1),
          cutoffMinutes: 720,
        }));
      }
    }
  });
}

/** A leg each way, each direction drawing its own spec; a few state a carrier-reported CO2 figure. */
function connect(ctx: Context, a: Hub, b: Hub, spec: (km: number) => LegSpec): void {
  const km = distanceKm(a, b);
  const draw = (): LegSpec => {
    const drawn = spec(km);
    if (!ctx.rng.chance(REPORTED_CO2_SHARE)) return drawn;
    const reported = km * MODE_CO2_PER_KG_KM[drawn.mode] * ctx.rng.float(0.7, 1.1);
    return { ...drawn, co2KgPerKg: Math.round(reported * 1e6) / 1e6 };
  };
  ctx.legs.both(a, b, draw(), draw());
}

/** True the first time a pair of hubs is seen, in either order. */
function linkOnce(ctx: Context, a: Hub, b: Hub): boolean {
  const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
  if (ctx.linked.has(key)) return false;
  ctx.linked.add(key);
  return true;
}

/** `count` departures `gap` minutes apart, starting at a random five-minute mark. */
function scheduled(rng: Rng, count: number, gap: number): string[] {
  return departureWave(5 * rng.int(0, 287), count, gap);
}

function someWeekdays(rng: Rng, count: number): number[] {
  const days = new Set<number>();
  while (days.size < count) days.add(rng.int(1, 7));
  return [...days].sort((x, y) => x - y);
}

function groupBy(hubs: readonly Hub[], group: readonly number[]): Hub[][] {
  const groups: Hub[][] = [];
  hubs.forEach((hub, i) => (groups[group[i]] ??= []).push(hub));
  return groups;
}
