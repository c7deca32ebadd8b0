/**
 * The plans' search helper thread (src/plans-pool/search-threads.ts) and the searches it
 * shares (src/plans/search-helper.ts):
 * - over random small networks with tight capacities and loads booked on them, the
 *   candidate routes it hands back are those the core finds in this thread, query by query;
 * - a capacity-bound plan in parts, planned with the helper, is the plan made without it,
 *   parcel by parcel, with the same figures;
 * - a helper that fails leaves its searches to the plans thread.
 */
import { join } from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { candidateRoutes } from '../../src/plans/candidates';
import { foundOf, unpackRoutes } from '../../src/plans/packed-routes';
import { planParcels } from '../../src/plans/planner';
import { candidatesOf, SHARED_FROM, type SearchHelper } from '../../src/plans/search-helper';
import { SearchThread } from '../../src/plans-pool/search-threads';
import { LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';
import { demandSizedCapacities } from '../../src/synthetic/demand-sized-capacities';
import { generateNetwork } from '../../src/synthetic/generate';
import { parcelQueries } from '../../src/synthetic/parcel-mix';
import { createRng } from '../../src/synthetic/prng';
import { withPromisedDeadlines } from '../../src/synthetic/promised-deadlines';
import { planInstance } from '../support/plan-instances';
import { SEARCH_THREAD } from '../support/thread-scripts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

test.each([1, 2, 3, 4, 5])(
  'seed %i: the thread finds the routes this thread finds, over the same loads',
  async (seed) => {
    const rng = createRng(93_000 + seed);
    const instance = planInstance(rng, rng.int(40, 80));
    const ix = prepareNetwork(instance.doc);
    // Loads: the parcels booked one by one, so that many departures and hub-days are full.
    const loads = new LoadTable(ix);
    const booker = new Router(ix, [], undefined, loads);
    for (const q of instance.queries) {
      const outcome = booker.route(q);
      if (outcome.kind === 'routed') loads.apply(reservationsOf(ix, outcome.answer.route, q.weightKg), 1);
    }
    const copy = LoadTable.fromContents(ix, loads.contents());
    for (let leg = 0; leg < ix.legCount; leg++)
      for (const q of instance.queries.slice(0, 5))
        for (let slot = q.readyAt; slot < q.readyAt + 3 * 1440; slot += 30) {
          expect([copy.parcels(leg, slot), copy.grams(leg, slot)]).toEqual([
            loads.parcels(leg, slot),
            loads.grams(leg, slot),
          ]);
          expect(copy.hubParcels(ix.legFrom[leg], Math.floor(slot / 1440))).toBe(
            loads.hubParcels(ix.legFrom[leg], Math.floor(slot / 1440)),
          );
        }

    const here = new Router(ix, [], undefined, loads);
    const expected = instance.queries.map((q) => candidateRoutes(here, q).map((route) => foundOf(ix, route)));
    const thread = new SearchThread({ doc: instance.doc, closures: [] }, { file: SEARCH_THREAD });
    try {
      expect(unpackRoutes(await thread.candidates(loads.contents(), instance.queries))).toEqual(expected);
      // Shared half and half, in the queries' order.
      expect(instance.queries.length).toBeGreaterThanOrEqual(SHARED_FROM);
      expect(await candidatesOf(new Router(ix, [], undefined, loads), loads, instance.queries, thread)).toEqual(
        expected,
      );
    } finally {
      await thread.close();
    }
    expect(expected.some((routes) => routes.length > 1)).toBe(true);
  },
);

test('a plan in parts is the same plan with the helper as without it', async () => {
  const real = generateNetwork({ hubs: 120, seed: 3, capacities: 'realistic' });
  const queries: RouteQuery[] = withPromisedDeadlines(real, parcelQueries(real, 1_500, { seed: 5, waves: 6 }));
  const doc = demandSizedCapacities(real, queries, 0.5);
  const ix = prepareNetwork(doc);
  const plan = (helper?: SearchHelper) =>
    planParcels({
      index: ix,
      startingLoads: () => new LoadTable(ix),
      queries,
      penalties: { latePenalty: 100, unplannedPenalty: 1000 },
      highs,
      maxCommodities: 150,
      helper,
    });
  const alone = await plan();
  const thread = new SearchThread({ doc, closures: [] }, { file: SEARCH_THREAD });
  const shared = await plan(thread).finally(() => thread.close());
  expect(alone.figures.split).not.toBe('none');
  expect(alone.figures.objective).toBeLessThan(alone.figures.greedy.objective);
  expect(shared.parcels).toEqual(alone.parcels);
  const { totalSeconds: _a, solveSeconds: _b, phases: _c, ...figures } = alone.figures;
  const { totalSeconds: _d, solveSeconds: _e, phases: _f, helper, ...sharedFigures } = shared.figures;
  expect(sharedFigures).toEqual(figures);
  // The helper did search for the plan: the same plan is not the plans thread's alone.
  expect(helper?.searches).toBeGreaterThan(queries.length / 2);
}, 120_000);

test('a helper that fails leaves its half to this thread', async () => {
  const rng = createRng(93_100);
  const instance = planInstance(rng, 40);
  const ix = prepareNetwork(instance.doc);
  const loads = new LoadTable(ix);
  const router = new Router(ix, [], undefined, loads);
  const expected = instance.queries.map((q) => candidateRoutes(router, q).map((route) => foundOf(ix, route)));
  const broken = new SearchThread(
    { doc: instance.doc, closures: [] },
    { file: join(__dirname, '..', 'support', 'heap-worker.js') },
  );
  await expect(broken.candidates(loads.contents(), instance.queries)).rejects.toThrow(/exited \(code 0\)/);
  expect(await candidatesOf(router, loads, instance.queries, broken)).toEqual(expected);
  await broken.close();
});
