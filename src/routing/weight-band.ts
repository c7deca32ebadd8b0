import { sameLegs } from './explain';
import type { Itinerary, RouteAnswer } from './types';

/** An answer, for one weight. */
export interface WeightSample {
  readonly weightKg: number;
  readonly answer: RouteAnswer;
}

/**
 * The answers found for one query at several weights: same origin, destination,
 * level, readyAt, deadline and avoid — everything but the weight, which is what
 * makes most parcels distinct.
 *
 * Why a route found at two weights is the route for every weight between them:
 * which routes exist, when they arrive and whether they meet the deadline do not
 * depend on the weight. A route's cost is A + w·B (per-parcel and handling costs,
 * plus per-kg costs times w) and its CO2 is w·C. So each level's choice among the
 * routes that qualify is: the lowest A + w·B (express among the earliest, standard
 * and economy among all), or for green the lowest C — the same order at every
 * weight, the tolerance being relative — then the lowest A + w·B. If route R is at
 * least as good as route S at w₁ and at w₂, then (A_S + w·B_S) − (A_R + w·B_R),
 * being linear in w, is at least as good for R at every w in between; the
 * tolerance of CONTRACT §2 grows with the amounts, which grow with w, so "equal
 * within 1e-9 at w₁" stays at least "equal" up to w₂. Hence R, re-costed for w.
 * Where two routes tie over a whole interval (identical cost lines), this answers
 * the tied route chosen at its ends; a fresh search might pick the other tied one.
 */
export class WeightBand {
  /** Sorted by weight, no two with the same weight. */
  private readonly samples: WeightSample[] = [];
  /** No route at any weight (feasibility does not depend on it). */
  noRoute = false;
  /** When the cache last moved this band to the back of its eviction order. */
  movedAt = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.samples.length;
  }

  /**
   * The answer for `weightKg` when it is known: a sample at that weight, or the
   * itinerary shared by the samples on both sides of it (for the caller to re-cost).
   */
  lookup(weightKg: number): RouteAnswer | Itinerary | undefined {
    const s = this.samples;
    const i = this.firstAtOrAbove(weightKg);
    if (i < s.length && s[i].weightKg === weightKg) return s[i].answer;
    if (i === 0 || i === s.length) return undefined;
    const below = s[i - 1].answer.itinerary;
    return sameLegs(below, s[i].answer.itinerary) ? below : undefined;
  }

  /** An itinerary already kept that takes the same legs as `itinerary`, or `itinerary` itself. */
  canonical(itinerary: Itinerary): Itinerary {
    for (const { answer } of this.samples) if (sameLegs(answer.itinerary, itinerary)) return answer.itinerary;
    return itinerary;
  }

  /**
   * Keep an answer for a weight not yet sampled; when full, a sample between
   * two of the same itinerary makes room, or none is kept. Returns how many more
   * samples the band holds (0 or 1).
   */
  add(sample: WeightSample): number {
    const s = this.samples;
    const before = s.length;
    if (before >= this.capacity && !this.dropRedundant()) return 0;
    s.splice(this.firstAtOrAbove(sample.weightKg), 0, sample);
    return s.length - before;
  }

  private dropRedundant(): boolean {
    const s = this.samples;
    for (let i = 1; i + 1 < s.length; i++) {
      const legs = s[i].answer.itinerary;
      if (sameLegs(s[i - 1].answer.itinerary, legs) && sameLegs(legs, s[i + 1].answer.itinerary)) {
        s.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  private firstAtOrAbove(weightKg: number): number {
    const s = this.samples;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid].weightKg < weightKg) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
