/**
 * Plans a day's parcels together against capacity (CONTRACT §6, docs/plans.md):
 *
 * 1. greedy: the parcels booked one by one in the order given (greedy.ts), the figure to
 *    beat, and which parcels can be planned at all;
 * 2. commodities (commodities.ts) and their candidate routes from the routing core over
 *    the starting loads (candidates.ts), greedy's routes among them;
 * 3. the path-flow LP (lp-model.ts) solved by HiGHS; then rounds of pricing: the
 *    commodities left unplanned, late, or on a saturated departure or hub-day ask the core
 *    again over loads in which every saturated resource is full, and the routes whose
 *    reduced cost is negative become columns; the LP is solved again;
 * 4. rounding and repair (rounding.ts); the repaired routes become columns and the LP is
 *    solved once more, so that it bounds the plan returned;
 * 5. the better of the rounded plan and greedy is returned.
 *
 * `lowerBound` is the dual bound (lp-bound.ts) of the last LP: a proven lower bound on
 * the objective of every plan whose parcels take routes among that LP's columns (the
 * plan and greedy included), not on plans over routes the core never offered.
 */
import type { Highs } from 'highs';
import { gramsOf, type LoadTable } from '../routing/capacity/loads';
import type { LowerBoundCache } from '../routing/search/lower-bounds';
import type { NetworkIndex } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import type { Closure, RouteQuery } from '../routing/types';
import { candidateRoutes } from './candidates';
import { ColumnSet } from './columns';
import { groupCommodities, type Commodity } from './commodities';
import { greedyPlans } from './greedy';
import { dualBound } from './lp-bound';
import { buildPathLp } from './lp-model';
import { solveLp, type LpSolution } from './lp-solve';
import { Resources } from './resources';
import { roundFlows } from './rounding';
import { scorePlans } from './score';
import type { ParcelPlan, PlanFigures, PlanOutcome, PlanPenalties } from './types';

/** Pricing rounds after the first LP. @defaultValue */
export const PRICING_ROUNDS = 3;

export interface PlanInput {
  index: NetworkIndex;
  closures?: readonly Closure[];
  /** Shared lower bounds of the index, when the caller keeps them. */
  bounds?: LowerBoundCache;
  /** A new table of what is booked already (the starting loads), at each call. */
  startingLoads: () => LoadTable;
  queries: readonly RouteQuery[];
  penalties: PlanPenalties;
  highs: Highs;
  /** @defaultValue PRICING_ROUNDS */
  pricingRounds?: number;
  /** Return the last LP's commodities and routes too (PlanOutcome.model). @defaultValue false */
  exposeModel?: boolean;
}

/** Resources whose parcels (or grams) row is used up to within this. */
const SATURATED = 1e-6;

export function planParcels(input: PlanInput): PlanOutcome {
  const started = performance.now();
  const { index: ix, queries, penalties, highs } = input;
  const closures = input.closures ?? [];
  const router = (loads: LoadTable) => new Router(ix, closures, input.bounds, loads);

  const greedyLoads = input.startingLoads();
  const greedy = greedyPlans(router(greedyLoads), greedyLoads, queries);
  const plannable: number[] = [];
  for (let i = 0; i < queries.length; i++) if (greedy[i].kind !== 'excluded') plannable.push(i);
  const commodities = groupCommodities(ix, queries, plannable);
  const commodityOf = new Int32Array(queries.length).fill(-1);
  for (const c of commodities) for (const i of c.parcels) commodityOf[i] = c.id;

  const start = input.startingLoads();
  const resources = new Resources(ix, start);
  const columns = new ColumnSet(ix, resources, commodities);
  const candidates = router(start);
  for (const c of commodities)
    for (const route of candidateRoutes(candidates, queryOf(queries, c))) columns.add(c.id, route);
  for (const i of plannable) {
    const g = greedy[i];
    if (g.kind === 'planned') columns.add(commodityOf[i], g.answer.route);
  }

  let solveSeconds = 0;
  let lpSolves = 0;
  let columnsPriced = 0;
  const solve = () => {
    const lp = buildPathLp(commodities, columns.list, resources.list, penalties, highs.infinity);
    const solution = solveLp(highs, lp.model);
    solveSeconds += solution.seconds;
    lpSolves++;
    return { lp, solution };
  };

  let { lp, solution } = solve();
  for (let round = 0; round < (input.pricingRounds ?? PRICING_ROUNDS); round++) {
    const added = priceRound(
      ix,
      router,
      input.startingLoads,
      queries,
      commodities,
      columns,
      resources,
      lp,
      solution,
      penalties,
    );
    if (added === 0) break;
    columnsPriced += added;
    ({ lp, solution } = solve());
  }

  const working = input.startingLoads();
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
  const before = columns.list.length;
  for (const { commodity, route } of rounded.repaired) columns.add(commodity, route);
  if (columns.list.length > before) ({ lp, solution } = solve());
  const lowerBound = dualBound(
    lp.model,
    columnLimits(
      commodities,
      columns.list.map((col) => col.commodity),
    ),
    solution.rowDual,
    commodities.length,
  );

  const lpPlans: ParcelPlan[] = greedy.map((g, i) => (g.kind === 'excluded' ? g : rounded.plans[i]));
  const lpScore = scorePlans(lpPlans, penalties);
  const greedyScore = scorePlans(greedy, penalties);
  const useGreedy = greedyScore.objective < lpScore.objective;
  const score = useGreedy ? greedyScore : lpScore;
  const figures: PlanFigures = {
    ...score,
    total: queries.length,
    excluded: queries.length - plannable.length,
    lowerBound,
    gap: score.objective > 0 ? Math.max(0, (score.objective - lowerBound) / score.objective) : 0,
    bound:
      "the LP relaxation over the candidate routes (the core's pareto, level, express and economy routes, the routes found by pricing around saturated capacity, and the routes greedy and the repair used): every plan over those routes costs at least this",
    greedy: { ...greedyScore },
    source: useGreedy ? 'greedy' : 'lp',
    commodities: commodities.length,
    lp: { columns: lp.model.numCols, rows: lp.model.numRows, nonzeros: lp.nonzeros },
    lpSolves,
    columnsPriced,
    solveSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    split: 'none',
  };
  const outcome: PlanOutcome = { parcels: useGreedy ? greedy : lpPlans, figures };
  if (input.exposeModel) {
    outcome.model = {
      commodities: commodities.map((c) => ({
        parcels: [...c.parcels],
        routes: columns.ofCommodity[c.id].map((j) => ({
          legIds: [...columns.list[j].legs].map((l) => ix.legIds[l]),
          departs: [...columns.list[j].departs],
        })),
      })),
    };
  }
  return outcome;
}

