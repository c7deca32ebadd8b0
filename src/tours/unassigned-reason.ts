/**
 * Why a job is in no route (what VROOM's users ask for most). A job no vehicle
 * could serve even alone gets the constraint its best vehicle breaks alone
 * (`capacity`, `time_window`, `vehicle_time_window`, `max_distance`,
 * `max_travel_time`, `max_tasks`). A job that some vehicle could serve alone
 * was left out for lack of room: each route holding one of its granular
 * neighbours is tried at the job's cheapest place in it, and the constraint broken
 * most often is the reason; `fleet` when none is (or no route was near).
 */
import type { TourProblem } from './problem';
import type { RouteCheck } from './route-check';

export interface UnassignedReason {
  reason: string;
  description: string;
}

const WORDS: Record<string, string> = {
  capacity: 'its amounts exceed the capacity left',
  time_window: 'no time window of the job can be met',
  vehicle_time_window: 'the vehicle could not be back within its time window',
  max_distance: "the route would exceed the vehicle's max_distance (range)",
  max_travel_time: "the route would exceed the vehicle's max_travel_time",
  max_tasks: "the route would exceed the vehicle's max_tasks",
};

export function unassignedReason(
  problem: TourProblem,
  check: RouteCheck,
  routes: readonly Int32Array[],
  job: number,
  neighbours: Int32Array,
  routeOf: Int32Array,
): UnassignedReason {
  const alone = new Map<string, number>();
  let servable = false;
  // Vehicles of one type are interchangeable: one of each is enough.
  const seenTypes = new Set<number>();
  for (let v = 0; v < problem.vehicleCount; v++) {
    if (seenTypes.has(problem.vehicleType[v])) continue;
    seenTypes.add(problem.vehicleType[v]);
    const broken = check.schedule(v, [job], false).broken;
    if (broken.length === 0) servable = true;
    else alone.set(broken[0], (alone.get(broken[0]) ?? 0) + 1);
  }
  if (problem.vehicleCount === 0) return { reason: 'fleet', description: 'there is no vehicle' };
  if (!servable) {
    const reason = mostCommon(alone) as string;
    return { reason, description: `no vehicle can serve it even alone: ${WORDS[reason]}` };
  }
  const full = new Map<string, number>();
  const near = new Set<number>();
  for (const y of neighbours) if (routeOf[y] >= 0) near.add(routeOf[y]);
  let tried = 0;
  for (const v of near) {
    const jobs = routes[v];
    tried++;
    const at = cheapestPlace(problem, v, jobs, job);
    const trial = [...jobs.slice(0, at), job, ...jobs.slice(at)];
    for (const broken of check.schedule(v, trial, false).broken) full.set(broken, (full.get(broken) ?? 0) + 1);
  }
  const reason = mostCommon(full);
  if (!reason)
    return {
      reason: 'fleet',
      description: `every vehicle is in use and no route near it could take it (${tried} tried)`,
    };
  return {
    reason,
    description: `every vehicle is in use, and in ${full.get(reason)} of the ${tried} routes near it ${WORDS[reason]}`,
  };
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [key, count] of counts) if (best === undefined || count > (counts.get(best) as number)) best = key;
  return best;
}

/** The position in the route where the job adds least cost. */
function cheapestPlace(problem: TourProblem, v: number, jobs: Int32Array, job: number): number {
  const C = problem.vehicleCost[v];
  const loc = problem.nodeLoc;
  const at = (i: number) =>
    i < 0 ? loc[problem.startNode(v)] : i >= jobs.length ? loc[problem.endNode(v)] : loc[jobs[i]];
  let best = 0;
  let bestCost = Infinity;
  for (let i = 0; i <= jobs.length; i++) {
    const cost = C.get(at(i - 1), loc[job]) + C.get(loc[job], at(i)) - C.get(at(i - 1), at(i));
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  }
  return best;
}
