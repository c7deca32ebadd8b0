/**
 * Sweeps (one-to-all, every weight, reused for parcels ready later) against the
 * brute-force oracle: many parcels from one origin, handed in at one time or up to
 * 90 minutes later, to random destinations at random weights, levels and deadlines,
 * with and without closures, through one Router — so that, once the first searches
 * have earned one, many answers come from a sweep, some of them from a sweep made
 * for an earlier readyAt — each answer checked like a fresh one (the oracle's full
 * ties, leg by leg). In a third of the networks the first parcels are all green, so
 * that a CO2 sweep is earned before any cost sweep and answers standard and express
 * parcels too. Replay one network with
 *   SWEEP_SEED=<seed> npx jest test/unit/sweep-property.test.ts
 */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { SERVICE_LEVELS, type RouteQuery } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { bruteForceRoute } from '../support/brute-force';
import { checkAgainstOracle, failOnProblems } from '../support/oracle-check';
import { randomNetwork } from '../support/random-network';
import { randomCase } from '../support/random-query';
import { seedGroups } from '../support/seed-groups';

const NETWORKS = 250;
/** Networks per test: each test checks on its own that its parcels exercised the sweeps. */
const NETWORKS_PER_TEST = 25;
const PARCELS_PER_NETWORK = 100;
const replaySeed = process.env.SWEEP_SEED;
const groups = seedGroups(9000, NETWORKS, NETWORKS_PER_TEST, replaySeed);

interface Seen {
  answers: number;
  swept: number;
  sweptLater: number;
  sweptByCo2: number;
  sweptEconomy: number;
}
const GREEN_FIRST = 30;

function checkNetwork(seed: number, seen: Seen): void {
  const rng = createRng(seed);
  const doc = randomNetwork(rng);
  const { query: first, closures } = randomCase(rng, doc);
  const router = new Router(prepareNetwork(doc), closures);
  const others = doc.hubs.filter((h) => h.id !== first.origin);
  const greenFirst = seed % 3 === 0;
  // Standard and express parcels answered by search, after which a cost sweep may have been earned.
  let costSearched = false;
  for (let n = 0; n < PARCELS_PER_NETWORK; n++) {
    const readyAt = rng.chance(0.5) ? first.readyAt : first.readyAt + rng.int(1, 90);
    const query: RouteQuery = {
      origin: first.origin,
      destination: rng.chance(0.05) || others.length === 0 ? first.origin : rng.pick(others).id,
      weightKg: rng.chance(0.5) ? rng.int(1, 40) / 2 : rng.float(0.05, 30),
      readyAt,
      serviceLevel: greenFirst && n < GREEN_FIRST ? 'green' : rng.pick(SERVICE_LEVELS),
    };
    const costKind = query.serviceLevel === 'standard' || query.serviceLevel === 'express';
    if (rng.chance(0.25)) query.deadline = readyAt + rng.int(-120, 4 * MINUTES_PER_DAY);
    const sweptBefore = router.sweptAnswers;
    const outcome = router.route(query);
    const testCase = { query, closures };
    const problems = checkAgainstOracle(doc, testCase, bruteForceRoute(doc, query, closures), outcome);
    seen.answers++;
    if (router.sweptAnswers > sweptBefore) {
      seen.swept++;
      if (query.serviceLevel === 'economy') seen.sweptEconomy++;
      if (readyAt !== first.readyAt) seen.sweptLater++;
      if (costKind && !costSearched) seen.sweptByCo2++;
    } else if (costKind) {
      costSearched = true;
    }
    failOnProblems(`seed ${seed}, parcel ${n}`, problems, doc, testCase);
  }
}

describe('answers from sweeps agree with the oracle', () => {
  it.each(groups)('network seeds %i…', (...seeds) => {
    const seen: Seen = { answers: 0, swept: 0, sweptLater: 0, sweptByCo2: 0, sweptEconomy: 0 };
    for (const seed of seeds) checkNetwork(seed, seen);
    expect(seen.answers).toBe(seeds.length * PARCELS_PER_NETWORK);
    if (!replaySeed) {
      // Many answers from sweeps, some from a sweep made for an earlier readyAt, some standard and express
      // from a CO2 sweep, some economy from a 14-day sweep.
      expect(seen.swept / seen.answers).toBeGreaterThan(0.15);
      expect(seen.sweptLater / seen.answers).toBeGreaterThan(0.05);
      expect(seen.sweptByCo2).toBeGreaterThan(0);
      expect(seen.sweptEconomy).toBeGreaterThan(20);
    }
  });
});