/** The query candidates are looked for with: the commodity's heaviest parcel, its deadline made explicit. */
function queryOf(queries: readonly RouteQuery[], c: Commodity): RouteQuery {
  return { ...queries[c.representative], deadline: c.deadline, alternatives: undefined };
}

/** Each column's most flow: its commodity's parcels (the unplanned columns follow the paths). */
function columnLimits(commodities: readonly Commodity[], pathCommodity: readonly number[]): Float64Array {
  const limits = new Float64Array(pathCommodity.length + commodities.length);
  pathCommodity.forEach((c, j) => (limits[j] = commodities[c].parcels.length));
  commodities.forEach((c, k) => (limits[pathCommodity.length + k] = c.parcels.length));
  return limits;
}

/**
 * One round of pricing: the core is asked again, over loads in which every resource the
 * LP saturates is full, for the commodities that need it; the routes with a negative
 * reduced cost at the LP's duals become columns. Returns how many were added.
 */
function priceRound(
  ix: NetworkIndex,
  router: (loads: LoadTable) => Router,
  startingLoads: () => LoadTable,
  queries: readonly RouteQuery[],
  commodities: readonly Commodity[],
  columns: ColumnSet,
  resources: Resources,
  lp: ReturnType<typeof buildPathLp>,
  solution: LpSolution,
  penalties: PlanPenalties,
): number {
  const pressure = startingLoads();
  const saturated = new Uint8Array(resources.list.length);
  resources.list.forEach((r, i) => {
    const p = lp.parcelRow[i];
    const g = lp.gramsRow[i];
    const full =
      solution.rowValue[p] >= r.parcelsLeft - SATURATED ||
      (g >= 0 && solution.rowValue[g] >= r.gramsLeft - gramsOf(0.1));
    if (!full) return;
    saturated[i] = 1;
    if (r.kind === 'hub') pressure.setHubDay(r.at, r.when, ix.hubCapacity[r.at]);
    else pressure.setSlot(r.at, r.when, Math.min(ix.legCapacity[r.at], 1e9), Math.min(ix.legCapacityGrams[r.at], 1e15));
  });
  const P = columns.list.length;
  const needy = commodities.filter((c) => {
    if (solution.x[P + c.id] > SATURATED) return true;
    return columns.ofCommodity[c.id].some(
      (j) => solution.x[j] > SATURATED && (columns.list[j].late || columns.list[j].uses.some((r) => saturated[r])),
    );
  });
  if (!needy.length) return 0;
  const y = solution.rowDual;
  const pricer = router(pressure);
  let added = 0;
  for (const c of needy) {
    for (const route of candidateRoutes(pricer, queryOf(queries, c))) {
      const before = columns.list.length;
      const j = columns.add(c.id, route);
      if (columns.list.length === before) continue;
      const col = columns.list[j];
      let rc = col.fixed + col.perKg * c.minKg + (col.late ? penalties.latePenalty : 0) - y[c.id];
      const grams = gramsOf(c.minKg);
      for (const r of col.uses) {
        // A resource met for the first time has no row yet: its dual is 0.
        if (r >= lp.parcelRow.length) continue;
        rc -= y[lp.parcelRow[r]];
        if (lp.gramsRow[r] >= 0) rc -= grams * y[lp.gramsRow[r]];
      }
      // Columns that do not price out are kept too: they cost a column each and may serve the rounding.
      if (rc < -1e-9) added++;
    }
  }
  return added;
}
