/**
 * Random route queries (and closures) against a random network: readyAt spread
 * over a week, every service level, sometimes an explicit (maybe impossible)
 * deadline, sometimes avoid lists, sometimes closures of legs and hubs.
 */
import type { Rng } from '../../src/synthetic/prng';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { MODES, SERVICE_LEVELS, type Closure, type NetworkDocument, type RouteQuery } from '../../src/routing/types';
import { COARSE_NETWORK_NAME, RANDOM_CARRIERS } from './random-network';
import { WEEK_START } from './week';

export interface RandomCase {
  query: RouteQuery;
  closures: Closure[];
}

function someOf<T>(rng: Rng, items: readonly T[], p: number): T[] {
  return items.filter(() => rng.chance(p));
}

function randomClosures(rng: Rng, doc: NetworkDocument, readyAt: number): Closure[] {
  return Array.from({ length: rng.int(1, 3) }, () => {
    const from = readyAt + rng.int(-MINUTES_PER_DAY, 5 * MINUTES_PER_DAY);
    const until = from + rng.int(1, 2 * MINUTES_PER_DAY);
    return rng.chance(0.5)
      ? { legId: rng.pick(doc.legs).id, from, until }
      : { hubId: rng.pick(doc.hubs).id, from, until };
  });
}

export function randomCase(rng: Rng, doc: NetworkDocument): RandomCase {
  const coarse = doc.name === COARSE_NETWORK_NAME;
  const origin = rng.pick(doc.hubs).id;
  const query: RouteQuery = {
    origin,
    destination: rng.chance(0.08) ? origin : rng.pick(doc.hubs.filter((h) => h.id !== origin)).id,
    weightKg: coarse ? rng.int(1, 40) / 2 : rng.float(0.05, 30),
    readyAt: WEEK_START + (coarse ? rng.int(0, 335) * 30 : rng.int(0, 7 * MINUTES_PER_DAY - 1)),
  };
  if (rng.chance(0.85)) query.serviceLevel = rng.pick(SERVICE_LEVELS);
  if (rng.chance(0.25)) query.deadline = query.readyAt + rng.int(-120, 4 * MINUTES_PER_DAY);
  if (rng.chance(0.25)) {
    query.avoid = {
      hubs: someOf(
        rng,
        doc.hubs.map((h) => h.id),
        0.2,
      ),
      modes: someOf(rng, MODES, 0.2),
      carriers: someOf(rng, RANDOM_CARRIERS, 0.2),
    };
  }
  const closures = rng.chance(0.25) ? randomClosures(rng, doc, query.readyAt) : [];
  return { query, closures };
}
