/**
 * The last step of a split plan (planner.ts): the parts' columns pooled, one LP over the
 * whole plan solved over them (whole-lp.ts), its flows rounded into a plan of its own
 * (rounding.ts, over the loads the plan starts from), and the plan's bound. Its column
 * generation ends early once a plan rounded from it is proven within PLAN_GAP.
 *
 * Each part was planned over what the parts before it booked, so the first parts took
 * capacity the later ones needed more; the whole plan's LP shares it out at once. Its
 * plan is kept when it costs less than the parts' plan. Before that LP, the volume
 * algorithm (volume.ts) prices the whole pool: its prices give the bound, and its
 * averaged flows and cheapest routes at those prices join the parts' flows among the
 * LP's first columns, so that the LP starts near its optimum over the pool and needs few
 * interior-point solves. Every route either plan uses is a column of the pool (the
 * repair's routes join it), so the bound, the Lagrangian bound over the pool
 * (lagrangian-bound.ts), covers both: the best L on the segment from the volume's prices
 * to the whole LP's duals, raised by subgradient steps (subgradient.ts) when that does
 * not prove the plan within PLAN_GAP. The repair's routes may use rooms that neither
 * priced: the volume takes a few more steps over the pool with them (an LP solved once
 * more with them, as before, raised the bound by 0.01 % on the 30,000-parcel instance
 * for 33 s).
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
import { Resources, type Resource } from './resources';
import { roundFlows } from './rounding';
import { scorePlans } from './score';
import type { HalfEvaluator } from './shared-half';
import { bestOnSegment, raisedBound, SUBGRADIENT_STEPS } from './subgradient';
import type { ParcelPlan, PlanPenalties } from './types';
import { volumeAscent, type Volume } from './volume';
import { LpSizes, MAX_NONZEROS, solveWholeLp, type Pool, type WholeLp } from './whole-lp';

/**
 * A split plan proven within this share of its bound is good enough: the whole plan's
 * column generation ends there, before WHOLE_LP_TOLERANCE. @defaultValue
 */
export const PLAN_GAP = 0.01;
/** Steps of the volume algorithm again, from its prices, once the repair's routes joined the pool. @defaultValue */
export const VOLUME_REFRESH_STEPS = 100;

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
  /** Where half of each evaluation of the relaxation runs, if anywhere. */
  helper?: HalfEvaluator;
}

