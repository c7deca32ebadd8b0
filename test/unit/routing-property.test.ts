/**
 * The router against the brute-force oracle on thousands of random small
 * networks and queries. Replay one network with
 *   ROUTING_PROPERTY_SEED=<seed> npx jest test/unit/routing-property.test.ts
 */
import { AppError } from '../../src/errors';
import { prepareNetwork } from '../../src/routing/prepare';
import { Router } from '../../src/routing/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { validateNetwork } from '../../src/routing/validate';
import type { NetworkDocument, RouteAnswer } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { bruteForceRoute, type OracleAnswer } from '../support/brute-force';
import { sameAmount, type OracleRoute } from '../support/oracle-choice';
import { randomNetwork } from '../support/random-network';
import { randomCase, type RandomCase } from '../support/random-query';
import { routeProblems } from '../support/route-consistency';

const NETWORKS = 1000;
const CASES_PER_NETWORK = 12;
const replaySeed = process.env.ROUTING_PROPERTY_SEED;
const seeds = replaySeed
  ? [Number(replaySeed)]
  : Array.from({ length: NETWORKS }, (_, i) => i + 1);

/** What the random cases exercised, so a generator that drifts into trivia is caught. */
const seen = {
  cases: 0, noRoute: 0, empty: 0, tieBreaks: 0, fullTies: 0, late: 0, longHaul: 0, closures: 0, avoid: 0,
};

function show(r: OracleRoute): string {
  return `[${r.legIds.join(' ')}] arriveAt ${r.arriveAt} cost ${r.cost} co2Kg ${r.co2Kg}`;
}

/** How the router's answer disagrees with the oracle (empty when it agrees). */
function disagreements(expected: OracleAnswer, answer: RouteAnswer): string[] {
  const chosen = answer.route.legs.map((l) => l.legId);
  const tie = expected.ties.find((t) => t.legIds.join() === chosen.join());
  const problems: string[] = [];
  if (!tie) {
    const route = { legIds: chosen, ...answer.route };
    problems.push(`router chose ${show(route)}; the best is ${show(expected)}`);
  } else {
    if (answer.route.arriveAt !== tie.arriveAt) problems.push(`arriveAt ≠ oracle ${show(tie)}`);
    if (!sameAmount(answer.route.cost, tie.cost)) problems.push(`cost ≠ oracle ${show(tie)}`);
    if (!sameAmount(answer.route.co2Kg, tie.co2Kg)) problems.push(`co2Kg ≠ oracle ${show(tie)}`);
  }
  if (answer.deadline !== expected.deadline) problems.push(`deadline ≠ oracle ${expected.deadline}`);
  if (answer.meetsDeadline !== expected.meetsDeadline) {
    problems.push(`meetsDeadline ${answer.meetsDeadline}, oracle ${expected.meetsDeadline}`);
  }
  return problems;
}

function check(
  doc: NetworkDocument,
  router: Router,
  { query, closures }: RandomCase,
  expected: OracleAnswer | null,
): string[] {
  let answer: RouteAnswer;
  try {
    answer = router.route(query);
  } catch (error) {
    const noRoute = error instanceof AppError && error.code === 'NO_ROUTE';
    if (noRoute && !expected) return [];
    return [`router threw ${String(error)}; oracle: ${expected ? show(expected) : 'no route'}`];
  }
  if (!expected) return [`router found a route, the oracle none: ${JSON.stringify(answer.route)}`];
  return [...routeProblems(doc, query, closures, answer), ...disagreements(expected, answer)];
}

function record({ query, closures }: RandomCase, expected: OracleAnswer | null): void {
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

describe('the router agrees with the brute-force oracle on random small networks', () => {
  it.each(seeds)('network seed %i', (seed) => {
    const rng = createRng(seed);
    const doc = randomNetwork(rng);
    expect(validateNetwork(doc)).toMatchObject({ ok: true });
    const index = prepareNetwork(doc);
    const open = new Router(index);
    for (let n = 0; n < CASES_PER_NETWORK; n++) {
      const testCase = randomCase(rng, doc);
      const expected = bruteForceRoute(doc, testCase.query, testCase.closures);
      record(testCase, expected);
      const router = testCase.closures.length > 0 ? new Router(index, testCase.closures) : open;
      const problems = check(doc, router, testCase, expected);
      if (problems.length > 0) {
        const replay = JSON.stringify({ ...testCase, network: doc });
        throw new Error(`seed ${seed}, case ${n}:\n  ${problems.join('\n  ')}\nreplay: ${replay}`);
      }
    }
  });

  if (!replaySeed) {
    it('exercised every kind of case', () => {
      expect(seen.cases).toBe(NETWORKS * CASES_PER_NETWORK);
      for (const kind of ['noRoute', 'empty', 'tieBreaks', 'fullTies', 'late', 'longHaul', 'closures', 'avoid'] as const) {
        expect([kind, seen[kind] > 0.01 * seen.cases]).toEqual([kind, true]);
      }
    });
  }
});
