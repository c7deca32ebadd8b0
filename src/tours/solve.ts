/**
 * The tour solver's entry point: a problem in, routes out.
 *
 * Jobs that no vehicle could serve even alone are set aside first (they are
 * reported unassigned); the genetic search runs on the rest until its iteration
 * budget or its time limit, whichever comes first; the best solution is checked
 * exactly and, should any route break a constraint, repaired. Deterministic for a
 * seed and an iteration budget; a time limit alone stops wherever the search is.
 */
import { planarCoordinates } from './embedding';
import { DEFAULT_GENETIC, GeneticSearch, type GeneticParams } from './genetic';
import { granularNeighbours } from './neighbours';
import { TourProblem } from './problem';
import { repairRoutes } from './feasible-repair';
import { RouteCheck } from './route-check';

const FINISH_GRACE_MS = 300;
const SEED_SHARE = 0.2;

export interface SolveOptions {
  /** @defaultValue 1 */
  seed?: number;
  /** Offspring to breed; the same problem, seed and budget give the same routes. @defaultValue unlimited */
  iterations?: number;
  /** Wall-clock limit in ms, checked at the top of every iteration and within local search. @defaultValue unlimited */
  timeLimitMs?: number;
  /** Neighbours per job. @defaultValue 20 */
  granularity?: number;
  /** End the search once `restartAfter` iterations bring nothing better, instead of starting afresh (HGS-CVRP's stopping rule). @defaultValue false */
  stopWhenStuck?: boolean;
  genetic?: GeneticParams;
  /** The clock (ms). @defaultValue performance.now */
  now?: () => number;
}

export interface TourSolution {
  /** Each vehicle's jobs, in order (indices into the problem's jobs). */
  routes: Int32Array[];
  /** Jobs in no route. */
  unassigned: number[];
  iterations: number;
  elapsedMs: number;
  /** Each job's granular neighbours (indices into the problem's jobs): where to look for room. */
  neighbours: readonly Int32Array[];
}

export function solveTours(problem: TourProblem, options: SolveOptions = {}): TourSolution {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = options.timeLimitMs ?? Infinity;
  if (options.iterations === undefined && limit === Infinity)
    throw new RangeError('solveTours needs an iteration budget or a time limit');
  const deadline = () => now() - started >= limit;
  // The last repair of the best solution may take a little longer: the answer is due within the limit + 1 s.
  const finishDeadline = () => now() - started >= limit + FINISH_GRACE_MS;
  // Seeding takes at most a fifth of the time: on large problems the population then starts smaller but breeds.
  const seedDeadline = () => now() - started >= limit * SEED_SHARE;
  const V = problem.vehicleCount;

  const servable = servableJobs(problem);
  const routes: Int32Array[] = Array.from({ length: V }, () => new Int32Array(0));
  let iterations = 0;
  const neighboursOf: Int32Array[] = Array.from({ length: problem.n }, () => new Int32Array(0));
  if (servable.length > 0) {
    const sub =
      servable.length === problem.n
        ? problem
        : new TourProblem({ ...problem.input, jobs: servable.map((i) => problem.input.jobs[i]) });
    const planar = planarCoordinates(sub);
    const neighbours = granularNeighbours(sub, options.granularity ?? 20, planar);
    const params = options.genetic ?? DEFAULT_GENETIC;
    const search = new GeneticSearch(sub, neighbours, planar, options.seed ?? 1, {
      ...params,
      stopWhenStuck: options.stopWhenStuck ?? false,
    });
    const run = search.run(options.iterations ?? Infinity, {
      search: deadline,
      seed: seedDeadline,
      finish: finishDeadline,
    });
    iterations = run.iterations;
    const found = run.best?.routes ?? routes;
    const repaired = repairRoutes(sub, found, neighbours, new RouteCheck(sub));
    repaired.forEach((jobs, v) => (routes[v] = jobs.map((x) => servable[x])));
    neighbours.forEach((list, x) => (neighboursOf[servable[x]] = list.map((y) => servable[y])));
  }
  const served = new Uint8Array(problem.n);
  for (const jobs of routes) for (const x of jobs) served[x] = 1;
  const unassigned: number[] = [];
  for (let i = 0; i < problem.n; i++) if (!served[i]) unassigned.push(i);
  return { routes, unassigned, iterations, elapsedMs: now() - started, neighbours: neighboursOf };
}

/** Jobs that some vehicle can serve on a route of its own. */
function servableJobs(problem: TourProblem): number[] {
  const check = new RouteCheck(problem);
  const out: number[] = [];
  const single = new Int32Array(1);
  // Vehicles of one type are interchangeable: one of each is enough.
  const representatives = [...new Map([...problem.vehicleType].map((type, v) => [type, v] as const)).values()];
  for (let i = 0; i < problem.n; i++) {
    single[0] = i;
    for (const v of representatives) {
      if (check.feasible(v, single)) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}
