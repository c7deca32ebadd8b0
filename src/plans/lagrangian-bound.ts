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
 * (c_kr and g_k at the commodity's lightest weight, as in the LP). The prices are the
 * parts' own duals (each resource's largest).
 */
import { gramsOf } from '../routing/capacity/loads';
import type { Column } from './columns';
import type { Commodity } from './commodities';
import type { Resource } from './resources';
import type { PlanPenalties } from './types';

export interface Priced {
  /** Prices of each resource of `resources` (parcels, grams), ≥ 0. */
  parcels: Float64Array;
  grams: Float64Array;
}

export function lagrangianBound(
  commodities: readonly Commodity[],
  columnsOf: readonly (readonly Column[])[],
  usesOf: (column: Column) => readonly number[],
  resources: readonly Resource[],
  prices: Priced,
  penalties: PlanPenalties,
): number {
  let bound = 0;
  commodities.forEach((c, k) => {
    const g = gramsOf(c.minKg);
    let best = penalties.unplannedPenalty;
    for (const col of columnsOf[k]) {
      let charge = col.fixed + col.perKg * c.minKg + (col.late ? penalties.latePenalty : 0);
      for (const r of usesOf(col)) charge += prices.parcels[r] + (prices.grams[r] > 0 ? g * prices.grams[r] : 0);
      if (charge < best) best = charge;
    }
    bound += c.parcels.length * best;
  });
  // A resource with no price adds nothing (and its room may be unlimited: 0 × ∞ is not 0 here).
  resources.forEach((r, i) => {
    if (prices.parcels[i] > 0) bound -= prices.parcels[i] * r.parcelsLeft;
    if (prices.grams[i] > 0) bound -= prices.grams[i] * r.gramsLeft;
  });
  return bound;
}
