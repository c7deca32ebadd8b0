/**
 * The exact schedule of one route, job by job: travel, arrival, waiting until the
 * first of the job's windows still open, service; the load after each step; and
 * what the route breaks. The search prices a job with several windows as if it had
 * one from the first's start to the last's end; this is where every window counts.
 *
 * The route leaves its start at the earliest time that gives it its shortest
 * duration (a later start would wait as much; an earlier one waits longer), or, if
 * that breaks a window of a job with several, at the start of the vehicle's window.
 */
import type { TourProblem } from './problem';

export interface StepTimes {
  arrival: number;
  waiting: number;
  /** Cumulated travel time and distance on arrival. */
  travel: number;
  distance: number;
}

export interface RouteSchedule {
  departure: number;
  steps: StepTimes[];
  /** At the end depot. */
  end: StepTimes;
  cost: number;
  distance: number;
  travel: number;
  service: number;
  waiting: number;
  /** Load on board when leaving the start, then after each job. */
  loads: number[][];
  /** Each constraint the route breaks, by name; empty when feasible. */
  broken: ('capacity' | 'time_window' | 'vehicle_time_window' | 'max_distance' | 'max_travel_time' | 'max_tasks')[];
}

/** `record` false: steps and loads are left empty (a feasibility check only). */
export function scheduleRoute(
  problem: TourProblem,
  v: number,
  jobs: ArrayLike<number>,
  departures: number[],
  record = true,
): RouteSchedule {
  let first: RouteSchedule | undefined;
  for (const departure of departures) {
    const schedule = simulate(problem, v, jobs, departure, record);
    if (!schedule.broken.some((b) => b === 'time_window' || b === 'vehicle_time_window')) return schedule;
    first ??= schedule;
  }
  return first as RouteSchedule;
}

function simulate(
  problem: TourProblem,
  v: number,
  jobs: ArrayLike<number>,
  departure: number,
  record: boolean,
): RouteSchedule {
  const p = problem;
  const K = p.dims;
  const C = p.vehicleCost[v];
  const D = p.vehicleDistance[v];
  const T = p.vehicleDuration[v];
  const broken = new Set<RouteSchedule['broken'][number]>();
  const load = new Array<number>(K).fill(0);
  for (let i = 0; i < jobs.length; i++) for (let k = 0; k < K; k++) load[k] += p.nodeDelivery[jobs[i] * K + k];
  const loads = record ? [load.slice()] : [];
  const capacityOk = (values: number[]) => values.every((x, k) => x <= p.vehicleCapacity[v * K + k]);
  if (!capacityOk(load)) broken.add('capacity');

  const startNode = p.startNode(v);
  const endNode = p.endNode(v);
  let time = departure;
  if (departure < p.nodeTwStart[startNode] || departure > p.nodeTwEnd[startNode]) broken.add('vehicle_time_window');
  let prev = p.nodeLoc[startNode];
  let cost = 0;
  let distance = 0;
  let travel = 0;
  let service = 0;
  let waiting = 0;
  const steps: StepTimes[] = [];
  const move = (node: number) => {
    const to = p.nodeLoc[node];
    cost += C.get(prev, to);
    distance += D.get(prev, to);
    const t = T.get(prev, to);
    travel += t;
    time += t;
    prev = to;
  };
  for (let i = 0; i < jobs.length; i++) {
    const x = jobs[i];
    move(x);
    const arrival = time;
    const window = p.jobWindows[x].find((w) => w[1] >= arrival);
    if (!window) broken.add('time_window');
    const start = window ? Math.max(arrival, window[0]) : arrival;
    waiting += start - arrival;
    if (record) steps.push({ arrival, waiting: start - arrival, travel, distance });
    time = start + p.nodeService[x];
    service += p.nodeService[x];
    for (let k = 0; k < K; k++) load[k] += p.nodePickup[x * K + k] - p.nodeDelivery[x * K + k];
    if (record) loads.push(load.slice());
    if (!capacityOk(load)) broken.add('capacity');
  }
  move(endNode);
  if (time > p.nodeTwEnd[endNode]) broken.add('vehicle_time_window');
  if (distance > p.vehicleMaxDistance[v]) broken.add('max_distance');
  if (travel > p.vehicleMaxTravel[v]) broken.add('max_travel_time');
  if (jobs.length > p.vehicleMaxTasks[v]) broken.add('max_tasks');
  return {
    departure,
    steps,
    end: { arrival: time, waiting: 0, travel, distance },
    cost,
    distance,
    travel,
    service,
    waiting,
    loads,
    broken: [...broken],
  };
}
