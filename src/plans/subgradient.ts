/**
 * Raises the Lagrangian bound of a split plan (lagrangian-bound.ts) from the parts'
 * duals by projected subgradient steps (Held, Wolfe and Crowder; Polyak's step toward a
 * target). At prices π the parcels the commodities' cheapest choices put on a resource,
 * less its room, is a subgradient of L there: a price rises where its resource is
 * over-used and falls (to 0 at least) where it has room. Every L(π) at π ≥ 0 is a
 * proven bound, so the best one seen is returned whatever the steps do; the step
 * (θ · (target − L) / ‖subgradient‖², with θ halved after steps without progress)
 * decides only how fast it rises. Grams are stepped in kilograms, so that one step
 * moves both kinds of price on the same scale.
 */
import { lagrangianBound, type Priced, type Relaxation } from './lagrangian-bound';

/** Subgradient steps after the parts' duals. @defaultValue */
export const SUBGRADIENT_STEPS = 100;
/** Steps without a better bound after which θ is halved. */
const PATIENCE = 5;
const GRAMS_PER_KG = 1000;

/**
 * @param target a value no lower than the best bound, e.g. the plan's objective
 * @returns the best L(π) over the start and the steps
 */
export function raisedBound(relaxation: Relaxation, start: Priced, target: number, steps: number): number {
  const { resources } = relaxation;
  const prices: Priced = { parcels: start.parcels.slice(), grams: start.grams.slice() };
  let at = lagrangianBound(relaxation, prices);
  let best = at.bound;
  let theta = 1;
  let idle = 0;
  for (let step = 0; step < steps && best < target; step++) {
    // The subgradient, grams in kilograms; a room that is unlimited keeps its price at 0.
    const dParcels = new Float64Array(resources.length);
    const dKg = new Float64Array(resources.length);
    let norm = 0;
    resources.forEach((r, i) => {
      if (r.parcelsLeft < Infinity) dParcels[i] = at.parcels[i] - r.parcelsLeft;
      if (r.gramsLeft < Infinity) dKg[i] = (at.grams[i] - r.gramsLeft) / GRAMS_PER_KG;
      // A price at 0 that would fall stays at 0: that direction does not count.
      if (prices.parcels[i] <= 0 && dParcels[i] < 0) dParcels[i] = 0;
      if (prices.grams[i] <= 0 && dKg[i] < 0) dKg[i] = 0;
      norm += dParcels[i] ** 2 + dKg[i] ** 2;
    });
    if (norm === 0) break;
    const t = (theta * (target - at.bound)) / norm;
    for (let i = 0; i < resources.length; i++) {
      prices.parcels[i] = Math.max(0, prices.parcels[i] + t * dParcels[i]);
      prices.grams[i] = Math.max(0, prices.grams[i] + (t * dKg[i]) / GRAMS_PER_KG);
    }
    at = lagrangianBound(relaxation, prices);
    if (at.bound > best) {
      best = at.bound;
      idle = 0;
    } else if (++idle >= PATIENCE) {
      theta /= 2;
      idle = 0;
    }
  }
  return best;
}
