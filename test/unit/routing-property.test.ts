/**
 * The router against the brute-force oracle on thousands of random small
 * networks and queries. Replay one network with
 *   ROUTING_PROPERTY_SEED=<seed> npx jest test/unit/routing-property.test.ts
 */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { validateNetwork } from '../../src/routing/network/validate';
import { createRng } from '../../src/synthetic/prng';
import { bruteForceRoute, type OracleAnswer } from '../support/brute-force';
import { checkAgainstOracle, failOnProblems } from '../support/oracle-check';
import { randomNetwork } from '../support/random-network';
import { randomCase, type RandomCase } from '../support/random-query';
import { seedGroups } from '../support/seed-groups';

const NETWORKS = 1000;
/** Networks per test: each test checks on its own that its cases exercised every kind of case. */
const NETWORKS_PER_TEST = 100;
const CASES_PER_NETWORK = 12;
const replaySeed = process.env.ROUTING_PROPERTY_SEED;
const groups = seedGroups(1, NETWORKS, NETWORKS_PER_TEST, replaySeed);

/** What the random cases exercised, so a generator that drifts into trivia is caught. */
const KINDS = ['noRoute', 'empty', 'tieBreaks', 'fullTies', 'late', 'longHaul', 'closures', 'avoid'] as const;
type Seen = Record<(typeof KINDS)[number] | 'cases', number>;

function record(seen: Seen, { query, closures }: RandomCase, expected: OracleAnswer | null): void {
  seen.cases++;
  if (closures.length > 0) seen.closures++;
  if (query.avoid) seen.avoid++;
  if (!expected) seen.noRoute++;
  else if (expected.legIds.length === 0) seen.empty++;
  if (expected && expected.tiedAfter[0]! > 1) seen.tieBreaks++;
  if (expected && expected.ties.length > 1) seen.fullTies++;
  if (expected && !expected.meetsDeadline) seen.late++;
  if (expected && expected.arriveAt - query.readyAt > 7 * MINUTES_PER_DAY) seen.longHaul++;
}

function checkNetwork(seed: number, seen: Seen): void {
  const rng = createRng(seed);
  const doc = randomNetwork(rng);
  expect(validateNetwork(doc)).toMatchObject({ ok: true });
  const index = prepareNetwork(doc);
  const open = new Router(index);
  for (let n = 0; n < CASES_PER_NETWORK; n++) {
    const testCase = randomCase(rng, doc);
    const expected = bruteForceRoute(doc, testCase.query, testCase.closures);
    record(seen, testCase, expected);
    const router = testCase.closures.length > 0 ? new Router(index, testCase.closures) : open;
    const problems = checkAgainstOracle(doc, testCase, expected, router.route(testCase.query));
    failOnProblems(`seed ${seed}, case ${n}`, problems, doc, testCase);
  }
}

describe('the router agrees with the brute-force oracle on random small networks', () => {
  it.each(groups)('network seeds %i…', (...seeds) => {
    const seen = Object.fromEntries(['cases', ...KINDS].map((k) => [k, 0])) as Seen;
    for (const seed of seeds) checkNetwork(seed, seen);
    expect(seen.cases).toBe(seeds.length * CASES_PER_NETWORK);
    if (!replaySeed) {
      for (const kind of KINDS) expect([kind, seen[kind] > 0.01 * seen.cases]).toEqual([kind, true]);
    }
  });
});
