/**
 * One model of a plan: the commodities of one part (all of them, when the plan is not
 * split), planned over the loads the part starts from.
 *
 * 1. candidate routes from the core over those loads (candidates.ts), greedy's routes
 *    among them;
 * 2. the path-flow LP (lp-model.ts) solved by HiGHS (lp-solve.ts), then rounds of
 *    pricing (pricing.ts), each followed by a solve of the grown LP;
 * 3. rounding and repair (rounding.ts) onto `working` (the loads the part starts from,
 *    which it books into); the repaired routes become columns and, when the part is the
 *    whole plan, the LP is solved once more, so that it bounds the plan. A part of a
 *    split plan skips that solve: the LP over the whole plan (whole-lp.ts) takes its
 *    columns and bounds the plan instead.
 */
import type { Highs } from 'highs';
import type { LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import type { Router } from '../routing/router/router';
import type { RoutePlan, RouteQuery } from '../routing/types';
import { ColumnSet, EPSILON } from './columns';
import { queryOf, type Commodity } from './commodities';
import { dualBound } from './lp-bound';
import { buildPathLp, type PathLp } from './lp-model';
import { solveLp, type LpSolution } from './lp-solve';
import { priceRound } from './pricing';
import { Resources } from './resources';
import { roundFlows } from './rounding';
import { candidatesOf, type SearchHelper } from './search-helper';
import type { LpSize, ParcelPlan, PlanPenalties } from './types';

export type Phase = 'candidates' | 'lp' | 'pricing' | 'rounding';

export interface PartInput {
  ix: NetworkIndex;
  router: (loads: LoadTable) => Router;
  /** Routers for the candidate and pricing searches (CANDIDATE_SEARCHES). */
  searcher: (loads: LoadTable) => Router;
  highs: Highs;
  penalties: PlanPenalties;
  queries: readonly RouteQuery[];
  /** The part's commodities, numbered 0… within it. */
  commodities: readonly Commodity[];
  /** Routes greedy gave the part's commodities' parcels, by commodity. */
  greedyRoutes: ReadonlyMap<number, readonly RoutePlan[]>;
  /** A fresh table of the loads the part starts from. */
  startingLoads: () => LoadTable;
  /** The loads the part starts from, which its rounding books into. */
  working: LoadTable;
  pricingRounds: number;
  /** Solve the LP again with the repair's routes, so that its bound covers the part's plan. */
  boundPlan: boolean;
  /** Told of the time spent in each phase. */
  lap: (phase: Phase) => void;
  /** Where half the candidate searches run meanwhile, if anywhere. */
  helper?: SearchHelper;
}

export interface PartOutcome {
  /** The plans of the part's parcels (other entries unset). */
  plans: ParcelPlan[];
  columns: ColumnSet;
  /** The columns the part's plan leans on: those with flow in its last LP, and the repair's. */
  carrying: number[];
  /** The dual bound of the part's last LP (lp-bound.ts): a bound on the part's plan when `boundPlan`. */
  bound: number;
  size: LpSize;
  solves: number;
  lpIterations: number;
  columnsPriced: number;
  solveSeconds: number;
}

export async function planPart(input: PartInput): Promise<PartOutcome> {
  const { ix, router, searcher, highs, penalties, queries, commodities, lap } = input;
  const start = input.startingLoads();
  const resources = new Resources(ix, start);
  const columns = new ColumnSet(ix, resources, commodities);
  const found = await candidatesOf(
    searcher(start),
    start,
    commodities.map((c) => queryOf(queries, c)),
    input.helper,
  );
  commodities.forEach((c, k) => {
    for (const route of found[k]) columns.addFound(c.id, route);
    for (const route of input.greedyRoutes.get(c.id) ?? []) columns.add(c.id, route);
  });
  lap('candidates');

  let solves = 0;
  let lpIterations = 0;
  let solveSeconds = 0;
  let columnsPriced = 0;
  const solve = (): { lp: PathLp; solution: LpSolution } => {
    const lp = buildPathLp(commodities, columns.list, resources.list, penalties, highs.infinity);
    const solution = solveLp(highs, lp.model);
    solves++;
    lpIterations += solution.iterations;
    solveSeconds += solution.seconds;
    lap('lp');
    return { lp, solution };
  };

  let { lp, solution } = solve();
  for (let round = 0; round < input.pricingRounds; round++) {
    const added = await priceRound(
      ix,
      searcher,
      input.startingLoads,
      queries,
      commodities,
      columns,
      resources,
      lp,
      solution,
      penalties,
      input.helper,
    );
    lap('pricing');
    if (added === 0) break;
    columnsPriced += added;
    ({ lp, solution } = solve());
  }

  const { working } = input;
  const rounded = roundFlows(
    ix,
    queries,
    commodities,
    columns.list,
    columns.ofCommodity,
    solution.x,
    penalties,
    working,
    router(working),
  );
  lap('rounding');
  const before = columns.list.length;
  const repaired = rounded.repaired.map(({ commodity, route }) => columns.add(commodity, route));
  if (input.boundPlan && columns.list.length > before) ({ lp, solution } = solve());
  // The LP's columns are the first of the set (the repair's may follow), then one u_k per commodity.
  const carrying = new Set(repaired);
  for (let j = 0; j < lp.model.numCols - commodities.length; j++) if (solution.x[j] > EPSILON) carrying.add(j);
  const bound = dualBound(lp.model, solution.rowDual, commodities.length);
  return {
    plans: rounded.plans,
    columns,
    carrying: [...carrying],
    bound,
    size: { columns: lp.model.numCols, rows: lp.model.numRows, nonzeros: lp.nonzeros },
    solves,
    lpIterations,
    columnsPriced,
    solveSeconds,
  };
}
