/**
 * The planner against an exact MIP and an independent checker, on many small random
 * instances with tight capacities and some bookings made before the plan:
 *
 * - the checker (src/plans/checker.ts) finds nothing over capacity in the plan or in
 *   greedy, every route valid, and recomputes the objectives the planner reports;
 * - the exact optimum over the plan's routes (a third of the plans split into parts of a
 *   few commodities, whose bound is the Lagrangian one) (HiGHS MIP on the full path formulation,
 *   parcel by parcel: test/support/plan-mip.ts) lies between lowerBound and the
 *   plan's objective, and the plan is never worse than greedy.
 *
 * Replay one instance with PLAN_SEED=<seed> npx jest test/unit/plan-oracle.test.ts
 */
import loadHighs, { type Highs } from 'highs';
import { checkPlan, type PriorBooking } from '../../src/plans/checker';
import { greedyPlans } from '../../src/plans/greedy';
import { planParcels } from '../../src/plans/planner';
import { DEFAULT_PENALTIES, type PlanPenalties } from '../../src/plans/types';
import { LoadTable, type Reservation } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { createRng } from '../../src/synthetic/prng';
import { exactOptimum, type Route } from '../support/plan-mip';
import { planInstance } from '../support/plan-instances';
import { seedGroups } from '../support/seed-groups';

const INSTANCES = 240;
const PER_TEST = 40;
const replaySeed = process.env.PLAN_SEED;
const TOLERANCE = 1e-6;

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

interface Seen {
  instances: number;
  beatGreedy: number;
  unplanned: number;
  late: number;
  prior: number;
  split: number;
}

function bookPrior(
  ix: NetworkIndex,
  instance: ReturnType<typeof planInstance>,
): { reservations: Reservation[]; prior: PriorBooking[] } {
  const loads = new LoadTable(ix);
  const router = new Router(ix, [], undefined, loads);
  const reservations: Reservation[] = [];
  const prior: PriorBooking[] = [];
  for (const q of instance.prior) {
    const outcome = router.route(q);
    if (outcome.kind !== 'routed') continue;
    const taken = reservationsOf(ix, outcome.answer.route, q.weightKg);
    loads.apply(taken, 1);
    reservations.push(...taken);
    prior.push({
      legs: outcome.answer.route.legs.map((l) => ({ legId: l.legId, departAt: l.departAt })),
      weightKg: q.weightKg,
    });
  }
  return { reservations, prior };
}

async function checkInstance(seed: number, seen: Seen): Promise<void> {
  const rng = createRng(seed);
  const instance = planInstance(rng, rng.int(4, 18));
  const penalties: PlanPenalties = rng.chance(0.5)
    ? DEFAULT_PENALTIES
    : { latePenalty: rng.int(0, 50), unplannedPenalty: rng.int(20, 400) };
  const ix = prepareNetwork(instance.doc);
  const { reservations, prior } = bookPrior(ix, instance);
  const startingLoads = () => {
    const loads = new LoadTable(ix);
    loads.apply(reservations, 1);
    return loads;
  };
  const { queries } = instance;
  // Some plans are split into parts of a few commodities (split.ts), to check the bound of a split plan too.
  const maxCommodities = seed % 3 === 0 ? rng.int(1, 3) : undefined;
  const outcome = await planParcels({
    index: ix,
    startingLoads,
    queries,
    penalties,
    highs,
    exposeModel: true,
    maxCommodities,
  });
  const { figures } = outcome;
  const where = `seed ${seed}`;

  const check = checkPlan(instance.doc, queries, outcome.parcels, penalties, prior);
  expect({ where, problems: check.problems }).toEqual({ where, problems: [] });
  expect(check.objective).toBeCloseTo(figures.objective, 6);
  expect([check.late, check.unplanned, check.planned]).toEqual([figures.late, figures.unplanned, figures.planned]);

  const greedyLoads = startingLoads();
  const greedy = await greedyPlans(new Router(ix, [], undefined, greedyLoads), greedyLoads, queries);
  const greedyCheck = checkPlan(instance.doc, queries, greedy, penalties, prior);
  expect({ where, problems: greedyCheck.problems }).toEqual({ where, problems: [] });
  expect(greedyCheck.objective).toBeCloseTo(figures.greedy.objective, 6);

  const routes = new Map<number, Route[]>();
  const plannable: number[] = [];
  for (const c of outcome.model!.commodities) {
    for (const i of c.parcels) {
      routes.set(i, c.routes);
      plannable.push(i);
    }
  }
  const optimum = exactOptimum(highs, instance.doc, queries, plannable, routes, penalties, prior);
  const slack = TOLERANCE * Math.max(1, Math.abs(optimum));
  expect({ where, lowerBound: figures.lowerBound <= optimum + slack }).toEqual({ where, lowerBound: true });
  expect({ where, objective: figures.objective >= optimum - slack }).toEqual({ where, objective: true });
  expect({ where, notWorseThanGreedy: figures.objective <= figures.greedy.objective + TOLERANCE }).toEqual({
    where,
    notWorseThanGreedy: true,
  });
  expect(figures.gap).toBeGreaterThanOrEqual(0);

  seen.instances++;
  if (figures.split !== 'none') seen.split++;
  if (figures.objective < figures.greedy.objective - TOLERANCE) seen.beatGreedy++;
  if (figures.unplanned > 0) seen.unplanned++;
  if (figures.late > 0) seen.late++;
  if (prior.length > 0) seen.prior++;
}

describe('plans against an exact MIP over their routes, and an independent checker', () => {
  it.each(seedGroups(70_000, INSTANCES, PER_TEST, replaySeed))('instance seeds %i…', async (...seeds) => {
    const seen: Seen = { instances: 0, beatGreedy: 0, unplanned: 0, late: 0, prior: 0, split: 0 };
    for (const seed of seeds) await checkInstance(seed, seen);
    if (replaySeed) return;
    // The instances exercised what they should: plans that beat greedy, parcels left unplanned or late, prior bookings.
    expect(seen.beatGreedy).toBeGreaterThan(0);
    expect(seen.unplanned).toBeGreaterThan(0);
    expect(seen.late).toBeGreaterThan(0);
    expect(seen.prior).toBeGreaterThan(0);
    expect(seen.split).toBeGreaterThan(0);
  });
});
