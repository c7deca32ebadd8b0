/**
 * An independent check of tours, written from CONTRACT §7 and sharing no code
 * with the solver: given a plain problem (matrices as rows) and routes of job
 * indices, it replays every route from its vehicle's window start, waiting
 * wherever a job's window is not yet open (the earliest schedule: if any schedule
 * keeps the windows, this one does), and lists every rule broken. It also
 * recomputes distance, travel time and cost from the matrices.
 */

export interface PlainJob {
  location: number;
  service: number;
  delivery: number[];
  pickup: number[];
  /** Empty = any time. */
  windows: [number, number][];
  priority: number;
}

export interface PlainVehicle {
  /** A location, or null (nowhere: 0 to and from anything). */
  start: number | null;
  end: number | null;
  capacity: number[];
  window: [number, number];
  maxDistance?: number;
  maxTravelTime?: number;
  maxTasks?: number;
  /** Travel times are the duration matrix's divided by it, rounded. */
  speedFactor?: number;
}

export interface PlainProblem {
  jobs: PlainJob[];
  vehicles: PlainVehicle[];
  distances: number[][];
  durations: number[][];
  /** 'distance' or 'duration': what cost sums. */
  costBy: 'distance' | 'duration';
}

export interface RouteFigures {
  distance: number;
  travel: number;
  cost: number;
  /** Arrival at each job, then at the end. */
  arrivals: number[];
  departure: number;
}

export interface CheckResult {
  problems: string[];
  routes: RouteFigures[];
  cost: number;
}

export function checkTours(problem: PlainProblem, routes: ArrayLike<number>[]): CheckResult {
  const problems: string[] = [];
  const seen = new Map<number, number>();
  const figures: RouteFigures[] = [];
  if (routes.length > problem.vehicles.length)
    problems.push(`${routes.length} routes for ${problem.vehicles.length} vehicles`);
  let total = 0;
  Array.from(routes).forEach((jobs, v) => {
    const vehicle = problem.vehicles[v];
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i];
      if (!Number.isInteger(job) || job < 0 || job >= problem.jobs.length) problems.push(`route ${v}: no job ${job}`);
      else if (seen.has(job)) problems.push(`job ${job} in route ${seen.get(job)} and route ${v}`);
      else seen.set(job, v);
    }
    const route = replay(problem, vehicle, Array.from(jobs), (message) => problems.push(`route ${v}: ${message}`));
    figures.push(route);
    total += route.cost;
  });
  return { problems, routes: figures, cost: total };
}

function replay(
  problem: PlainProblem,
  vehicle: PlainVehicle,
  jobs: number[],
  fail: (message: string) => void,
): RouteFigures {
  const figures: RouteFigures = { distance: 0, travel: 0, cost: 0, arrivals: [], departure: vehicle.window[0] };
  if (jobs.length === 0) return figures;
  if (jobs.some((j) => !problem.jobs[j])) return figures;
  const dims = Math.max(
    vehicle.capacity.length,
    ...jobs.map((j) => Math.max(problem.jobs[j].delivery.length, problem.jobs[j].pickup.length)),
  );
  const amount = (list: number[], k: number) => list[k] ?? 0;
  const load: number[] = [];
  for (let k = 0; k < dims; k++) load.push(jobs.reduce((sum, j) => sum + amount(problem.jobs[j].delivery, k), 0));
  const checkLoad = (where: string) => {
    for (let k = 0; k < dims; k++)
      if (load[k] > amount(vehicle.capacity, k))
        fail(`load ${load[k]} over capacity ${amount(vehicle.capacity, k)} (dimension ${k}) ${where}`);
  };
  checkLoad('leaving the start');
  const between = (from: number | null, to: number | null) => {
    if (from === null || to === null) return { distance: 0, duration: 0 };
    const duration = problem.durations[from][to];
    return { distance: problem.distances[from][to], duration: Math.round(duration / (vehicle.speedFactor ?? 1)) };
  };
  let at: number | null = vehicle.start;
  let time = vehicle.window[0];
  const travel = (to: number | null) => {
    const leg = between(at, to);
    figures.distance += leg.distance;
    figures.travel += leg.duration;
    figures.cost += problem.costBy === 'distance' ? leg.distance : leg.duration;
    time += leg.duration;
    at = to;
  };
  for (const j of jobs) {
    const job = problem.jobs[j];
    travel(job.location);
    figures.arrivals.push(time);
    if (job.windows.length) {
      const open = job.windows.find(([, end]) => end >= time);
      if (!open) fail(`job ${j} reached at ${time}, after its last window closed`);
      else time = Math.max(time, open[0]);
    }
    time += job.service;
    for (let k = 0; k < dims; k++) load[k] += amount(job.pickup, k) - amount(job.delivery, k);
    checkLoad(`after job ${j}`);
  }
  travel(vehicle.end);
  figures.arrivals.push(time);
  if (time > vehicle.window[1]) fail(`back at ${time}, after the vehicle's window ends at ${vehicle.window[1]}`);
  if (vehicle.maxDistance !== undefined && figures.distance > vehicle.maxDistance)
    fail(`distance ${figures.distance} over max_distance ${vehicle.maxDistance}`);
  if (vehicle.maxTravelTime !== undefined && figures.travel > vehicle.maxTravelTime)
    fail(`travel ${figures.travel} over max_travel_time ${vehicle.maxTravelTime}`);
  if (vehicle.maxTasks !== undefined && jobs.length > vehicle.maxTasks)
    fail(`${jobs.length} jobs over max_tasks ${vehicle.maxTasks}`);
  return figures;
}
