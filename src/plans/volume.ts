/**
 * The volume algorithm (Barahona and Anbil, "The volume algorithm: producing primal
 * solutions with a subgradient method", Math. Programming 87, 2000) over the Lagrangian
 * relaxation of a split plan's pool (lagrangian-bound.ts): prices that raise the bound
 * L(π) near the LP over the whole pool, and flows averaged on the way that approximate
 * that LP's solution. The whole plan (whole-plan.ts) takes its bound from these prices,
 * and starts its LP from the routes these flows and prices pick, in place of the parts'
 * routes alone.
 *
 * Each step moves the prices along the averaged flows' excess over each room (not the
 * last evaluation's alone: the average damps the zig-zag of plain subgradient steps),
 * scaled by 1 / room, so that a hub-day of 50,000 parcels and a departure of 40 move at
 * the pace of their own excess; the step's length is Polyak's toward a target a little
 * above the best bound. A step that raises L moves the centre there (and, when the new
 * excess still points the same way, lengthens the next steps); steps that do not,
 * shorten them. Every L(π) at π ≥ 0 is a proven bound, so the best one is returned
 * whatever the steps do.
 *
 * On the 30,000-parcel bench instance (500 hubs, share 0.5: 21,542 commodities, 243,241
 * routes, 27,702 resources), 750 steps end 0.08 % above the bound the whole LP's seven
 * interior-point solves proved (over a pool a little larger), in about 10 s here
 * (bench/README.md, "Flow plans").
 */
import type { LagrangianRelaxation, Priced } from './lagrangian-bound';

/** Steps of the ascent. @defaultValue */
export const VOLUME_STEPS = 750;
/** Weight of the newest evaluation in the averaged flows. */
const AVERAGING = 0.05;
/** The first step's multiplier of Polyak's length, and its range. */
const FIRST_STEP = 0.1;
const LONGEST = 2;
const SHORTEST = 1e-5;
/** Every PATIENCE-th step that does not raise L shrinks the multiplier (by SHRINK). */
const PATIENCE = 20;
const SHRINK = 0.67;
const GROW = 1.1;
const GRAMS_PER_KG = 1000;

export interface Volume {
  /** The prices of the best bound. */
  prices: Priced;
  bound: number;
  /** Averaged parcels on each column of the relaxation (commodity by commodity, in the order given to it). */
  flows: Float64Array;
}

/**
 * @param upper a value no lower than the best bound (a plan's objective): the target of
 *   the steps is a twentieth of the way from the best bound to it
 * @param start prices to start from (of the first resources; 0 for the rest), instead of 0
 */
export function volumeAscent(
  relaxation: LagrangianRelaxation,
  upper: number,
  steps = VOLUME_STEPS,
  start?: Priced,
): Volume {
  const { resources } = relaxation;
  const n = resources.length;
  // Each room's weight: 1 / room (grams in kilograms); 0 where it is unlimited.
  const weightParcels = Float64Array.from(resources, (r) =>
    r.parcelsLeft < Infinity ? 1 / Math.max(1, r.parcelsLeft) : 0,
  );
  const weightKg = Float64Array.from(resources, (r) =>
    r.gramsLeft < Infinity ? 1 / Math.max(1, r.gramsLeft / GRAMS_PER_KG) : 0,
  );
  const roomParcels = Float64Array.from(resources, (r) => r.parcelsLeft);
  const roomKg = Float64Array.from(resources, (r) => r.gramsLeft / GRAMS_PER_KG);
  const center: Priced = { parcels: new Float64Array(n), grams: new Float64Array(n) };
  if (start) {
    center.parcels.set(start.parcels.subarray(0, n));
    center.grams.set(start.grams.subarray(0, n));
  }
  const trial: Priced = { parcels: new Float64Array(n), grams: new Float64Array(n) };
  const choice = new Int32Array(relaxation.commodities);
  const flows = new AveragedFlows(relaxation);
  let at = relaxation.at(center, choice);
  flows.first(choice);
  let bound = at.bound;
  const usedParcels = Float64Array.from(at.parcels);
  const usedKg = Float64Array.from(at.grams, (g) => g / GRAMS_PER_KG);
  const excessParcels = new Float64Array(n);
  const excessKg = new Float64Array(n);
  let multiplier = FIRST_STEP;
  let failures = 0;
  for (let step = 0; step < steps && bound < upper; step++) {
    let norm = 0;
    for (let r = 0; r < n; r++) {
      // A price at 0 that would fall stays at 0: that direction does not count.
      excessParcels[r] = weightParcels[r] > 0 ? usedParcels[r] - roomParcels[r] : 0;
      if (center.parcels[r] <= 0 && excessParcels[r] < 0) excessParcels[r] = 0;
      excessKg[r] = weightKg[r] > 0 ? usedKg[r] - roomKg[r] : 0;
      if (center.grams[r] <= 0 && excessKg[r] < 0) excessKg[r] = 0;
      norm += weightParcels[r] * excessParcels[r] ** 2 + weightKg[r] * excessKg[r] ** 2;
    }
    if (norm === 0) break;
    const target = bound + Math.max(0.0005 * Math.abs(bound), 0.05 * (upper - bound));
    const length = (multiplier * (target - bound)) / norm;
    for (let r = 0; r < n; r++) {
      trial.parcels[r] = Math.max(0, center.parcels[r] + length * weightParcels[r] * excessParcels[r]);
      trial.grams[r] = Math.max(0, center.grams[r] + (length * weightKg[r] * excessKg[r]) / GRAMS_PER_KG);
    }
    at = relaxation.at(trial, choice);
    flows.add(choice);
    for (let r = 0; r < n; r++) {
      usedParcels[r] += AVERAGING * (at.parcels[r] - usedParcels[r]);
      usedKg[r] += AVERAGING * (at.grams[r] / GRAMS_PER_KG - usedKg[r]);
    }
    if (at.bound > bound) {
      // Does this point's own excess still go the way of the step? Then the steps may lengthen.
      let along = 0;
      for (let r = 0; r < n; r++)
        if (weightParcels[r] > 0) along += (at.parcels[r] - roomParcels[r]) * excessParcels[r];
      bound = at.bound;
      center.parcels.set(trial.parcels);
      center.grams.set(trial.grams);
      if (along >= 0) multiplier = Math.min(LONGEST, multiplier * GROW);
    } else if (++failures % PATIENCE === 0) multiplier = Math.max(SHORTEST, multiplier * SHRINK);
  }
  return { prices: center, bound, flows: flows.done() };
}

/**
 * The parcels each column carries, averaged over the evaluations (each new one weighs
 * AVERAGING), without touching every column at each step: the entries are kept divided
 * by a common factor that shrinks as the old flows fade.
 */
class AveragedFlows {
  private readonly kept: Float64Array;
  private factor = 1;

  constructor(private readonly relaxation: LagrangianRelaxation) {
    this.kept = new Float64Array(relaxation.columns);
  }

  first(choice: Int32Array): void {
    this.put(choice, 1);
  }

  add(choice: Int32Array): void {
    this.factor *= 1 - AVERAGING;
    if (this.factor < 1e-100) {
      for (let j = 0; j < this.kept.length; j++) this.kept[j] *= this.factor;
      this.factor = 1;
    }
    this.put(choice, AVERAGING);
  }

  done(): Float64Array {
    return this.kept.map((v) => v * this.factor);
  }

  private put(choice: Int32Array, weight: number): void {
    const { kept, relaxation, factor } = this;
    for (let k = 0; k < choice.length; k++)
      if (choice[k] >= 0) kept[choice[k]] += (weight * relaxation.parcelsOf(k)) / factor;
  }
}
