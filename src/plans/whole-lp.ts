/**
 * One LP over a whole split plan: every commodity and every capacity row of the plan
 * (with the room the bookings made before it left), over the pool of all the parts'
 * columns. Each part saw only what the parts before it left, so its duals price the
 * plan's capacities badly and its flows fit only its own turn; this LP prices and shares
 * the whole plan's capacities at once, and its flows are rounded into a plan of their
 * own (whole-plan.ts).
 *
 * It starts from the columns that carry flow in their part's last LP, and grows by
 * column generation over the pool: after each solve, every commodity's column of most
 * negative reduced cost at the duals joins it, and it is solved again, up to
 * WHOLE_LP_ROUNDS solves. Its duals are then Lagrangian prices (lagrangian-bound.ts):
 * L at them is a proven bound over every column of the pool, equal to the LP over the
 * whole pool when no column of it prices out any more. At an LP's duals, L is the LP's
 * objective z plus Σ_k n_k · (k's most negative reduced cost in the pool): when that sum
 * is within WHOLE_LP_TOLERANCE of z, no further solve can lower the LP by more, and the
 * rounds end there. They also end when the caller's `enough` says so after a solve (the
 * plan rounded from it is proven close enough to its bound: whole-plan.ts). A solve that
 * fails (LpError) ends the rounds with the last solve's answer, or none; a first LP past
 * its budget of nonzeros, with none.
 *
 * The LP stays within its budget (MAX_NONZEROS) as it grows: when the entering columns
 * could pass it, columns that carry no flow and price out positive at the duals leave
 * first, the dearest first. The last solve's optimum is still a vertex of the LP without
 * them, so the next LP is never worse. Then the entering columns join, those that would
 * lower L the most first, as many as fit. Each column counts the nonzeros it has in the
 * LP over the last LP's columns and the entering ones (LpSizes): the next LP, over
 * some of them, has no more.
 */
import type { Highs } from 'highs';
import { gramsOf } from '../routing/capacity/loads';
import { columnCharge, EPSILON, type Column, type ColumnSet } from './columns';
import type { Commodity } from './commodities';
import type { Priced } from './lagrangian-bound';
import { buildPathLp, columnNonzeros, type PathLp } from './lp-model';
import { LpError, solveLp, type LpSolution } from './lp-solve';
import type { Resource } from './resources';
import type { LpSize, PlanPenalties } from './types';

/** Solves of the whole plan's LP at most. @defaultValue */
export const WHOLE_LP_ROUNDS = 8;
/**
 * The column generation ends when the Lagrangian bound at the LP's duals is within this
 * share of the LP's objective. @defaultValue
 */
export const WHOLE_LP_TOLERANCE = 0.001;
/**
 * Nonzeros of the whole plan's LP at most: about 1.3 GB of HiGHS's 2 GB of WebAssembly
 * memory (568 MB measured at 1.8 million). A plan whose LP would be larger keeps what its
 * last solve gave (or nothing); its first columns are chosen to fit (whole-plan.ts).
 */
export const MAX_NONZEROS = 4_000_000;

/**
 * The nonzeros of the pool's columns `js` in the LP over them all (columnNonzeros): an LP
 * over any of them has no more than `of` counts for it.
 */
export class LpSizes {
  private readonly sizes: Map<number, number>;
  private readonly commodities: number;

  constructor(commodities: readonly Commodity[], pool: Pool, resources: readonly Resource[], js: readonly number[]) {
    const counts = columnNonzeros(
      commodities,
      js.map((j) => pool.list[j]),
      resources,
    );
    this.sizes = new Map(js.map((j, i) => [j, counts[i]]));
    this.commodities = commodities.length;
  }

  /** Column j's nonzeros. */
  size(j: number): number {
    return this.sizes.get(j)!;
  }

  /** The LP over `chosen`: its columns' nonzeros, and one a commodity for its unplanned column. */
  of(chosen: Iterable<number>): number {
    let nonzeros = this.commodities;
    for (const j of chosen) nonzeros += this.size(j);
    return nonzeros;
  }

  /** Takes columns out of `chosen`, in `order`, while its LP (`nonzeros`) is over `limit`; returns its nonzeros then. */
  leaveOut(chosen: Set<number>, order: Iterable<number>, nonzeros: number, limit: number): number {
    for (const j of order) {
      if (nonzeros <= limit) break;
      chosen.delete(j);
      nonzeros -= this.size(j);
    }
    return nonzeros;
  }
}

/** The columns the LP may take: each with its number, and each commodity's numbers. */
export type Pool = Pick<ColumnSet, 'list' | 'ofCommodity'>;

export interface WholeLp {
  /** The LP's columns, a subset of the pool's, their numbers in the pool, and their flows. */
  columns: Column[];
  chosen: number[];
  x: Float64Array;
  /** The last solve's objective. */
  objective: number;
  prices: Priced;
  solves: number;
  iterations: number;
  seconds: number;
  size: LpSize;
}

export interface WholeLpOptions {
  /** @defaultValue WHOLE_LP_ROUNDS */
  rounds?: number;
  /** @defaultValue WHOLE_LP_TOLERANCE */
  tolerance?: number;
  /**
   * Asked after each solve but the last whose L at its duals falls short of its
   * objective by more than the tolerance, with that shortfall: true ends the rounds.
   */
  enough?: (lp: WholeLp, shortfall: number) => boolean;
  /** Nonzeros of the LP at most. @defaultValue MAX_NONZEROS */
  budget?: number;
}

/**
 * @param pool every part's columns, in the whole plan's numbers (commodities and
 *   resources); it may grow while the rounds run (`enough` may add to it)
 * @param carrying the pool's columns that carry flow in their part's last LP
 */
