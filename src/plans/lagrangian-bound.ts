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
import type { PlanPenalties } from './types';

export interface Priced {
  /** Prices of each resource (parcels, grams), ≥ 0; 0 where the room is unlimited. */
  parcels: Float64Array;
  grams: Float64Array;
}

/** L(π), and what the commodities' cheapest choices at π put on each resource (a subgradient's first term). */
export interface Evaluated {
  bound: number;
  parcels: Float64Array;
  grams: Float64Array;
}

/** The relaxation over given routes, held as flat arrays: it is evaluated at many prices. */
export class LagrangianRelaxation {
  /** Per commodity: its parcels, its grams, and its columns' range in `cost` / `usesStart`. */
  private readonly demand: Float64Array;
  private readonly gramsOf: Float64Array;
  private readonly columnsStart: Int32Array;
  /** Per column: its cost at the commodity's lightest weight (late penalty included), and its resources' range in `uses`. */
  private readonly cost: Float64Array;
  private readonly usesStart: Int32Array;
  private readonly uses: Int32Array;

  constructor(
    commodities: readonly Commodity[],
    columnsOf: readonly (readonly Column[])[],
    usesOf: (column: Column) => readonly number[],
    readonly resources: readonly Resource[],
    private readonly penalties: PlanPenalties,
  ) {
    const columns = columnsOf.reduce((n, list) => n + list.length, 0);
    this.demand = Float64Array.from(commodities, (c) => c.parcels.length);
    this.gramsOf = Float64Array.from(commodities, (c) => gramsOf(c.minKg));
    this.columnsStart = new Int32Array(commodities.length + 1);
    this.cost = new Float64Array(columns);
    this.usesStart = new Int32Array(columns + 1);
    const uses: number[] = [];
    let j = 0;
    commodities.forEach((c, k) => {
      for (const col of columnsOf[k]) {
        this.cost[j] = columnCharge(col, c.minKg, penalties.latePenalty);
        uses.push(...usesOf(col));
        this.usesStart[++j] = uses.length;
      }
      this.columnsStart[k + 1] = j;
    });
    this.uses = Int32Array.from(uses);
  }

  /** Commodities, and columns (all commodities' together). */
  get commodities(): number {
    return this.demand.length;
  }

  get columns(): number {
    return this.cost.length;
  }

  /** Parcels of commodity k. */
  parcelsOf(k: number): number {
    return this.demand[k];
  }

  /**
   * L(π), and what the cheapest choices put on each resource.
   * @param choice when given, gets each commodity's cheapest column (its number among all
   *   the columns, commodity by commodity in the order given), or −1 (left unplanned)
   */
  at(prices: Priced, choice?: Int32Array): Evaluated {
    const { demand, gramsOf: gramsOfCommodity, columnsStart, cost, usesStart, uses } = this;
    const parcels = new Float64Array(this.resources.length);
    const grams = new Float64Array(this.resources.length);
    let bound = 0;
    for (let k = 0; k < demand.length; k++) {
      const g = gramsOfCommodity[k];
      let best = this.penalties.unplannedPenalty;
      let chosen = -1;
      for (let j = columnsStart[k]; j < columnsStart[k + 1]; j++) {
        let charge = cost[j];
        for (let u = usesStart[j]; u < usesStart[j + 1]; u++) {
          const r = uses[u];
          charge += prices.parcels[r] + g * prices.grams[r];
        }
        if (charge < best) [best, chosen] = [charge, j];
      }
      const n = demand[k];
      if (choice) choice[k] = chosen;
      bound += n * best;
      if (chosen >= 0)
        for (let u = usesStart[chosen]; u < usesStart[chosen + 1]; u++) {
          parcels[uses[u]] += n;
          grams[uses[u]] += n * g;
        }
    }
    // A resource with no price adds nothing (and its room may be unlimited: 0 × ∞ is not 0 here).
    this.resources.forEach((r, i) => {
      if (prices.parcels[i] > 0) bound -= prices.parcels[i] * r.parcelsLeft;
      if (prices.grams[i] > 0) bound -= prices.grams[i] * r.gramsLeft;
    });
    return { bound, parcels, grams };
  }
}
