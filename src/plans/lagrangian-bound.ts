/**
 * A proven lower bound for a plan made in parts (split.ts), whose parts' LPs each saw
 * only what the parts before them left: Lagrangian relaxation of the capacity rows of
 * the whole plan. For any prices π ≥ 0 on the capacity rows (parcels and grams of each
 * departure slot, parcels of each hub-day, with the room left by the bookings made
 * before the plan), every plan over the given routes costs at least
 *
 *   L(π) = Σ_k n_k · min(unplannedPenalty, min_r (c_kr + Σ_{resources of r} (π_p + g_k · π_g)))
 *          − Σ_resources (π_p · parcelsLeft + π_g · gramsLeft)
 *
 * (c_kr and g_k at the commodity's lightest weight, as in the LP). The prices start
 * from the parts' own duals and are raised by subgradient steps (subgradient.ts).
 */
import { gramsOf } from '../routing/capacity/loads';
import { columnCharge, type Column } from './columns';
import type { Commodity } from './commodities';
import type { Resource } from './resources';
import {
  collect,
  evaluateRange,
  post,
  sharedArray,
  type HalfEvaluator,
  type Priced,
  type RelaxationArrays,
  type SharedRelaxation,
} from './shared-half';
import type { PlanPenalties } from './types';

export type { Priced } from './shared-half';

/** L(π), and what the commodities' cheapest choices at π put on each resource (a subgradient's first term). */
export interface Evaluated {
  bound: number;
  parcels: Float64Array;
  grams: Float64Array;
}

/**
 * Relaxations with fewer resource uses than this are evaluated on one thread: sharing one
 * evaluation costs a message and a wait, tens of microseconds. @defaultValue
 */
export const SHARED_USES_FROM = 200_000;

/**
 * The relaxation over given routes, held as flat arrays: it is evaluated at many prices.
 * Each evaluation sums its commodities in two halves (of about the same work) and adds
 * them, so that the second half can run on a helper thread (shared-half.ts) with the
 * same result to the last bit: the loads are sums of whole parcels and grams.
 */
export class LagrangianRelaxation {
  private readonly arrays: RelaxationArrays;
  private readonly middle: number;
  private shared: { memory: SharedRelaxation; evaluator: HalfEvaluator } | undefined;

  /**
   * @param helper where the second half of each evaluation may run, when the relaxation
   *   has at least `sharedFrom` resource uses
   */
  constructor(
    commodities: readonly Commodity[],
    columnsOf: readonly (readonly Column[])[],
    usesOf: (column: Column) => readonly number[],
    readonly resources: readonly Resource[],
    private readonly penalties: PlanPenalties,
    helper?: HalfEvaluator,
    sharedFrom = SHARED_USES_FROM,
  ) {
    const columns = columnsOf.reduce((n, list) => n + list.length, 0);
    let total = 0;
    for (const list of columnsOf) for (const col of list) total += usesOf(col).length;
    const a: RelaxationArrays = {
      demand: sharedArray(Float64Array, commodities.length),
      gramsOf: sharedArray(Float64Array, commodities.length),
      columnsStart: sharedArray(Int32Array, commodities.length + 1),
      cost: sharedArray(Float64Array, columns),
      usesStart: sharedArray(Int32Array, columns + 1),
      uses: sharedArray(Int32Array, total),
    };
    let j = 0;
    let u = 0;
    // The second half starts at the first commodity past half the work (its columns and their uses).
    let middle = commodities.length;
    commodities.forEach((c, k) => {
      a.demand[k] = c.parcels.length;
      a.gramsOf[k] = gramsOf(c.minKg);
      for (const col of columnsOf[k]) {
        a.cost[j] = columnCharge(col, c.minKg, penalties.latePenalty);
        for (const r of usesOf(col)) a.uses[u++] = r;
        a.usesStart[++j] = u;
      }
      a.columnsStart[k + 1] = j;
      if (middle === commodities.length && 2 * (j + u) >= columns + total) middle = k + 1;
    });
    this.arrays = a;
    this.middle = middle;
    if (helper && total >= sharedFrom) {
      const n = resources.length;
      const memory: SharedRelaxation = {
        id: nextId++,
        arrays: a,
        unplannedPenalty: penalties.unplannedPenalty,
        middle,
        state: sharedArray(Int32Array, 1),
        prices: { parcels: sharedArray(Float64Array, n), grams: sharedArray(Float64Array, n) },
        parcels: sharedArray(Float64Array, n),
        grams: sharedArray(Float64Array, n),
        bound: sharedArray(Float64Array, 1),
        choice: sharedArray(Int32Array, commodities.length),
        served: sharedArray(Int32Array, 1),
      };
      helper.share(memory);
      this.shared = { memory, evaluator: helper };
    }
  }

  /** Commodities, and columns (all commodities' together). */
  get commodities(): number {
    return this.arrays.demand.length;
  }

  get columns(): number {
    return this.arrays.cost.length;
  }

  /** Parcels of commodity k. */
  parcelsOf(k: number): number {
    return this.arrays.demand[k];
  }

  /**
   * L(π), and what the cheapest choices put on each resource.
   * @param choice when given, gets each commodity's cheapest column (its number among all
   *   the columns, commodity by commodity in the order given), or −1 (left unplanned)
   */
  at(prices: Priced, choice?: Int32Array): Evaluated {
    const { arrays, middle, shared } = this;
    const n = this.resources.length;
    const unplanned = this.penalties.unplannedPenalty;
    const parcels = new Float64Array(n);
    const grams = new Float64Array(n);
    if (shared) post(shared.memory, prices, shared.evaluator);
    let bound = evaluateRange(arrays, unplanned, prices, 0, middle, parcels, grams, choice);
    let second = shared ? collect(shared.memory, parcels, grams, choice) : undefined;
    if (second === undefined) {
      // No helper, or it began and did not finish: this thread evaluates every half from now on.
      this.shared = undefined;
      second = evaluateRange(arrays, unplanned, prices, middle, this.commodities, parcels, grams, choice);
    }
    bound += second;
    // A resource with no price adds nothing (and its room may be unlimited: 0 × ∞ is not 0 here).
    this.resources.forEach((r, i) => {
      if (prices.parcels[i] > 0) bound -= prices.parcels[i] * r.parcelsLeft;
      if (prices.grams[i] > 0) bound -= prices.grams[i] * r.gramsLeft;
    });
    return { bound, parcels, grams };
  }
}

let nextId = 1;
