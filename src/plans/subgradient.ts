/**
 * Raises the Lagrangian bound of a split plan (lagrangian-bound.ts) from given prices
 * (the whole plan's LP duals, when the volume's prices and they do not prove the plan:
 * whole-plan.ts). Duals of an LP over part of the pool may price the rooms too high for
 * the rest: first the best multiple α · π of them (α in [0, 1]: L is concave along the
 * ray, golden-section search), then
 * projected subgradient steps (Held, Wolfe and Crowder; Polyak's step toward a target).
 * At prices π the parcels the commodities' cheapest choices put on a resource, less its
 * room, is a subgradient of L there: a price rises where its resource is over-used and
 * falls (to 0 at least) where it has room. Every L(π) at π ≥ 0 is a proven bound, so the
 * best one seen is returned whatever the search and the steps do; they decide only how
 * high it gets. Grams are stepped in kilograms, so that one step moves both kinds of
 * price on the same scale.
 */
import type { Evaluated, LagrangianRelaxation, Priced } from './lagrangian-bound';

/** Subgradient steps after the search along the starting prices. @defaultValue */
export const SUBGRADIENT_STEPS = 100;
/** Evaluations of the golden-section search for α. */
const LINE_SEARCH = 20;
/** Steps without a better bound after which the step's θ is halved. */
const PATIENCE = 5;
const GRAMS_PER_KG = 1000;

/**
 * @param target a value no lower than the best bound, e.g. the plan's objective
 * @returns the best L(π) over the search and the steps
 */
export function raisedBound(relaxation: LagrangianRelaxation, start: Priced, target: number, steps: number): number {
  const { resources } = relaxation;
  const zero = { parcels: new Float64Array(start.parcels.length), grams: new Float64Array(start.grams.length) };
  let { prices, at } = bestOnSegment(relaxation, zero, start);
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
    prices = {
      parcels: prices.parcels.map((p, i) => Math.max(0, p + t * dParcels[i])),
      grams: prices.grams.map((p, i) => Math.max(0, p + (t * dKg[i]) / GRAMS_PER_KG)),
    };
    at = relaxation.at(prices);
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

/**
 * The prices on the segment from `from` to `to` (from + α · (to − from), α in [0, 1]) with
 * the highest L found by golden-section search (L is concave along it), and L there; both
 * ends are among those tried.
 */
export function bestOnSegment(
  relaxation: LagrangianRelaxation,
  from: Priced,
  to: Priced,
): { prices: Priced; at: Evaluated } {
  const point = (alpha: number) => {
    const prices = {
      parcels: from.parcels.map((p, i) => p + alpha * (to.parcels[i] - p)),
      grams: from.grams.map((p, i) => p + alpha * (to.grams[i] - p)),
    };
    return { prices, at: relaxation.at(prices) };
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [0, 1];
  let best = point(1);
  let left = { alpha: hi - ratio * (hi - lo), ...point(hi - ratio * (hi - lo)) };
  let right = { alpha: lo + ratio * (hi - lo), ...point(lo + ratio * (hi - lo)) };
  for (let i = 0; i < LINE_SEARCH; i++) {
    for (const probe of [left, right]) if (probe.at.bound > best.at.bound) best = probe;
    if (left.at.bound < right.at.bound) {
      lo = left.alpha;
      left = right;
      const alpha = lo + ratio * (hi - lo);
      right = { alpha, ...point(alpha) };
    } else {
      hi = right.alpha;
      right = left;
      const alpha = hi - ratio * (hi - lo);
      left = { alpha, ...point(alpha) };
    }
  }
  for (const probe of [left, right, point(0)]) if (probe.at.bound > best.at.bound) best = probe;
  return { prices: best.prices, at: best.at };
}
