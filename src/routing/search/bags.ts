import type { Labels } from './labels';
import { RELATIVE_TOLERANCE as TOL } from './objective';

/** The bounds of what is within the tolerance of an amount, as factors of it (see admits). */
const LOW = 1 - TOL;
const HIGH = 1 / (1 - TOL);
import type { PathOrder } from './path-order';

/** What amounts a search or a sweep keeps in its labels, beside arrival and cost. */
export interface Criteria {
  /** `perKg` is an amount (sweeps: the cost per kg, `cost` then being the per-parcel part). */
  perKg: boolean;
  /** `co2` is an amount. */
  co2: boolean;
  /** Clearly less CO2 alone dominates (a `co2` or `pareto` search; not a sweep, which answers the cost levels too). */
  co2Decides: boolean;
}

/**
 * The labels kept at each hub of one search or sweep (a bag per hub, linked through
 * Labels.next), and the dominance that decides what is kept: label a makes label b
 * useless when, whatever follows, a with it is preferred to b with it. It arrives no
 * later and is no worse in any amount kept (within the tolerance), and either it is
 * clearly better in an amount that decides (beyond the tolerance) or its legs come
 * first (PathOrder). An earlier arrival alone is not enough: both may wait for the same
 * departure, and then the legs decide.
 *
 * The arithmetic is written out in one loop: this is the searches' and sweeps' hottest.
 */
export class Bags {
  private readonly head: Int32Array;
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(
    hubCount: number,
    private readonly labels: Labels,
    private readonly order: PathOrder,
  ) {
    this.head = new Int32Array(hubCount);
    this.stamps = new Int32Array(hubCount);
  }

  /** Empties every bag. */
  clear(): void {
    this.stamp++;
  }

  /** The first label of `hub`'s bag; -1 when it is empty. */
  first(hub: number): number {
    return this.stamps[hub] === this.stamp ? this.head[hub] : -1;
  }

  /**
   * Whether a label (its amounts, and the label and leg it would extend) is worth
   * keeping at `hub`: no label in the bag dominates it. Those it dominates are killed
   * (Labels.dead) and unlinked on the way.
   */
  admits(
    hub: number,
    arrival: number,
    cost: number,
    perKg: number,
    co2: number,
    parent: number,
    leg: number,
    c: Criteria,
  ): boolean {
    if (this.stamps[hub] !== this.stamp) return true;
    const { arrival: arrivals, cost: costs, perKg: perKgs, co2: co2s, next, dead } = this.labels;
    const { perKg: withPerKg, co2: withCo2, co2Decides } = c;
    // Amounts are never negative, so "x is no worse than the new label's a" (x ≤ a, or above it by at most
    // TOL × x) is x ≤ a / (1 − TOL), and "x is clearly less than a" (by more than TOL × a) is x < a × (1 − TOL).
    const costLow = cost * LOW;
    const costHigh = cost * HIGH;
    const perKgLow = perKg * LOW;
    const perKgHigh = perKg * HIGH;
    const co2Low = co2 * LOW;
    const co2High = co2 * HIGH;
    let prev = -1;
    for (let m = this.head[hub]; m >= 0; m = next[m]) {
      const mArrival = arrivals[m];
      const mCost = costs[m];
      let bagNoWorse = mArrival <= arrival && mCost <= costHigh;
      let newNoWorse = arrival <= mArrival && costLow <= mCost;
      if (!bagNoWorse && !newNoWorse) {
        prev = m;
        continue;
      }
      const mPerKg = perKgs[m];
      const mCo2 = co2s[m];
      if (withPerKg) {
        bagNoWorse &&= mPerKg <= perKgHigh;
        newNoWorse &&= perKgLow <= mPerKg;
      }
      if (withCo2) {
        bagNoWorse &&= mCo2 <= co2High;
        newNoWorse &&= co2Low <= mCo2;
      }
      let legs = 0;
      if (bagNoWorse) {
        if (mCost < costLow || (withPerKg && mPerKg < perKgLow) || (co2Decides && mCo2 < co2Low)) return false;
        legs = this.order.compareNew(this.labels, parent, leg, m);
        if (legs > 0) return false;
      }
      if (newNoWorse) {
        let kill = costHigh < mCost || (withPerKg && perKgHigh < mPerKg) || (co2Decides && co2High < mCo2);
        if (!kill) kill = (legs || this.order.compareNew(this.labels, parent, leg, m)) < 0;
        if (kill) {
          dead[m] = 1;
          if (prev < 0) this.head[hub] = next[m];
          else next[prev] = next[m];
          continue;
        }
      }
      prev = m;
    }
    return true;
  }

  /** Puts label `id` into `hub`'s bag. */
  link(hub: number, id: number): void {
    const L = this.labels;
    if (this.stamps[hub] !== this.stamp) {
      this.stamps[hub] = this.stamp;
      L.next[id] = -1;
    } else {
      L.next[id] = this.head[hub];
    }
    this.head[hub] = id;
  }
}
