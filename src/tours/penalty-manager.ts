/**
 * Adapts the penalty weights (HGS-CVRP §3): every 100 local-search results, each
 * weight grows by 1.2 when fewer than 15 % of them met that constraint, and shrinks
 * by 0.85 when more than 25 % did (target 20 %), within [0.1, 100000].
 */
import { PenaltyWeights, type Excess } from './penalties';
import type { TourProblem } from './problem';

const TARGET = 0.2;
const WINDOW = 100;
const INCREASE = 1.2;
const DECREASE = 0.85;
const MIN = 0.1;
const MAX = 100_000;

type Key = 'load' | 'time' | 'distance' | 'tasks';
const KEYS: Key[] = ['load', 'time', 'distance', 'tasks'];

export class PenaltyManager {
  weights: PenaltyWeights;
  private readonly met: Record<Key, number> = { load: 0, time: 0, distance: 0, tasks: 0 };
  private seen = 0;

  constructor(problem: TourProblem) {
    let largestAmount = 1;
    for (let i = 0; i < problem.n * problem.dims; i++) {
      largestAmount = Math.max(largestAmount, problem.nodeDelivery[i], problem.nodePickup[i]);
    }
    // HGS-CVRP: the load weight starts at the largest cost over the largest demand; time (PyVRP): cost per second of travel.
    this.weights = new PenaltyWeights(
      clamp(problem.largestCost / largestAmount),
      clamp(costPerSecond(problem)),
      1,
      clamp(problem.largestCost),
    );
  }

  /** Records one local-search result; true when the weights changed. */
  record(excess: Excess): boolean {
    for (const key of KEYS) if (excess[key] === 0) this.met[key]++;
    if (++this.seen < WINDOW) return false;
    const w = this.weights;
    const next = new PenaltyWeights(w.load, w.time, w.distance, w.tasks);
    for (const key of KEYS) {
      const share = this.met[key] / this.seen;
      if (share < TARGET - 0.05) next[key] = clamp(w[key] * INCREASE);
      else if (share > TARGET + 0.05) next[key] = clamp(w[key] * DECREASE);
      this.met[key] = 0;
    }
    this.seen = 0;
    this.weights = next;
    return true;
  }
}

function clamp(weight: number): number {
  return Math.min(MAX, Math.max(MIN, weight));
}

/** Mean cost over mean travel time, over the first vehicle's matrices (sampled along the job order). */
function costPerSecond(problem: TourProblem): number {
  if (problem.vehicleCount === 0 || problem.n < 2) return 1;
  const C = problem.vehicleCost[0];
  const T = problem.vehicleDuration[0];
  let cost = 0;
  let time = 0;
  for (let i = 1; i < problem.n; i++) {
    cost += C.get(problem.nodeLoc[i - 1], problem.nodeLoc[i]);
    time += T.get(problem.nodeLoc[i - 1], problem.nodeLoc[i]);
  }
  return time > 0 ? cost / time : 1;
}
