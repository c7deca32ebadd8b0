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
import type { Column } from './columns';
import type { Commodity } from './commodities';
import type { Resource } from './resources';
import type { PlanPenalties } from './types';

export interface Priced {
  /** Prices of each resource of `resources` (parcels, grams), ≥ 0; 0 where the room is unlimited. */
  parcels: Float64Array;
  grams: Float64Array;
}

/** L(π), and what the commodities' cheapest choices at π put on each resource (a subgradient's first term). */
export interface Evaluated {
  bound: number;
  parcels: Float64Array;
  grams: Float64Array;
}

export interface Relaxation {
  commodities: readonly Commodity[];
  columnsOf: readonly (readonly Column[])[];
  usesOf: (column: Column) => readonly number[];
  resources: readonly Resource[];
  penalties: PlanPenalties;
}

export function lagrangianBound(relaxation: Relaxation, prices: Priced): Evaluated {
  const { commodities, columnsOf, usesOf, resources, penalties } = relaxation;
  const parcels = new Float64Array(resources.length);
  const grams = new Float64Array(resources.length);
  let bound = 0;
  commodities.forEach((c, k) => {
    const g = gramsOf(c.minKg);
    let best = penalties.unplannedPenalty;
    let chosen: Column | undefined;
    for (const col of columnsOf[k]) {
      let charge = col.fixed + col.perKg * c.minKg + (col.late ? penalties.latePenalty : 0);
      for (const r of usesOf(col)) charge += prices.parcels[r] + (prices.grams[r] > 0 ? g * prices.grams[r] : 0);
      if (charge < best) [best, chosen] = [charge, col];
    }
    const n = c.parcels.length;
    bound += n * best;
    if (chosen)
      for (const r of usesOf(chosen)) {
        parcels[r] += n;
        grams[r] += n * g;
      }
  });
  // A resource with no price adds nothing (and its room may be unlimited: 0 × ∞ is not 0 here).
  resources.forEach((r, i) => {
    if (prices.parcels[i] > 0) bound -= prices.parcels[i] * r.parcelsLeft;
    if (prices.grams[i] > 0) bound -= prices.grams[i] * r.gramsLeft;
  });
  return { bound, parcels, grams };
}
