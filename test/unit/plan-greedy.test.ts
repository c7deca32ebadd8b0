/**
 * Greedy (first come, first booked) tells a parcel NO_CAPACITY without a search when a
 * parcel of the same query, no heavier, found no room before (src/plans/no-room.ts).
 * Against the plain loop that routes and books every parcel in turn, on random small
 * networks with tight capacities and waves of parcels that repeat the same queries at
 * other weights: the same outcome and the same route for every parcel.
 */
import { greedyPlans } from '../../src/plans/greedy';
import type { ParcelPlan } from '../../src/plans/types';
import { LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { planInstance } from '../support/plan-instances';

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
  it('books what the plain loop books, parcel by parcel, on 300 random saturated instances', () => {
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
      const got = greedyPlans(new Router(ix, [], undefined, loads), loads, queries).map(summary);
      const expected = plainGreedy(ix, queries);
      expect({ seed, got }).toEqual({ seed, got: expected });
      refused += expected.filter((kind) => kind === 'no-capacity').length;
    }
    // The instances are tight enough that the memo has refusals to answer from.
    expect(refused).toBeGreaterThan(300);
  });
});