export function solveWholeLp(
  highs: Highs,
  commodities: readonly Commodity[],
  pool: Pool,
  carrying: ReadonlySet<number>,
  resources: readonly Resource[],
  penalties: PlanPenalties,
  { rounds = WHOLE_LP_ROUNDS, tolerance = WHOLE_LP_TOLERANCE, enough, budget = MAX_NONZEROS }: WholeLpOptions = {},
): WholeLp | undefined {
  const chosen = new Set(carrying);
  let last: WholeLp | undefined;
  for (let solves = 1; solves <= rounds; solves++) {
    const numbers = [...chosen];
    const columns = numbers.map((j) => pool.list[j]);
    const lp = buildPathLp(commodities, columns, resources, penalties, highs.infinity);
    if (lp.nonzeros > budget) {
      // Only the first LP can: each later one is fitted within the budget (fitIn).
      if (!last) return undefined;
      throw new Error(`the whole plan's LP grew past its budget: ${lp.nonzeros} nonzeros`);
    }
    let solution: LpSolution;
    try {
      solution = solveLp(highs, lp.model);
    } catch (err) {
      if (err instanceof LpError) return last;
      throw err;
    }
    const prices = capacityPrices(lp, solution.rowDual, resources.length);
    last = {
      columns,
      chosen: numbers,
      x: solution.x,
      objective: solution.objective,
      prices,
      solves,
      iterations: (last?.iterations ?? 0) + solution.iterations,
      seconds: (last?.seconds ?? 0) + solution.seconds,
      size: { columns: lp.model.numCols, rows: lp.model.numRows, nonzeros: lp.nonzeros },
    };
    if (solves === rounds) break;
    const reduced = reducedCosts(commodities, pool, solution.rowDual, prices, penalties);
    const entering = priceIn(commodities, pool, chosen, reduced);
    const shortfall = entering.reduce((sum, e) => sum + e.gain, 0);
    if (shortfall <= tolerance * Math.abs(solution.objective) || enough?.(last, shortfall)) break;
    const sizes = new LpSizes(commodities, pool, resources, [...numbers, ...entering.map((e) => e.j)]);
    if (fitIn(sizes, chosen, numbers, solution.x, reduced, entering, budget) === 0) break;
  }
  return last;
}

/** Each pool column's reduced cost at an LP's duals: its charge, less its demand row's dual, plus its resources' prices. */
function reducedCosts(
  commodities: readonly Commodity[],
  pool: Pool,
  rowDual: Float64Array,
  prices: Priced,
  penalties: PlanPenalties,
): Float64Array {
  const reduced = new Float64Array(pool.list.length);
  commodities.forEach((c, k) => {
    const grams = gramsOf(c.minKg);
    for (const j of pool.ofCommodity[k]) {
      const col = pool.list[j];
      let rc = columnCharge(col, c.minKg, penalties.latePenalty) - rowDual[k];
      for (const r of col.uses) rc += prices.parcels[r] + grams * prices.grams[r];
      reduced[j] = rc;
    }
  });
  return reduced;
}

/**
 * Each commodity's pool column of most negative reduced cost outside `chosen`, with how
 * far it lowers L at these duals below the LP's objective (n_k · −its reduced cost); the
 * sum over them is L's shortfall, 0 when no column prices out.
 */
function priceIn(
  commodities: readonly Commodity[],
  pool: Pool,
  chosen: ReadonlySet<number>,
  reduced: Float64Array,
): { j: number; gain: number }[] {
  const entering: { j: number; gain: number }[] = [];
  commodities.forEach((c, k) => {
    let best = -EPSILON;
    let j = -1;
    for (const i of pool.ofCommodity[k]) if (!chosen.has(i) && reduced[i] < best) [best, j] = [reduced[i], i];
    if (j >= 0) entering.push({ j, gain: -c.parcels.length * best });
  });
  return entering;
}

/**
 * Adds the entering columns to `chosen` within `budget` nonzeros (`sizes`: each column's
 * in the LP over the chosen and the entering ones): when they could pass it, the LP's
 * columns without flow and of positive reduced cost leave first, the dearest first; then
 * the entering ones join by their gain, as many as fit. `numbers` are the LP's columns,
 * `x` their flows. Returns how many joined.
 */
function fitIn(
  sizes: LpSizes,
  chosen: Set<number>,
  numbers: readonly number[],
  x: Float64Array,
  reduced: Float64Array,
  entering: { j: number; gain: number }[],
  budget: number,
): number {
  const asked = entering.reduce((sum, { j }) => sum + sizes.size(j), 0);
  const idle = numbers.filter((j, i) => x[i] <= EPSILON && reduced[j] > EPSILON);
  idle.sort((a, b) => reduced[b] - reduced[a]);
  let nonzeros = sizes.leaveOut(chosen, idle, sizes.of(chosen), budget - asked);
  entering.sort((a, b) => b.gain - a.gain);
  let joined = 0;
  for (const { j } of entering) {
    if (nonzeros + sizes.size(j) > budget) continue;
    chosen.add(j);
    nonzeros += sizes.size(j);
    joined++;
  }
  return joined;
}

/** The LP's duals on the capacity rows as prices ≥ 0 (0 on rows left out: they cannot bind). */
function capacityPrices(lp: PathLp, rowDual: Float64Array, count: number): Priced {
  const parcels = new Float64Array(count);
  const grams = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (lp.parcelRow[i] >= 0) parcels[i] = Math.max(0, -rowDual[lp.parcelRow[i]]);
    if (lp.gramsRow[i] >= 0) grams[i] = Math.max(0, -rowDual[lp.gramsRow[i]]);
  }
  return { parcels, grams };
}
