import type { Labels } from './labels';
import { RELATIVE_TOLERANCE as TOL } from './objective';
import type { PathOrder } from './path-order';

/** What a bag's label and a new label at the same hub say of each other. */
export const enum Verdict {
  Neither = 0,
  /** The bag's label dominates the new one: the new one is not kept. */
  BagWins = 1,
  /** The new label dominates the bag's: it is killed. */
  NewWins = 2,
}

/**
 * Dominance between labels at one hub, for the searches and the sweeps: label a makes
 * label b useless when, whatever follows, a with it is preferred to b with it. It
 * arrives no later and is no worse in any amount kept (within the tolerance), and
 * either it is clearly better in an amount that decides (beyond the tolerance) or its
 * legs come first (PathOrder). An earlier arrival alone is not enough: both may wait
 * for the same departure, and then the legs decide.
 *
 * The amounts: `cost` always (for a sweep, the per-parcel part), `perKg` for a sweep
 * (the cost per kg), `co2` when kept. Whether less CO2 alone decides depends on the
 * levels answered: it does for a `co2` or `pareto` search, not for a sweep (which also
 * answers the levels that look at cost first). The arithmetic is written out: this is
 * the searches' hottest loop.
 */
export class Dominance {
  constructor(
    private readonly labels: Labels,
    private readonly order: PathOrder,
    /** Whether `perKg` is an amount (sweeps). */
    private readonly withPerKg: boolean,
    /** Whether `co2` is an amount. */
    private readonly withCo2: boolean,
    /** Whether clearly less CO2 alone dominates. */
    private readonly co2Decides: boolean,
  ) {}

  /** Compares bag label `m` with a new label (its amounts, and the label and leg it extends). */
  judge(m: number, arrival: number, cost: number, perKg: number, co2: number, parent: number, leg: number): Verdict {
    const L = this.labels;
    const mArrival = L.arrival[m];
    const mCost = L.cost[m];
    let bagNoWorse = mArrival <= arrival && (mCost <= cost || mCost - cost <= TOL * mCost);
    let newNoWorse = arrival <= mArrival && (cost <= mCost || cost - mCost <= TOL * cost);
    if (!bagNoWorse && !newNoWorse) return Verdict.Neither;
    const mPerKg = L.perKg[m];
    const mCo2 = L.co2[m];
    if (this.withPerKg) {
      bagNoWorse &&= mPerKg <= perKg || mPerKg - perKg <= TOL * mPerKg;
      newNoWorse &&= perKg <= mPerKg || perKg - mPerKg <= TOL * perKg;
    }
    if (this.withCo2) {
      bagNoWorse &&= mCo2 <= co2 || mCo2 - co2 <= TOL * mCo2;
      newNoWorse &&= co2 <= mCo2 || co2 - mCo2 <= TOL * co2;
    }
    let legs = 0;
    if (bagNoWorse) {
      const clearly =
        cost - mCost > TOL * cost ||
        (this.withPerKg && perKg - mPerKg > TOL * perKg) ||
        (this.co2Decides && co2 - mCo2 > TOL * co2);
      if (clearly) return Verdict.BagWins;
      legs = this.order.compareNew(L, parent, leg, m);
      if (legs > 0) return Verdict.BagWins;
    }
    if (newNoWorse) {
      const clearly =
        mCost - cost > TOL * mCost ||
        (this.withPerKg && mPerKg - perKg > TOL * mPerKg) ||
        (this.co2Decides && mCo2 - co2 > TOL * mCo2);
      if (clearly) return Verdict.NewWins;
      if (legs === 0) legs = this.order.compareNew(L, parent, leg, m);
      if (legs < 0) return Verdict.NewWins;
    }
    return Verdict.Neither;
  }
}
