/**
 * Alternatives (docs/api.md) against the brute-force oracle on random small networks:
 * the routes listed are exactly those by the deadline that no other route beats on
 * arrival, cost and CO2 at once (one per outcome: of routes with the very same
 * arrival, cost and CO2, the one with the smallest leg ids), sorted by arrival; when
 * there are more than asked, the list still holds the chosen route, the earliest, the
 * cheapest and the greenest. The same for the `tradeoffs` front (a flow plan's
 * candidates), with CO2 left out of "beats" and of the outcome. Replay one network with
 *   ALTERNATIVES_SEED=<seed> npx jest test/unit/alternatives-property.test.ts
 */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { Front } from '../../src/routing/search/objective';
import { HORIZON_MINUTES } from '../../src/routing/time';
import type { RoutePlan } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { allRoutes, bruteForceRoute } from '../support/brute-force';
import { compareLegIds, sameAmount, type OracleRoute } from '../support/oracle-choice';
import { randomNetwork } from '../support/random-network';
import { randomCase } from '../support/random-query';
import { seedGroups } from '../support/seed-groups';

const NETWORKS = 400;
const NETWORKS_PER_TEST = 50;
const CASES_PER_NETWORK = 6;
const replaySeed = process.env.ALTERNATIVES_SEED;
const groups = seedGroups(40_000, NETWORKS, NETWORKS_PER_TEST, replaySeed);
/** Cases with more than one route on the front, at least (of each group): a two-amount front is smaller. */
const SEVERAL: Readonly<Record<Front, number>> = { pareto: 0.1, tradeoffs: 0.05 };

/** Whether route a beats b: no later, no dearer, no more CO2 (for `pareto`), and better in one. */
function beats(a: OracleRoute, b: OracleRoute, withCo2: boolean): boolean {
  const noWorse = (x: number, y: number) => x < y || sameAmount(x, y);
  const better = (x: number, y: number) => x < y && !sameAmount(x, y);
  if (a.arriveAt > b.arriveAt || !noWorse(a.cost, b.cost) || (withCo2 && !noWorse(a.co2Kg, b.co2Kg))) return false;
  return a.arriveAt < b.arriveAt || better(a.cost, b.cost) || (withCo2 && better(a.co2Kg, b.co2Kg));
}

/** The oracle's front: unbeaten routes, one per outcome (the smallest leg ids). */
function frontOf(routes: OracleRoute[], kind: Front): OracleRoute[] {
  const withCo2 = kind === 'pareto';
  const unbeaten = routes.filter((r) => !routes.some((other) => beats(other, r, withCo2)));
  const sameOutcome = (a: OracleRoute, b: OracleRoute) =>
    a.arriveAt === b.arriveAt && sameAmount(a.cost, b.cost) && (!withCo2 || sameAmount(a.co2Kg, b.co2Kg));
  return unbeaten.filter(
    (r) => !unbeaten.some((o) => o !== r && sameOutcome(o, r) && compareLegIds(o.legIds, r.legIds) < 0),
  );
}

const legsOf = (route: RoutePlan): string => route.legs.map((l) => l.legId).join(' ');

interface Seen {
  cases: number;
  several: number;
  trimmed: number;
}

function checkNetwork(seed: number, seen: Seen, kind: Front): void {
  const rng = createRng(seed);
  const doc = randomNetwork(rng);
  const index = prepareNetwork(doc);
  for (let n = 0; n < CASES_PER_NETWORK; n++) {
    const { query: base, closures } = randomCase(rng, doc);
    const max = rng.chance(0.3) ? rng.int(1, 3) : 20;
    const query = { ...base, alternatives: max };
    const outcome = new Router(index, closures).route(query, kind);
    const oracle = bruteForceRoute(doc, query, closures);
    const where = `seed ${seed}, case ${n}: ${JSON.stringify(query)}`;
    if (outcome.kind !== 'routed') {
      expect([where, oracle]).toEqual([where, null]);
      continue;
    }
    seen.cases++;
    const { route, meetsDeadline, deadline } = outcome.answer;
    const alternatives = outcome.answer.alternatives!;
    const latest = Math.min(deadline, query.readyAt + HORIZON_MINUTES);
    const expected = frontOf(
      allRoutes(doc, query, closures).filter((r) => r.arriveAt <= latest),
      kind,
    );
    const listed = alternatives.map(legsOf);
    const expectedLegs = new Set(expected.map((r) => r.legIds.join(' ')));
    if (expected.length > 1) seen.several++;
    // Sorted by arrival, distinct, at most max; each is on the front, except the chosen route, which is always listed when on time.
    expect([where, [...alternatives].sort((a, b) => a.arriveAt - b.arriveAt).map(legsOf)]).toEqual([where, listed]);
    expect([where, new Set(listed).size === listed.length, listed.length <= max]).toEqual([where, true, true]);
    for (const legs of listed)
      expect([where, legs, expectedLegs.has(legs) || legs === legsOf(route)]).toEqual([where, legs, true]);
    if (meetsDeadline) expect([where, listed.includes(legsOf(route))]).toEqual([where, true]);
    if (expected.length + 1 <= max) {
      const all = new Set([...expectedLegs, ...(meetsDeadline ? [legsOf(route)] : [])]);
      expect([where, [...listed].sort()]).toEqual([where, [...all].sort()]);
    } else {
      seen.trimmed++;
      const extremes = [
        expected.reduce((a, b) => (b.arriveAt < a.arriveAt ? b : a)),
        expected.reduce((a, b) => (b.cost < a.cost && !sameAmount(a.cost, b.cost) ? b : a)),
        expected.reduce((a, b) => (b.co2Kg < a.co2Kg && !sameAmount(a.co2Kg, b.co2Kg) ? b : a)),
      ];
      // Each extreme's figures are on the list (another route may tie it), as far as the list is long enough.
      const room = max - (meetsDeadline ? 1 : 0);
      const has = (pick: (r: RoutePlan) => boolean) => alternatives.some(pick);
      if (room >= 3) {
        expect([where, has((r) => r.arriveAt === extremes[0]!.arriveAt)]).toEqual([where, true]);
        expect([where, has((r) => sameAmount(r.cost, extremes[1]!.cost))]).toEqual([where, true]);
        expect([where, has((r) => sameAmount(r.co2Kg, extremes[2]!.co2Kg))]).toEqual([where, true]);
      }
      expect([where, listed.length]).toEqual([where, max]);
    }
  }
}

describe.each<Front>(['pareto', 'tradeoffs'])('the %s front agrees with the brute-force oracle', (kind) => {
  it.each(groups)('network seeds %i…', (...seeds) => {
    const seen: Seen = { cases: 0, several: 0, trimmed: 0 };
    for (const seed of seeds) checkNetwork(seed, seen, kind);
    if (!replaySeed) {
      expect(seen.several / seen.cases).toBeGreaterThan(SEVERAL[kind]);
      expect(seen.trimmed).toBeGreaterThan(0);
    }
  });
});
