/**
 * The solver's routes → VROOM's answer shape (CONTRACT §7): each route's steps
 * with arrival, travel so far, distance so far, waiting, service and load; its
 * cost, distance, travel time, service, waiting, priority and CO2; the summary
 * with the same sums, `naive` (the plan in list order) and a reason for every
 * job left out.
 */
import { co2KgPerKm, DIESEL_VAN_KG_PER_KM } from '../../tours/co2';
import type { TourProblem } from '../../tours/problem';
import type { RouteCheck } from '../../tours/route-check';
import type { RouteSchedule } from '../../tours/schedule';
import { unassignedReason } from '../../tours/unassigned-reason';
import type { ToursAnswer } from '../../wire/tours';
import type { Place, ToursMeta } from './tours-input';

type Route = ToursAnswer['routes'][number];
type Step = Route['steps'][number];

export interface AnswerInput {
  problem: TourProblem;
  meta: ToursMeta;
  check: RouteCheck;
  routes: readonly Int32Array[];
  unassigned: readonly number[];
  /** Each job's granular neighbours, from the solver. */
  neighbours: readonly Int32Array[];
  naive: readonly Int32Array[];
  iterations: number;
}

export function toursAnswer(input: AnswerInput): ToursAnswer {
  const { problem, meta, check } = input;
  const routes: Route[] = [];
  input.routes.forEach((jobs, v) => {
    if (jobs.length) routes.push(routeAnswer(problem, meta, v, jobs, check.schedule(v, jobs)));
  });
  const routeOf = new Int32Array(problem.n).fill(-1);
  input.routes.forEach((jobs, v) => jobs.forEach((x) => (routeOf[x] = v)));
  const sum = (pick: (r: Route) => number) => routes.reduce((total, r) => total + pick(r), 0);
  const naive = naiveFigures(input);
  return {
    code: 0,
    summary: {
      cost: sum((r) => r.cost),
      routes: routes.length,
      unassigned: input.unassigned.length,
      ...(meta.distances && { distance: sum((r) => r.distance ?? 0) }),
      duration: sum((r) => r.duration),
      service: sum((r) => r.service),
      waiting_time: sum((r) => r.waiting_time),
      priority: sum((r) => r.priority),
      co2Kg: meta.distances ? sum((r) => r.co2Kg ?? 0) : null,
      dieselCo2Kg: meta.distances ? (sum((r) => r.distance ?? 0) / 1000) * DIESEL_VAN_KG_PER_KM : null,
      naive,
      iterations: input.iterations,
    },
    unassigned: input.unassigned.map((job) => ({
      id: meta.jobIds[job],
      type: 'job' as const,
      ...meta.jobPlaces[job],
      ...unassignedReason(problem, check, input.routes, job, input.neighbours[job], routeOf),
    })),
    routes,
  };
}

function routeAnswer(problem: TourProblem, meta: ToursMeta, v: number, jobs: Int32Array, s: RouteSchedule): Route {
  const K = problem.dims;
  const withDistance = meta.distances;
  const steps: Step[] = [];
  const step = (
    type: Step['type'],
    id: Step['id'],
    place: Place,
    arrival: number,
    travel: number,
    distance: number,
    waiting: number,
    service: number,
    load: number[],
  ): Step => ({
    type,
    ...(id !== undefined && { id }),
    ...place,
    arrival,
    duration: travel,
    ...(withDistance && { distance }),
    waiting_time: waiting,
    service,
    load,
  });
  const start = meta.startPlaces[v];
  if (start) steps.push(step('start', undefined, start, s.departure, 0, 0, 0, 0, s.loads[0]));
  let priority = 0;
  const delivery = new Array<number>(K).fill(0);
  const pickup = new Array<number>(K).fill(0);
  jobs.forEach((job, i) => {
    const t = s.steps[i];
    steps.push(
      step(
        'job',
        meta.jobIds[job],
        meta.jobPlaces[job],
        t.arrival,
        t.travel,
        t.distance,
        t.waiting,
        problem.nodeService[job],
        s.loads[i + 1],
      ),
    );
    priority += problem.jobPriority[job];
    for (let k = 0; k < K; k++) {
      delivery[k] += problem.nodeDelivery[job * K + k];
      pickup[k] += problem.nodePickup[job * K + k];
    }
  });
  const end = meta.endPlaces[v];
  if (end)
    steps.push(
      step('end', undefined, end, s.end.arrival, s.end.travel, s.end.distance, 0, 0, s.loads[s.loads.length - 1]),
    );
  // Without a start, VROOM's route begins at the first job: it is there at the departure.
  const profile = meta.vehicleProfiles[v];
  return {
    vehicle: meta.vehicleIds[v],
    profile,
    cost: s.cost,
    ...(withDistance && { distance: s.distance }),
    duration: s.travel,
    service: s.service,
    waiting_time: s.waiting,
    priority,
    co2Kg: withDistance ? (s.distance / 1000) * co2KgPerKm(profile) : null,
    delivery,
    pickup,
    steps,
  };
}

function naiveFigures(input: AnswerInput): ToursAnswer['summary']['naive'] {
  const { problem, meta, check } = input;
  let distance = 0;
  let duration = 0;
  let co2 = 0;
  let served = 0;
  input.naive.forEach((jobs, v) => {
    if (jobs.length === 0) return;
    const s = check.schedule(v, jobs);
    served += jobs.length;
    distance += s.distance;
    duration += s.travel;
    co2 += (s.distance / 1000) * co2KgPerKm(meta.vehicleProfiles[v]);
  });
  return {
    ...(meta.distances && { distance }),
    duration,
    co2Kg: meta.distances ? co2 : null,
    unassigned: problem.n - served,
  };
}
