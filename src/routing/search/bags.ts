import type { Labels } from './labels';
import { RELATIVE_TOLERANCE as TOL } from './objective';
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
  admits(hub: number, arrival: number, cost: number, perKg: number, co2: number, parent: number, leg: number, c: Criteria): boolean {
    if (this.stamps[hub] !== this.stamp) return true;
    const L = this.labels;
    let prev = -1;
    for (let m = this.head[hub]; m >= 0; m = L.next[m]) {
      const mArrival = L.arrival[m];
      const mCost = L.cost[m];
      let bagNoWorse = mArrival <= arrival && (mCost <= cost || mCost - cost <= TOL * mCost);
      let newNoWorse = arrival <= mArrival && (cost <= mCost || cost - mCost <= TOL * cost);
      if (bagNoWorse || newNoWorse) {
        const mPerKg = L.perKg[m];
        const mCo2 = L.co2[m];
        if (c.perKg) {
          bagNoWorse &&= mPerKg <= perKg || mPerKg - perKg <= TOL * mPerKg;
          newNoWorse &&= perKg <= mPerKg || perKg - mPerKg <= TOL * perKg;
        }
        if (c.co2) {
          bagNoWorse &&= mCo2 <= co2 || mCo2 - co2 <= TOL * mCo2;
          newNoWorse &&= co2 <= mCo2 || co2 - mCo2 <= TOL * co2;
        }
        let legs = 0;
        if (bagNoWorse) {
          if (cost - mCost > TOL * cost || (c.perKg && perKg - mPerKg > TOL * perKg) || (c.co2Decides && co2 - mCo2 > TOL * co2)) {
            return false;
          }
          legs = this.order.compareNew(L, parent, leg, m);
          if (legs > 0) return false;
        }
        if (newNoWorse) {
          let kill = mCost - cost > TOL * mCost || (c.perKg && mPerKg - perKg > TOL * mPerKg) || (c.co2Decides && mCo2 - co2 > TOL * mCo2);
          if (!kill) kill = (legs || this.order.compareNew(L, parent, leg, m)) < 0;
          if (kill) {
            L.dead[m] = 1;
            if (prev < 0) this.head[hub] = L.next[m];
            else L.next[prev] = L.next[m];
            continue;
          }
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
