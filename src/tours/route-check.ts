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

const HEAVY = new PenaltyWeights(1e6, 1e6, 1e6, 1e6);

export class RouteCheck {
  constructor(
    private readonly problem: TourProblem,
    private readonly pricer: SequenceCost = new SequenceCost(new RouteData(problem, HEAVY)),
  ) {}

  schedule(v: number, jobs: ArrayLike<number>): RouteSchedule {
    const p = this.problem;
    this.price(v, jobs);
    const earliest = this.pricer.departure();
    const windowStart = p.nodeTwStart[p.startNode(v)];
    const base = Number.isFinite(windowStart) ? windowStart : 0;
    const departure = Number.isFinite(earliest) ? Math.max(earliest, base) : base;
    return scheduleRoute(p, v, jobs, departure === base ? [base] : [departure, base]);
  }

  feasible(v: number, jobs: ArrayLike<number>): boolean {
    return jobs.length === 0 || this.schedule(v, jobs).broken.length === 0;
  }

  /** Feasible routes from any routes; jobs that fit nowhere stay out. */
  repair(routes: Int32Array[], neighbours: readonly Int32Array[]): Int32Array[] {
    const p = this.problem;
    const out = routes.map((jobs, v) => this.trim(v, Array.from(jobs)));
    const routeOf = new Int32Array(p.n).fill(-1);
    out.forEach((jobs, v) => jobs.forEach((x) => (routeOf[x] = v)));
    for (let x = 0; x < p.n; x++) {
      if (routeOf[x] >= 0) continue;
      const candidates = new Set<number>();
      for (const y of neighbours[x]) if (routeOf[y] >= 0) candidates.add(routeOf[y]);
      for (let v = 0; v < p.vehicleCount; v++) if (out[v].length === 0) candidates.add(v);
      let best: { v: number; at: number; cost: number } | undefined;
      for (const v of candidates) {
        const before = this.cost(v, out[v]);
        for (let at = 0; at <= out[v].length; at++) {
          const trial = [...out[v].slice(0, at), x, ...out[v].slice(at)];
          if (!this.feasible(v, trial)) continue;
          const cost = this.cost(v, trial) - before;
          if (!best || cost < best.cost) best = { v, at, cost };
        }
      }
      if (best) {
        out[best.v].splice(best.at, 0, x);
        routeOf[x] = best.v;
      }
    }
    return out.map((jobs) => Int32Array.from(jobs));
  }

  private trim(v: number, jobs: number[]): number[] {
    while (jobs.length && !this.feasible(v, jobs)) {
      let worst = 0;
      let lowest = Infinity;
      for (let i = 0; i < jobs.length; i++) {
        const rest = [...jobs.slice(0, i), ...jobs.slice(i + 1)];
        const cost = this.price(v, rest) + this.problem.jobPrize[jobs[i]];
        if (cost < lowest) {
          lowest = cost;
          worst = i;
        }
      }
      jobs.splice(worst, 1);
    }
    return jobs;
  }

  private cost(v: number, jobs: ArrayLike<number>): number {
    this.price(v, jobs);
    return this.pricer.cost;
  }

  /** The route's cost under heavy penalties (its excesses in the pricer). */
  private price(v: number, jobs: ArrayLike<number>): number {
    this.pricer.begin(v);
    for (let i = 0; i < jobs.length; i++) this.pricer.node(jobs[i]);
    return this.pricer.endWith(HEAVY);
  }
}
