/**
 * Greedy in a thread of its own (src/plans-pool/greedy-thread.ts), as a plans thread runs
 * it beside a split plan: on random instances with tight capacities and bookings made
 * before, given those bookings as the ledger's counters, it books exactly what greedy
 * booked in this thread over the same loads. A thread that fails rejects, and a planner
 * waiting for it fails with that error.
 */
import loadHighs from 'highs';
import { dateOfDay, dateOfMinute } from '../../src/capacity/dates';
import { departureField, gramsField, hubField } from '../../src/capacity/holds';
import { greedyPlans } from '../../src/plans/greedy';
import { planParcels } from '../../src/plans/planner';
import { greedyInThread } from '../../src/plans-pool/greedy-thread';
import type { LoadEntry } from '../../src/plans-pool/task';
import { DEFAULT_PENALTIES } from '../../src/plans/types';
import { LoadTable, type Reservation } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { createRng } from '../../src/synthetic/prng';
import { planInstance } from '../support/plan-instances';
import { join } from 'node:path';

const GREEDY_WORKER = join(__dirname, '..', 'support', 'greedy-worker.js');

/** The ledger's counters of some reservations, as a plans thread is given them. */
function ledgerEntries(ix: NetworkIndex, reservations: readonly Reservation[]): LoadEntry[] {
  const counters = new Map<string, LoadEntry>();
  const add = (date: string, field: string, value: number) => {
    const entry = counters.get(`${date} ${field}`);
    if (entry) entry[2] += value;
    else counters.set(`${date} ${field}`, [date, field, value]);
  };
  for (const r of reservations) {
    if (r.kind === 'departure') {
      const field = departureField(ix.legIds[r.leg], r.slot);
      add(dateOfMinute(r.slot), field, 1);
      add(dateOfMinute(r.slot), gramsField(field), r.grams);
    } else add(dateOfDay(r.day), hubField(ix.hubIds[r.hub]), 1);
  }
  return [...counters.values()];
}

test('greedy in its own thread books what greedy books here, over the same starting loads', async () => {
  let planned = 0;
  let prior = 0;
  const checks = [11, 12, 13, 14, 15, 16].map(async (seed) => {
    const rng = createRng(seed);
    const instance = planInstance(rng, 60);
    const ix = prepareNetwork(instance.doc);
    const loads = new LoadTable(ix);
    const booker = new Router(ix, [], undefined, loads);
    const reservations: Reservation[] = [];
    for (const q of instance.prior) {
      const outcome = booker.route(q);
      if (outcome.kind !== 'routed') continue;
      const taken = reservationsOf(ix, outcome.answer.route, q.weightKg);
      loads.apply(taken, 1);
      reservations.push(...taken);
    }
    prior += reservations.length;
    const here = greedyPlans(new Router(ix, [], undefined, loads), loads, instance.queries);
    const task = { doc: instance.doc, closures: [], loads: ledgerEntries(ix, reservations), queries: instance.queries };
    const beside = await greedyInThread(GREEDY_WORKER, task);
    expect({ seed, plans: beside.plans }).toEqual({ seed, plans: here });
    expect(beside.seconds).toBeGreaterThan(0);
    planned += here.filter((p) => p.kind === 'planned').length;
  });
  await Promise.all(checks);
  expect(planned).toBeGreaterThan(100);
  expect(prior).toBeGreaterThan(0);
}, 60_000);

test('a greedy thread that fails rejects, and the planner waiting for it fails with its error', async () => {
  const instance = planInstance(createRng(21), 10);
  const task = { doc: instance.doc, closures: [], loads: [], queries: instance.queries };
  await expect(greedyInThread(join(__dirname, 'no-such-worker.js'), task)).rejects.toThrow(/no-such-worker/);

  const ix = prepareNetwork(instance.doc);
  const highs = await loadHighs();
  const failed = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('greedy thread died')), 1));
  await expect(
    planParcels({
      index: ix,
      startingLoads: () => new LoadTable(ix),
      queries: instance.queries,
      penalties: DEFAULT_PENALTIES,
      highs,
      maxCommodities: 2,
      greedy: failed,
    }),
  ).rejects.toThrow('greedy thread died');
});