export interface WholePlan {
  /** The better of the parts' plan and the whole LP's. */
  plans: ParcelPlan[];
  bound: number;
  /** The routes of every commodity: all the parts' columns, and the repair's after the whole plan's LP. */
  pool: ColumnSet;
  /** The whole plan's LP, when it could be solved. */
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
      const relaxation = new LagrangianRelaxation(
        commodities,
        columnsOf,
        (col) => col.uses,
        resources.list,
        penalties,
        input.helper,
      );
      over = { columns: pool.list.length, relaxation };
    }
    return over.relaxation;
  };
  // Prices of every resource the pool names now (the repair's routes may have named new ones: unpriced).
  const priced = (prices: Priced) => extended(prices, resources.list.length);
  // Each LP rounded: its plan kept when it costs less, the repair's routes into the pool.
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
    for (const { commodity, route } of r.repaired) pool.add(commodity, route);
    const whole = plans.map((p, i) => r.plans[i] ?? p);
    const wholeObjective = scorePlans(whole, penalties).objective;
    if (wholeObjective < objective) [plans, objective] = [whole, wholeObjective];
    [rounded, loss] = [lp, Math.max(0, wholeObjective - lp.objective)];
  };
  // Prices and flows over the whole pool by the volume algorithm: a bound, and the LP's first columns.
  let volume = volumeAscent(relaxation(), Math.min(objective, input.greedyObjective));
  const start = firstColumns(pool, carrying, volume, relaxation(), commodities, resources.list);
  // The volume's bound over the pool as it is now: when the repair's routes have joined it
  // (they may use rooms no price was found for yet), a few more steps from its prices.
  let ascended = pool.list.length;
  const volumeBound = () => {
    if (pool.list.length !== ascended) {
      const upper = Math.min(objective, input.greedyObjective);
      volume = volumeAscent(relaxation(), upper, VOLUME_REFRESH_STEPS, volume.prices);
      ascended = pool.list.length;
    }
    return volume.bound;
  };
  // The best bound at an LP's duals: L on the segment from the volume's prices to them.
  // The volume prices the whole pool evenly; an LP's duals price its own columns exactly,
  // the rest badly; a point between is often above both (at a million parcels, after the
  // first solve, 70.66 million against 70.02 and 68.23).
  // Kept for the LP and the pool it was found over: asked again before the pool grows (a
  // rounding that repaired nothing, the end of the rounds), it is the same search.
  let found: { lp: WholeLp; columns: number; best: ReturnType<typeof bestOnSegment> } | undefined;
  const boundAt = (lp: WholeLp) => {
    if (found?.lp !== lp || found.columns !== pool.list.length) {
      volumeBound();
      const best = bestOnSegment(relaxation(), priced(volume.prices), priced(lp.prices));
      found = { lp, columns: pool.list.length, best };
    }
    return found.best;
  };
  // The column generation may end before WHOLE_LP_TOLERANCE, once a plan is proven within
  // PLAN_GAP: an LP is rounded when its distance to the bound and the last rounding's loss
  // leave hope.
  const enough = (lp: WholeLp) => {
    if (lp.objective - boundAt(lp).at.bound + loss > PLAN_GAP * lp.objective) return false;
    lap('lp');
    round(lp);
    lap('rounding');
    return proven(boundAt(lp).at.bound);
  };
  const lp = solveWholeLp(highs, commodities, pool, start, resources.list, penalties, { enough });
  lap('lp');
  if (lp && rounded !== lp) {
    round(lp);
    lap('rounding');
  }
  if (!lp) return { plans, bound: volumeBound(), pool };
  const best = boundAt(lp);
  let bound = best.at.bound;
  if (!proven(bound))
    bound = Math.max(
      bound,
      raisedBound(relaxation(), best.prices, Math.min(objective, input.greedyObjective), SUBGRADIENT_STEPS),
    );
  return { plans, bound, pool, lp };
}

function extended(prices: Priced, n: number): Priced {
  const parcels = new Float64Array(n);
  const grams = new Float64Array(n);
  parcels.set(prices.parcels);
  grams.set(prices.grams);
  return { parcels, grams };
}

/**
 * The whole LP's first columns: those that carry flow in their part's last LP, those that
 * carry half a parcel or more in the volume's averaged flows, and each commodity's
 * cheapest at the volume's prices. When their LP could pass `budget` nonzeros (each column
 * counted with the nonzeros it has in the LP over them all, LpSizes, and one a commodity
 * for its unplanned column), the averaged flows' columns are left out from the smallest
 * flow up, then the cheapest ones from the last commodity back: those carrying the parts'
 * plan stay.
 */
export function firstColumns(
  pool: Pool,
  carrying: ReadonlySet<number>,
  volume: Volume,
  relaxation: LagrangianRelaxation,
  commodities: readonly Commodity[],
  resources: readonly Resource[],
  budget = MAX_NONZEROS,
): Set<number> {
  const first = new Set(carrying);
  const choice = new Int32Array(relaxation.commodities);
  relaxation.at(volume.prices, choice);
  const cheapest: number[] = [];
  const averaged: { j: number; flow: number }[] = [];
  let at = 0;
  pool.ofCommodity.forEach((js, k) => {
    for (const j of js) {
      const flow = volume.flows[at];
      const isCheapest = choice[k] === at++;
      if (flow < 0.5 && !isCheapest) continue;
      first.add(j);
      if (carrying.has(j)) continue;
      if (isCheapest) cheapest.push(j);
      else averaged.push({ j, flow });
    }
  });
  const sizes = new LpSizes(commodities, pool, resources, [...first]);
  averaged.sort((a, b) => a.flow - b.flow);
  sizes.leaveOut(first, [...averaged.map((a) => a.j), ...cheapest.reverse()], sizes.of(first), budget);
  return first;
}
