/**
 * Small random plan instances for the planner's tests: a random network (random-network.ts)
 * with tight capacities on most legs and some hubs, a few parcels from one or two pickup
 * waves, and some bookings made before the plan.
 */
import type { Leg, NetworkDocument, RouteQuery } from '../../src/routing/types';
import { SERVICE_LEVELS } from '../../src/routing/types';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import type { Rng } from '../../src/synthetic/prng';
import { randomNetwork } from './random-network';
import { WEEK_START } from './week';

export interface PlanInstance {
  doc: NetworkDocument;
  /** Parcels booked before the plan, one by one (their routes are found when the test books them). */
  prior: RouteQuery[];
  queries: RouteQuery[];
}

export function tightCapacities(rng: Rng, doc: NetworkDocument): NetworkDocument {
  const legs = doc.legs.map((leg): Leg => {
    const limited = { ...leg };
    if (rng.chance(0.7)) limited.capacityPerDeparture = rng.int(1, 4);
    if (rng.chance(0.35)) limited.capacityKgPerDeparture = rng.int(4, 40) / 2;
    return limited;
  });
  const hubs = doc.hubs.map((hub) => (rng.chance(0.3) ? { ...hub, capacityPerDay: rng.int(2, 8) } : hub));
  return { ...doc, hubs, legs };
}

function randomParcel(rng: Rng, doc: NetworkDocument, origin: string, readyAt: number): RouteQuery {
  const others = doc.hubs.filter((h) => h.id !== origin);
  const q: RouteQuery = {
    origin,
    destination: rng.chance(0.03) ? origin : rng.pick(others).id,
    weightKg: rng.int(1, 24) / 2,
    readyAt,
    serviceLevel: rng.pick(SERVICE_LEVELS),
  };
  if (rng.chance(0.2)) q.deadline = readyAt + rng.int(6 * 60, 3 * MINUTES_PER_DAY);
  return q;
}

export function planInstance(rng: Rng, parcels: number): PlanInstance {
  const doc = tightCapacities(rng, randomNetwork(rng));
  const waves = Array.from({ length: rng.int(1, 2) }, () => ({
    origin: rng.pick(doc.hubs).id,
    readyAt: WEEK_START + rng.int(0, 13) * 12 * 60,
  }));
  const draw = () => {
    const wave = rng.pick(waves);
    return randomParcel(rng, doc, wave.origin, wave.readyAt);
  };
  const prior = Array.from({ length: rng.int(0, 3) }, draw);
  const queries = Array.from({ length: parcels }, draw);
  return { doc, prior, queries };
}
