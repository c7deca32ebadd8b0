/**
 * Random SMALL networks (4–8 hubs, up to 25 legs) for property tests against the
 * brute-force oracle. Half of them are "coarse": money and CO2 on a grid of 0.25,
 * times on a grid of 30 minutes, so that exact ties in cost, CO2 and arrival are
 * frequent; the other half use arbitrary floats and default (distance) CO2.
 */
import { hhmm, MINUTES_PER_DAY } from '../../src/routing/time';
import type { Rng } from '../../src/synthetic/prng';
import { MODES, type Hub, type Leg, type NetworkDocument } from '../../src/routing/types';

export const RANDOM_COUNTRIES = ['DE', 'FR'] as const;
export const RANDOM_CARRIERS = ['Alpha', 'Beta', 'Gamma'] as const;
/** The name of a network drawn on the coarse grid (queries then use coarse weights and times). */
export const COARSE_NETWORK_NAME = 'random-coarse';

/** Draws each number either on the coarse grid or as an arbitrary float. */
interface Draw {
  money(max: number): number;
  minutes(max: number): number;
}

function drawFor(rng: Rng, coarse: boolean): Draw {
  return coarse
    ? { money: (max) => rng.int(0, max * 4) / 4, minutes: (max) => rng.int(0, Math.floor(max / 30)) * 30 }
    : { money: (max) => rng.float(0, max), minutes: (max) => rng.int(0, max) };
}

function randomHub(rng: Rng, draw: Draw, index: number): Hub {
  return {
    id: `H${index}`,
    name: `Hub ${index}`,
    // The first two hubs cover both countries, so both default deadlines occur.
    country: index < 2 ? RANDOM_COUNTRIES[index]! : rng.pick(RANDOM_COUNTRIES),
    lat: rng.float(40, 55),
    lon: rng.float(-5, 20),
    sortMinutes: draw.minutes(120),
    handlingCost: draw.money(1),
  };
}

function shuffledIds(rng: Rng, hubs: Hub[]): string[] {
  const keyed = hubs.map((h) => ({ id: h.id, key: rng.next() }));
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.id);
}

/** A deep copy of the leg's timetable, without the fields it does not have. */
function timetableOf({ departures, days, cutoffMinutes }: Leg): Partial<Leg> {
  return JSON.parse(JSON.stringify({ departures, days, cutoffMinutes })) as Partial<Leg>;
}

/** Everything but the id, carrier and timetable. */
function economicsOf(leg: Leg): Omit<Leg, 'id' | 'carrier'> {
  const { from, to, mode, durationMinutes, costPerParcel, costPerKg, co2KgPerKg } = leg;
  return { from, to, mode, durationMinutes, costPerParcel, costPerKg, co2KgPerKg };
}

/** Departures, weekdays and cut-off of a leg; a continuous one may run on some weekdays only. */
function randomTimetable(rng: Rng, draw: Draw): Partial<Leg> {
  if (rng.chance(0.35)) {
    const continuous: Partial<Leg> = rng.chance(0.5) ? {} : { departures: [] };
    if (rng.chance(0.3)) continuous.days = randomDays(rng);
    return continuous;
  }
  const times = new Set<number>();
  for (let n = rng.int(1, 3); times.size < n;) times.add(draw.minutes(1439));
  const timetable: Partial<Leg> = { departures: [...times].map(hhmm) };
  if (rng.chance(0.5)) timetable.days = randomDays(rng);
  if (rng.chance(0.6)) timetable.cutoffMinutes = draw.minutes(180);
  return timetable;
}

function randomDays(rng: Rng): number[] {
  const days = [1, 2, 3, 4, 5, 6, 7].filter(() => rng.chance(0.5));
  return days.length > 0 ? days : [rng.int(1, 7)];
}

function randomLeg(rng: Rng, draw: Draw, coarse: boolean, id: string, from: string, to: string): Leg {
  const leg: Leg = {
    id,
    from,
    to,
    mode: rng.pick(MODES),
    carrier: rng.pick(RANDOM_CARRIERS),
    // Now and then a leg of days, so that routes run into the 14-day horizon.
    durationMinutes: rng.chance(0.1) ? MINUTES_PER_DAY + draw.minutes(5 * MINUTES_PER_DAY) : 30 + draw.minutes(1470),
    costPerParcel: draw.money(3),
    costPerKg: draw.money(1),
    ...randomTimetable(rng, draw),
  };
  if (coarse || rng.chance(0.5)) leg.co2KgPerKg = draw.money(2);
  return leg;
}

export function randomNetwork(rng: Rng): NetworkDocument {
  const coarse = rng.chance(0.5);
  const draw = drawFor(rng, coarse);
  const hubs = Array.from({ length: rng.int(4, 8) }, (_, i) => randomHub(rng, draw, i));
  const legs: Leg[] = [];
  // Most networks start with a ring through every hub, so that most queries have a route.
  const ring = rng.chance(0.75) ? shuffledIds(rng, hubs) : [];
  const legCount = rng.int(2 * hubs.length, Math.min(25, 4 * hubs.length));
  while (legs.length < legCount) {
    const id = `L${legs.length}`;
    if (legs.length < ring.length) {
      const from = ring[legs.length]!;
      legs.push(randomLeg(rng, draw, coarse, id, from, ring[(legs.length + 1) % ring.length]!));
      continue;
    }
    const twin = legs.length > 0 && rng.chance(0.25) ? rng.pick(legs) : undefined;
    if (twin && coarse && rng.chance(0.5)) {
      // Same pair, mode, money and CO2: a tie unless the timetable decides.
      const timetable = rng.chance(0.5) ? randomTimetable(rng, draw) : timetableOf(twin);
      legs.push({ ...economicsOf(twin), id, carrier: rng.pick(RANDOM_CARRIERS), ...timetable });
      continue;
    }
    const from = twin?.from ?? rng.pick(hubs).id;
    const others = hubs.filter((h) => h.id !== from);
    const to = twin?.to ?? rng.pick(others).id;
    legs.push(randomLeg(rng, draw, coarse, id, from, to));
  }
  return { name: coarse ? COARSE_NETWORK_NAME : 'random-float', hubs, legs };
}
