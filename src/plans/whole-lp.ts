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
 * fails (LpError), or an LP past MAX_NONZEROS, ends the rounds with the last solve's
 * answer, or none.
 */
import type { Highs } from 'highs';
import { gramsOf } from '../routing/capacity/loads';
import { columnCharge, EPSILON, type Column, type ColumnSet } from './columns';
import type { Commodity } from './commodities';
import type { Priced } from './lagrangian-bound';
import { buildPathLp, type PathLp } from './lp-model';
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
  { rounds = WHOLE_LP_ROUNDS, tolerance = WHOLE_LP_TOLERANCE, enough }: WholeLpOptions = {},
): WholeLp | undefined {
  const chosen = new Set(carrying);
  let last: WholeLp | undefined;
  for (let solves = 1; solves <= rounds; solves++) {
    const numbers = [...chosen];
    const columns = numbers.map((j) => pool.list[j]);
    const lp = buildPathLp(commodities, columns, resources, penalties, highs.infinity);
    if (lp.nonzeros > MAX_NONZEROS) return last;
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
    const shortfall = priceIn(commodities, pool, chosen, solution.rowDual, prices, penalties);
    if (shortfall <= tolerance * Math.abs(solution.objective) || enough?.(last, shortfall)) break;
  }
  return last;
}

/**
 * Adds each commodity's pool column of most negative reduced cost to `chosen`; returns
 * how far L at these duals falls below the LP's objective: Σ_k n_k · −(that reduced
 * cost), 0 when no column prices out.
 */
function priceIn(
  commodities: readonly Commodity[],
  pool: Pool,
  chosen: Set<number>,
  rowDual: Float64Array,
  prices: Priced,
  penalties: PlanPenalties,
): number {
  let shortfall = 0;
  commodities.forEach((c, k) => {
    const grams = gramsOf(c.minKg);
    let best = -EPSILON;
    let entering = -1;
    for (const j of pool.ofCommodity[k]) {
      if (chosen.has(j)) continue;
      const col = pool.list[j];
      let rc = columnCharge(col, c.minKg, penalties.latePenalty) - rowDual[k];
      for (const r of col.uses) rc += prices.parcels[r] + grams * prices.grams[r];
      if (rc < best) [best, entering] = [rc, j];
    }
    if (entering >= 0) {
      chosen.add(entering);
      shortfall -= c.parcels.length * best;
    }
  });
  return shortfall;
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
