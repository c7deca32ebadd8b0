/**
 * The sweep construction (Gillett & Miller 1974), the first solution the search
 * starts from: jobs by polar angle around the first vehicle's start (from the
 * widest empty sector on), each vehicle in turn taking the next ones while its
 * route stays feasible as the search prices it. On large problems, where a local
 * search from a random solution would not finish within the time limit, it gives
 * a feasible start at once; elsewhere it is one seed among the random ones.
 */
import type { TourProblem } from './problem';
import type { SequenceCost } from './search/sequence-cost';

export function sweepRoutes(problem: TourProblem, planar: Float64Array, pricer: SequenceCost): Int32Array[] {
  const { n, vehicleCount: V } = problem;
  const routes: number[][] = Array.from({ length: V }, () => []);
  if (V === 0 || n === 0) return routes.map((r) => Int32Array.from(r));
  const depot = problem.nodeLoc[problem.startNode(0)];
  let cx = 0;
  let cy = 0;
  if (depot !== problem.nowhere) {
    cx = planar[2 * depot];
    cy = planar[2 * depot + 1];
  } else {
    for (let i = 0; i < n; i++) {
      cx += planar[2 * problem.nodeLoc[i]] / n;
      cy += planar[2 * problem.nodeLoc[i] + 1] / n;
    }
  }
  const angle = new Float64Array(n);
  for (let i = 0; i < n; i++)
    angle[i] = Math.atan2(planar[2 * problem.nodeLoc[i] + 1] - cy, planar[2 * problem.nodeLoc[i]] - cx);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => angle[a] - angle[b] || a - b);
  // Start after the widest gap between consecutive angles, so that no route straddles it.
  let widest = 0;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const gap = (angle[order[(i + 1) % n]] - angle[order[i]] + 2 * Math.PI) % (2 * Math.PI);
    if (gap > widest) {
      widest = gap;
      from = (i + 1) % n;
    }
  }
  let v = 0;
  for (let k = 0; k < n && v < V; k++) {
    const job = order[(from + k) % n];
    while (v < V) {
      routes[v].push(job);
      if (fits(pricer, v, routes[v])) break;
      routes[v].pop();
      const fresh = routes[v].length === 0;
      if (!fresh) v++;
      // A job that does not fit an empty vehicle is left for the search.
      if (fresh) break;
    }
  }
  return routes.map((r) => Int32Array.from(r));
}

function fits(pricer: SequenceCost, v: number, jobs: number[]): boolean {
  pricer.begin(v);
  for (const x of jobs) pricer.node(x);
  pricer.end();
  return pricer.feasible();
}
