/**
 * The last step of a split plan (planner.ts): the parts' columns pooled, one LP over the
 * whole plan solved over them (whole-lp.ts), its flows rounded into a plan of its own
 * (rounding.ts, over the loads the plan starts from), and the plan's bound. Its column
 * generation ends early once a plan rounded from it is proven within PLAN_GAP.
 *
 * Each part was planned over what the parts before it booked, so the first parts took
 * capacity the later ones needed more; the whole plan's LP shares it out at once. Its
 * plan is kept when it costs less than the parts' plan. Every route either plan uses is a
 * column of the pool (the repair's routes join it), so the bound, the Lagrangian bound
 * over the pool (lagrangian-bound.ts), covers both: the best of the starts — the parts'
 * own duals, the whole LP's, and, when the repair used routes that LP lacked and the
 * bound is not yet within WHOLE_LP_TOLERANCE of it, the duals of the LP solved once more
 * with them — raised by subgradient steps (subgradient.ts).
 */
import type { Highs } from 'highs';
import type { LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { ColumnSet } from './columns';
import type { Commodity } from './commodities';
import { LagrangianRelaxation, type Priced } from './lagrangian-bound';
import type { PartOutcome, Phase } from './part';
import { Resources } from './resources';
import { roundFlows } from './rounding';
import { scorePlans } from './score';
import { raisedBound, SUBGRADIENT_STEPS } from './subgradient';
import type { ParcelPlan, PlanPenalties } from './types';
import { capacityPrices, solveWholeLp, WHOLE_LP_TOLERANCE, type WholeLp } from './whole-lp';

/**
 * A split plan proven within this share of its bound is good enough: the whole plan's
 * column generation ends there, before WHOLE_LP_TOLERANCE. @defaultValue
 */
export const PLAN_GAP = 0.01;

export interface WholePlanInput {
  ix: NetworkIndex;
  highs: Highs;
  router: (loads: LoadTable) => Router;
  queries: readonly RouteQuery[];
  penalties: PlanPenalties;
  commodities: readonly Commodity[];
  /** Each part's commodities (ids in `commodities`) and what planning it gave. */
  outcomes: readonly { part: readonly number[]; outcome: PartOutcome }[];
  /** A new table of the loads the plan starts from, at each call. */
  startingLoads: () => LoadTable;
  /** The parts' plans, by parcel (the parcels greedy excluded too). */
  plans: readonly ParcelPlan[];
  /** Greedy's objective: no bound needs to rise above it. */
  greedyObjective: number;
  lap: (phase: Phase) => void;
}

export interface WholePlan {
  /** The better of the parts' plan and the whole LP's. */
  plans: ParcelPlan[];
  bound: number;
  /** The routes of every commodity: all the parts' columns, and the repair's after the whole plan's LP. */
  pool: ColumnSet;
  /** The whole plan's LP, when it could be solved (its solves and seconds count the solve for the bound too). */
  lp?: WholeLp;
}

export function planWhole(input: WholePlanInput): WholePlan {
  const { ix, highs, queries, penalties, commodities, outcomes, lap } = input;
  const resources = new Resources(ix, input.startingLoads());
  const pool = new ColumnSet(ix, resources, commodities);
  const carrying = new Set<number>();
  for (const { part, outcome } of outcomes) {
    const adopted = outcome.columns.list.map((col) => pool.adopt(part[col.commodity], col));
    for (const j of outcome.carrying) carrying.add(adopted[j]);
  }

  let plans = [...input.plans];
  let objective = scorePlans(plans, penalties).objective;
  const proven = (bound: number) => objective - bound <= PLAN_GAP * objective;
  // The relaxation over the pool as it is: built again only when the repair added to it.
  let over: { columns: number; relaxation: LagrangianRelaxation } | undefined;
  const relaxation = () => {
    if (over?.columns !== pool.list.length) {
      const columnsOf = pool.ofCommodity.map((js) => js.map((j) => pool.list[j]));
      const relaxation = new LagrangianRelaxation(commodities, columnsOf, (col) => col.uses, resources.list, penalties);
      over = { columns: pool.list.length, relaxation };
    }
    return over.relaxation;
  };
  // Prices of every resource the pool names now (the repair's routes may have named new ones: unpriced).
  const priced = (prices: Priced) => extended(prices, resources.list.length);
  // Each LP rounded: its plan kept when it costs less, the repair's routes into the pool.
  const repaired: number[] = [];
  let rounded: WholeLp | undefined;
  let loss = 0;
  const round = (lp: WholeLp) => {
    const ofCommodity: number[][] = commodities.map(() => []);
    lp.columns.forEach((col, j) => ofCommodity[col.commodity].push(j));
    const working = input.startingLoads();
    const r = roundFlows(
      ix,
      queries,
      commodities,
      lp.columns,
      ofCommodity,
      lp.x,
      penalties,
      working,
      input.router(working),
    );
    for (const { commodity, route } of r.repaired) repaired.push(pool.add(commodity, route));
    const whole = plans.map((p, i) => r.plans[i] ?? p);
    const wholeObjective = scorePlans(whole, penalties).objective;
    if (wholeObjective < objective) [plans, objective] = [whole, wholeObjective];
    [rounded, loss] = [lp, Math.max(0, wholeObjective - lp.objective)];
  };
  // The column generation may end before WHOLE_LP_TOLERANCE, once a plan is proven within
  // PLAN_GAP: an LP is rounded when its shortfall and the last rounding's loss leave hope.
  const enough = (lp: WholeLp, shortfall: number) => {
    if (shortfall + loss > PLAN_GAP * lp.objective) return false;
    lap('lp');
    round(lp);
    lap('rounding');
    return proven(relaxation().at(priced(lp.prices)).bound);
  };
  const lp = solveWholeLp(highs, commodities, pool, carrying, resources.list, penalties, { enough });
  lap('lp');
  if (lp && rounded !== lp) {
    round(lp);
    lap('rounding');
  }

  const target = Math.min(objective, input.greedyObjective);
  const raised = (prices: Priced) => raisedBound(relaxation(), priced(prices), target, SUBGRADIENT_STEPS);
  let bound = raised(pricesOfParts(resources, outcomes));
  if (lp) bound = Math.max(bound, raised(lp.prices));
  // The repair's routes may use departures and hub-days no LP priced, and be cheap at the
  // LP's prices. Unless the plan is proven within PLAN_GAP already, or the bound is within
  // the tolerance of the LP (no LP with them can be above it), the LP is solved once more
  // with them, to price those too.
  let again: WholeLp | undefined;
  const columns = new Set(lp?.chosen);
  const unpriced = repaired.filter((j) => !columns.has(j));
  if (lp && unpriced.length && !proven(bound) && bound < (1 - WHOLE_LP_TOLERANCE) * lp.objective) {
    for (const j of unpriced) columns.add(j);
    again = solveWholeLp(highs, commodities, pool, columns, resources.list, penalties, { rounds: 1 });
    lap('lp');
    if (again) bound = Math.max(bound, raised(again.prices));
  }
  return { plans, bound, pool, lp: lp && again ? withSolve(lp, again) : lp };
}

/** The whole LP's figures counting a later solve of it too (its size: the larger). */
function withSolve(lp: WholeLp, later: WholeLp): WholeLp {
  return {
    ...lp,
    solves: lp.solves + later.solves,
    iterations: lp.iterations + later.iterations,
    seconds: lp.seconds + later.seconds,
    size: later.size.nonzeros > lp.size.nonzeros ? later.size : lp.size,
  };
}

function extended(prices: Priced, n: number): Priced {
  const parcels = new Float64Array(n);
  const grams = new Float64Array(n);
  parcels.set(prices.parcels);
  grams.set(prices.grams);
  return { parcels, grams };
}

/**
 * Prices of the whole plan's resources from the parts' duals: each resource's largest
 * price any part's LP gave it (capacityPrices: 0 where a part had no row for it, as for
 * a room that is unlimited).
 */
function pricesOfParts(whole: Resources, outcomes: readonly { outcome: PartOutcome }[]): Priced {
  const numbers = outcomes.map(({ outcome }) => outcome.resources.list.map((r) => whole.numberOf(r)));
  const parcels = new Float64Array(whole.list.length);
  const grams = new Float64Array(whole.list.length);
  outcomes.forEach(({ outcome }, p) => {
    const part = capacityPrices(outcome.lp, outcome.solution.rowDual, outcome.resources.list.length);
    numbers[p].forEach((at, i) => {
      parcels[at] = Math.max(parcels[at], part.parcels[i]);
      grams[at] = Math.max(grams[at], part.grams[i]);
    });
  });
  return { parcels, grams };
}
