/**
 * The answer cache across weights, against the brute-force oracle: one query
 * asked at many weights, in random order, of one caching Router — so that most
 * answers come from the itinerary found at the weights on either side — each
 * answer checked like a fresh one (the oracle's full ties, leg by leg), and
 * compared with a Router that caches nothing: the same legs give the same
 * amounts to the last bit. Replay one network with
 *   WEIGHT_CACHE_SEED=<seed> npx jest test/unit/weight-cache-property.test.ts
 */
import { prepareNetwork } from '../../src/routing/prepare';
import { Router } from '../../src/routing/router';
import type { RouteAnswer } from '../../src/routing/types';
import { createRng, type Rng } from '../../src/synthetic/prng';
import { bruteForceRoute } from '../support/brute-force';
import { answerOrNoRoute, checkAgainstOracle, failOnProblems, outcomeOf } from '../support/oracle-check';
import { randomNetwork } from '../support/random-network';
import { randomCase } from '../support/random-query';

const NETWORKS = 300;
const QUERIES_PER_NETWORK = 3;
const WEIGHTS_PER_QUERY = 12;
const replaySeed = process.env.WEIGHT_CACHE_SEED;
const seeds = replaySeed ? [Number(replaySeed)] : Array.from({ length: NETWORKS }, (_, i) => 5000 + i);

const seen = { answers: 0, fromCache: 0, differentRoutesAcrossWeights: 0 };

/** Weights for one query, in random order: coarse halves (ties between routes are common) or any amount. */
function weights(rng: Rng): number[] {
  const coarse = rng.chance(0.5);
  const list = new Set<number>();
  while (list.size < WEIGHTS_PER_QUERY) list.add(coarse ? rng.int(1, 60) / 2 : Math.round(rng.float(0.05, 40) * 1000) / 1000);
  return [...list];
}

const legsOf = (answer: RouteAnswer): string => answer.route.legs.map((l) => l.legId).join(' ');

/** How a cached answer differs from a fresh search's (undefined = NO_ROUTE): the same legs must give the same amounts. */
function againstFresh(answer: RouteAnswer | undefined, fresh: RouteAnswer | undefined): string[] {
  if (!answer || !fresh) return answer === fresh ? [] : [`cached ${answer ? 'a route' : 'no route'}, fresh ${fresh ? 'a route' : 'no route'}`];
  if (legsOf(answer) !== legsOf(fresh)) return [];
  if (answer.route.cost === fresh.route.cost && answer.route.co2Kg === fresh.route.co2Kg) return [];
  return [`same legs, amounts ${answer.route.cost}/${answer.route.co2Kg} ≠ fresh ${fresh.route.cost}/${fresh.route.co2Kg}`];
}

describe('answers served across weights agree with the oracle and with fresh searches', () => {
  it.each(seeds)('network seed %i', (seed) => {
    const rng = createRng(seed);
    const doc = randomNetwork(rng);
    const index = prepareNetwork(doc);
    for (let n = 0; n < QUERIES_PER_NETWORK; n++) {
      const testCase = randomCase(rng, doc);
      const cached = new Router(index, testCase.closures, { cacheSize: 20_000 });
      const fresh = new Router(index, testCase.closures, { cacheSize: 0 });
      const routesSeen = new Set<string>();
      for (const weightKg of weights(rng)) {
        const weighed = { ...testCase, query: { ...testCase.query, weightKg } };
        const hitsBefore = cached.cacheStats.hits;
        const outcome = outcomeOf(cached, weighed.query);
        const problems = checkAgainstOracle(doc, weighed, bruteForceRoute(doc, weighed.query, weighed.closures), outcome);
        if (problems.length === 0) {
          const answer = answerOrNoRoute(outcome);
          if (answer) routesSeen.add(legsOf(answer));
          problems.push(...againstFresh(answer, answerOrNoRoute(outcomeOf(fresh, weighed.query))));
        }
        seen.answers++;
        if (cached.cacheStats.hits > hitsBefore) seen.fromCache++;
        failOnProblems(`seed ${seed}, query ${n}, ${weightKg} kg`, problems, doc, weighed);
      }
      if (routesSeen.size > 1) seen.differentRoutesAcrossWeights++;
    }
  });

  if (!replaySeed) {
    it('served most answers from other weights, and met queries whose route changes with the weight', () => {
      expect(seen.answers).toBe(NETWORKS * QUERIES_PER_NETWORK * WEIGHTS_PER_QUERY);
      expect(seen.fromCache / seen.answers).toBeGreaterThan(0.5);
      expect(seen.differentRoutesAcrossWeights).toBeGreaterThan(0.05 * NETWORKS * QUERIES_PER_NETWORK);
    });
  }
});
