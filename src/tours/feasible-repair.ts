/**
 * Makes any routes feasible, fast enough for the largest problems (every piece is
 * priced in constant time on RouteData's segments): from each route that breaks a
 * constraint, the job whose removal leaves it cheapest under heavy penalties, its
 * prize counted, goes, until the route breaks none (every window of every job
 * checked at the end); then each job left out goes where it adds least among its
 * neighbours' places and the empty vehicles, if that keeps the route feasible. The
 * answer is always feasible.
 */
import type { TourProblem } from './problem';
import { HEAVY, type RouteCheck } from './route-check';
import { MoveContext } from './search/move-context';
import { RouteData } from './search/route-data';

export function repairRoutes(
  problem: TourProblem,
  routes: readonly Int32Array[],
  neighbours: readonly Int32Array[],
  check: RouteCheck,
): Int32Array[] {
  const R = new RouteData(problem, HEAVY);
  const ctx = new MoveContext(R);
  R.load(routes);
  const removal = (b: Parameters<Parameters<MoveContext['carryOut']>[0]>[0], x: number) =>
    b.prefix(R.routeOf[x], R.prev[x]).suffix(R.next[x]).end();
  for (let r = 0; r < problem.vehicleCount; r++) {
    while (R.routeSize[r] > 0 && (R.routePenalty[r] > 0 || !check.feasible(r, jobsOf(R, r)))) {
      let worst = -1;
      let lowest = Infinity;
      for (let x = R.next[problem.startNode(r)]; x < problem.n; x = R.next[x]) {
        const cost = removal(ctx.pricer, x) + problem.jobPrize[x];
        if (cost < lowest) {
          lowest = cost;
          worst = x;
        }
      }
      ctx.carryOut((b) => removal(b, worst));
    }
  }
  for (let x = 0; x < problem.n; x++) {
    if (R.routeOf[x] < 0) insertFeasibly(problem, R, ctx, check, x, neighbours[x]);
  }
  return R.routes();
}

/** Puts x where it adds least without breaking anything; leaves it out when no such place is found. */
function insertFeasibly(
  problem: TourProblem,
  R: RouteData,
  ctx: MoveContext,
  check: RouteCheck,
  x: number,
  neighbours: Int32Array,
): void {
  const places: { after: number; cost: number }[] = [];
  const consider = (after: number) => {
    const r = R.routeOf[after];
    const cost = ctx.pricer.prefix(r, after).node(x).suffix(R.next[after]).end();
    if (ctx.pricer.feasible()) places.push({ after, cost: cost - R.routeCost[r] });
  };
  for (const v of neighbours) {
    if (R.routeOf[v] < 0) continue;
    consider(v);
    if (R.prev[v] >= problem.n) consider(R.prev[v]);
  }
  const typesSeen = new Set<number>();
  for (let r = 0; r < problem.vehicleCount; r++) {
    if (R.routeSize[r] > 0 || typesSeen.has(problem.vehicleType[r])) continue;
    typesSeen.add(problem.vehicleType[r]);
    consider(problem.startNode(r));
  }
  places.sort((a, b) => a.cost - b.cost);
  for (const { after } of places) {
    const r = R.routeOf[after];
    const jobs = jobsOf(R, r);
    const at = after >= problem.n ? 0 : jobs.indexOf(after) + 1;
    if (!check.feasible(r, [...jobs.slice(0, at), x, ...jobs.slice(at)])) continue;
    ctx.carryOut((b) => b.prefix(r, after).node(x).suffix(R.next[after]).end());
    return;
  }
}

function jobsOf(R: RouteData, r: number): number[] {
  const out: number[] = [];
  for (let x = R.next[R.problem.startNode(r)]; x < R.problem.n; x = R.next[x]) out.push(x);
  return out;
}
