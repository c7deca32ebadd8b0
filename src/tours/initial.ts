/**
 * Random initial solutions, as HGS starts from: the jobs in random order, cut into
 * as many routes as the total amount needs at the fleet's mean capacity, each on a
 * vehicle drawn at random. The local search then makes them good.
 */
import type { Rng } from '../synthetic/prng';
import type { TourProblem } from './problem';
import { shuffle } from './search/local-search';

export function randomRoutes(problem: TourProblem, rng: Rng): Int32Array[] {
  const { n, dims: K, vehicleCount: V } = problem;
  const routes: Int32Array[] = Array.from({ length: V }, () => new Int32Array(0));
  if (V === 0) return routes;
  let needed = 1;
  for (let k = 0; k < K; k++) {
    let amount = 0;
    let capacity = 0;
    for (let i = 0; i < n; i++) amount += Math.max(problem.nodeDelivery[i * K + k], problem.nodePickup[i * K + k]);
    for (let v = 0; v < V; v++) capacity += problem.vehicleCapacity[v * K + k];
    if (capacity > 0) needed = Math.max(needed, Math.ceil(amount / (capacity / V)));
  }
  const count = Math.min(V, needed, Math.max(1, n));
  const jobs = Int32Array.from({ length: n }, (_, i) => i);
  shuffle(jobs, rng);
  const vehicles = Int32Array.from({ length: V }, (_, v) => v);
  shuffle(vehicles, rng);
  for (let r = 0; r < count; r++) {
    routes[vehicles[r]] = jobs.slice(Math.floor((r * n) / count), Math.floor(((r + 1) * n) / count));
  }
  return routes;
}
