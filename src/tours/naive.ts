/**
 * What the tours save against the obvious plan (CONTRACT §7, summary.naive):
 * the jobs in the order given, each vehicle in turn taking the next ones while
 * its route stays feasible; a job that does not fit even a fresh vehicle is
 * left out, and the next vehicle carries on from the job after it.
 */
import type { TourProblem } from './problem';
import type { RouteCheck } from './route-check';

export function naiveRoutes(problem: TourProblem, check: RouteCheck): Int32Array[] {
  const routes: number[][] = Array.from({ length: problem.vehicleCount }, () => []);
  let v = 0;
  for (let job = 0; job < problem.n && v < problem.vehicleCount; job++) {
    while (v < problem.vehicleCount) {
      const route = routes[v];
      route.push(job);
      if (check.feasible(v, route)) break;
      route.pop();
      const fresh = route.length === 0;
      v++;
      // A job that does not fit an empty vehicle fits none of this kind: it is skipped.
      if (fresh) break;
    }
  }
  return routes.map((r) => Int32Array.from(r));
}
