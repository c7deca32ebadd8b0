/**
 * The solver's own exact check of routes (every window of every job counted), and
 * the repair that makes any set of routes feasible: from each route that breaks a
 * constraint, the job whose removal leaves it cheapest under heavy penalties goes,
 * until it breaks none; then the jobs left out are put back where they keep their
 * route feasible and add least, nearest places first. The answer is always feasible.
 */
import { PenaltyWeights } from './penalties';
import type { TourProblem } from './problem';
import { scheduleRoute, type RouteSchedule } from './schedule';
import { RouteData } from './search/route-data';
import { SequenceCost } from './search/sequence-cost';

/** Penalties that dwarf any cost: what repairs price routes with. */
export const HEAVY = new PenaltyWeights(1e6, 1e6, 1e6, 1e6);

export class RouteCheck {
  constructor(
    private readonly problem: TourProblem,
    private readonly pricer: SequenceCost = new SequenceCost(new RouteData(problem, HEAVY)),
  ) {}

  /** `record` false: only what the route breaks (no steps, no loads). */
  schedule(v: number, jobs: ArrayLike<number>, record = true): RouteSchedule {
    const p = this.problem;
    this.price(v, jobs);
    const earliest = this.pricer.departure();
    const windowStart = p.nodeTwStart[p.startNode(v)];
    const base = Number.isFinite(windowStart) ? windowStart : 0;
    const departure = Number.isFinite(earliest) ? Math.max(earliest, base) : base;
    return scheduleRoute(p, v, jobs, departure === base ? [base] : [departure, base], record);
  }

  feasible(v: number, jobs: ArrayLike<number>): boolean {
    return jobs.length === 0 || this.schedule(v, jobs, false).broken.length === 0;
  }

  /** The route's cost under heavy penalties (its excesses in the pricer). */
  private price(v: number, jobs: ArrayLike<number>): number {
    this.pricer.begin(v);
    for (let i = 0; i < jobs.length; i++) this.pricer.node(jobs[i]);
    return this.pricer.endWith(HEAVY);
  }
}
