import { itineraryOf } from './explain';
import type { LabelChain } from './labels';
import { isBetter, type Objective, type Outcome } from './objective';
import type { Itinerary, ServiceLevel } from './types';

/** What a sweep keeps per label, for choosing (bag, amounts) and for reading itineraries (chain). */
export interface SweptLabels extends LabelChain {
  /** Per-parcel cost so far: Σ costPerParcel + Σ handlingCost of the hubs left. */
  readonly fixed: Float64Array;
  /** Cost per kg so far: Σ costPerKg. */
  readonly perKg: Float64Array;
  /** CO2 per kg so far: Σ co2KgPerKg. */
  readonly co2PerKg: Float64Array;
  /** The next label of the same hub's bag, -1 at the end. */
  readonly next: Int32Array;
}

/**
 * Every route from one origin at one readyAt, to every hub, that some parcel could
 * prefer: at each hub, the routes arriving within the horizon that no other route
 * beats at every weight at once — no later, no dearer per parcel nor per kg, and in a
 * CO2 sweep no more CO2 per kg (made by Sweeper).
 *
 * Why a choice made here is exact: a route's cost at weight w is fixed + w × perKg and
 * its CO2 w × co2PerKg, so a route that is no worse in each of those is no worse at
 * any weight under any level's order (CONTRACT §2), ties included. Every level's
 * choice among the routes arriving by some minute within the horizon is therefore
 * among the ones kept. Where two routes tie exactly, the one taken may differ from a
 * search's; both are correct under the contract's tie order.
 */
export class OriginSweep {
  private readonly itineraries = new Map<number, Itinerary>();

  constructor(
    /** Routes arriving after this minute were not followed. */
    readonly horizon: number,
    private readonly labels: SweptLabels,
    /** The first label of each hub's bag, -1 for none. */
    private readonly bagHead: Int32Array,
  ) {}

  get labelCount(): number {
    return this.labels.parent.length;
  }

  /**
   * The itinerary of a level's choice to `destination` for a parcel of `weightKg`,
   * or undefined when this sweep cannot tell: the route, if any, arrives past its
   * horizon, or the deadline lies past it. Economy looks 14 days ahead and is not
   * answered here.
   */
  answer(destination: number, level: ServiceLevel, deadline: number, weightKg: number): Itinerary | undefined {
    let chosen: number;
    if (level === 'economy') return undefined;
    if (level === 'express') {
      chosen = this.best(destination, 'time', weightKg, this.horizon);
    } else {
      if (deadline > this.horizon) return undefined;
      chosen = this.best(destination, level === 'green' ? 'co2' : 'cost', weightKg, deadline);
      if (chosen < 0) chosen = this.best(destination, 'time', weightKg, this.horizon);
    }
    return chosen < 0 ? undefined : this.itinerary(chosen);
  }

  /** The best label at `destination` under `objective` among those arriving by `latestArrival`; -1 for none. */
  private best(destination: number, objective: Objective, weightKg: number, latestArrival: number): number {
    const { arrival, fixed, perKg, co2PerKg, next } = this.labels;
    let best = -1;
    let bestOutcome: Outcome = { arrival: 0, cost: 0, co2: 0 };
    for (let m = this.bagHead[destination]; m >= 0; m = next[m]) {
      if (arrival[m] > latestArrival) continue;
      const outcome = { arrival: arrival[m], cost: fixed[m] + weightKg * perKg[m], co2: weightKg * co2PerKg[m] };
      if (best < 0 || isBetter(objective, outcome, bestOutcome)) {
        best = m;
        bestOutcome = outcome;
      }
    }
    return best;
  }

  /** One itinerary object per label, so that what is kept by it (answer text) is shared by every query it answers. */
  private itinerary(label: number): Itinerary {
    let it = this.itineraries.get(label);
    if (!it) {
      it = itineraryOf(this.labels, label);
      this.itineraries.set(label, it);
    }
    return it;
  }
}
