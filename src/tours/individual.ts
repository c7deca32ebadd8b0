/**
 * A solution of the genetic search: each vehicle's jobs in order, its cost and
 * excesses (so that its penalised cost can be recomputed under new weights), and
 * each job's neighbours in it (for the broken-pairs distance).
 */
import { Excess, type PenaltyWeights } from './penalties';
import type { TourProblem } from './problem';
import type { SequenceCost } from './search/sequence-cost';

/** A job's neighbour that is a depot; UNASSIGNED for a job in no route. */
const DEPOT = -1;
const UNASSIGNED = -2;

export class Individual {
  readonly excess: Excess;
  readonly successor: Int32Array;
  readonly predecessor: Int32Array;
  penalised = 0;

  constructor(
    problem: TourProblem,
    readonly routes: Int32Array[],
    pricer: SequenceCost,
    weights: PenaltyWeights,
  ) {
    this.excess = new Excess();
    this.successor = new Int32Array(problem.n).fill(UNASSIGNED);
    this.predecessor = new Int32Array(problem.n).fill(UNASSIGNED);
    for (let v = 0; v < routes.length; v++) {
      const jobs = routes[v];
      if (jobs.length === 0) continue;
      pricer.begin(v);
      for (let i = 0; i < jobs.length; i++) {
        pricer.node(jobs[i]);
        this.predecessor[jobs[i]] = i === 0 ? DEPOT : jobs[i - 1];
        this.successor[jobs[i]] = i === jobs.length - 1 ? DEPOT : jobs[i + 1];
      }
      pricer.end();
      pricer.addTo(this.excess);
    }
    for (let i = 0; i < problem.n; i++)
      if (this.successor[i] === UNASSIGNED) this.excess.unassigned += problem.jobPrize[i];
    this.reweigh(weights);
  }

  get feasible(): boolean {
    return this.excess.feasible();
  }

  reweigh(weights: PenaltyWeights): void {
    this.penalised = this.excess.penalised(weights);
  }

  /** Broken-pairs distance (HGS-CVRP): the share of jobs whose neighbours differ in the other. */
  distanceTo(other: Individual): number {
    const n = this.successor.length;
    let broken = 0;
    for (let j = 0; j < n; j++) {
      const s = this.successor[j];
      if (s !== other.successor[j] && s !== other.predecessor[j]) broken++;
      if (this.predecessor[j] === DEPOT && other.predecessor[j] !== DEPOT && other.successor[j] !== DEPOT) broken++;
    }
    return broken / Math.max(1, n);
  }
}
