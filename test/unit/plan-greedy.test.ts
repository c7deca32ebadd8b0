/**
 * Greedy (first come, first booked) tells a parcel NO_CAPACITY without a search when a
 * parcel of the same query, no heavier, found no room before (src/plans/no-room.ts).
 * Against the plain loop that routes and books every parcel in turn, on random small
 * networks with tight capacities and waves of parcels that repeat the same queries at
 * other weights: the same outcome and the same route for every parcel.
 *
 * With a helper thread that looks for every other parcel's route a batch ahead, over the
 * loads before the batch (src/plans/greedy.ts), greedy books the same, answer for answer.
 */
import { greedyPlans } from '../../src/plans/greedy';
import { SearchThread } from '../../src/plans-pool/search-threads';
import type { ParcelPlan } from '../../src/plans/types';
import { LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { planInstance } from '../support/plan-instances';
import { SEARCH_THREAD } from '../support/thread-scripts';

/** Every parcel routed and booked in turn, as §5 books them one by one. */
function plainGreedy(ix: NetworkIndex, queries: readonly RouteQuery[]): string[] {
  const loads = new LoadTable(ix);
  const router = new Router(ix, [], undefined, loads);
  return queries.map((q) => {
    const outcome = router.route(q);
    if (outcome.kind !== 'routed') return outcome.kind;
    loads.apply(reservationsOf(ix, outcome.answer.route, q.weightKg), 1);
    return JSON.stringify(outcome.answer.route.legs);
  });
}

function summary(plan: ParcelPlan): string {
  if (plan.kind === 'planned') return JSON.stringify(plan.answer.route.legs);
  return plan.kind === 'unplanned' ? 'no-capacity' : plan.outcome.kind;
}

describe('greedy skips the searches that cannot find room', () => {
  it('books what the plain loop books, parcel by parcel, on 300 random saturated instances', async () => {
    let refused = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(90_000 + seed);
      const instance = planInstance(rng, 6);
      // Each query again several times at other weights, in a shuffled order: what the memo is for.
      const queries = instance.queries
        .flatMap((q) => Array.from({ length: rng.int(2, 6) }, () => ({ ...q, weightKg: rng.int(1, 30) / 2 })))
        .sort(() => rng.next() - 0.5);
      const ix = prepareNetwork(instance.doc);
      const loads = new LoadTable(ix);
      const got = (await greedyPlans(new Router(ix, [], undefined, loads), loads, queries)).map(summary);
      const expected = plainGreedy(ix, queries);
      expect({ seed, got }).toEqual({ seed, got: expected });
      refused += expected.filter((kind) => kind === 'no-capacity').length;
    }
    // The instances are tight enough that the memo has refusals to answer from.
    expect(refused).toBeGreaterThan(300);
  });
});

describe('greedy with a helper thread', () => {
  it('books what greedy books alone, answer for answer, on 40 random saturated instances in small batches', async () => {
    let planned = 0;
    let refused = 0;
    // Searches made on this thread, alone and with the helper: the helper's routes are taken.
    const searches = { alone: 0, helped: 0 };
    const counted = (router: Router, key: keyof typeof searches) => {
      const route = router.route.bind(router);
      router.route = (q) => {
        searches[key]++;
        return route(q);
      };
      return router;
    };
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(92_000 + seed);
      const instance = planInstance(rng, rng.int(40, 120));
      const ix = prepareNetwork(instance.doc);
      const { queries } = instance;
      const alone = new LoadTable(ix);
      const expected = await greedyPlans(counted(new Router(ix, [], undefined, alone), 'alone'), alone, queries);
      const helper = new SearchThread({ doc: instance.doc, closures: [] }, { file: SEARCH_THREAD });
      const loads = new LoadTable(ix);
      const got = await greedyPlans(
        new Router(ix, [], undefined, loads),
        loads,
        queries,
        helper,
        rng.int(2, 40),
      ).finally(() => helper.close());
      expect({ seed, got }).toEqual({ seed, got: expected });
      expect({ seed, summary: got.map(summary) }).toEqual({ seed, summary: plainGreedy(ix, queries) });
      planned += expected.filter((p) => p.kind === 'planned').length;
      refused += expected.filter((p) => p.kind === 'unplanned').length;
    }
    // Tight enough that routes chosen ahead no longer fit at their turn, and parcels find no room.
    expect(planned).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(400);
    expect(searches.helped).toBeLessThan(0.75 * searches.alone);
  }, 60_000);
});
