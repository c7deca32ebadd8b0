/**
 * The exact optimum of a tiny tour problem by enumeration: every way of giving
 * each job to a vehicle or to nobody, and for each vehicle every order of its
 * jobs, each route checked by the independent checker. The objective is the one
 * docs/tours.md states: total cost, plus for each job left out a prize of
 * U·((n + 1)·priority + 1), where U = 2 × the largest cost between two places of
 * the problem + 1. Meant for up to 7 jobs.
 */
import { checkTours, type PlainProblem } from './tour-checker';

export interface Optimum {
  objective: number;
  routes: number[][];
}

export function optimalTours(problem: PlainProblem): Optimum {
  const n = problem.jobs.length;
  const V = problem.vehicles.length;
  const unit = 2 * largestCost(problem) + 1;
  const prize = problem.jobs.map((job) => unit * ((n + 1) * job.priority + 1));
  const best = new Map<string, { cost: number; order: number[] } | null>();
  const bestRoute = (v: number, jobs: number[]) => {
    const key = `${v}:${jobs.join(',')}`;
    if (!best.has(key)) {
      let found: { cost: number; order: number[] } | null = null;
      for (const order of permutations(jobs)) {
        const routes = problem.vehicles.map((_, w) => (w === v ? order : []));
        const check = checkTours(problem, routes);
        if (check.problems.length === 0 && (!found || check.cost < found.cost)) found = { cost: check.cost, order };
      }
      best.set(key, found);
    }
    return best.get(key) as { cost: number; order: number[] } | null;
  };
  let optimum: Optimum = { objective: Infinity, routes: [] };
  const owner = new Array<number>(n).fill(-1);
  const visit = (j: number) => {
    if (j === n) {
      let objective = 0;
      const routes: number[][] = [];
      for (let v = 0; v < V; v++) {
        const jobs = owner.flatMap((o, i) => (o === v ? [i] : []));
        const route = jobs.length ? bestRoute(v, jobs) : { cost: 0, order: [] };
        if (!route) return;
        objective += route.cost;
        routes.push(route.order);
      }
      owner.forEach((o, i) => (objective += o < 0 ? prize[i] : 0));
      if (objective < optimum.objective) optimum = { objective, routes };
      return;
    }
    for (let v = -1; v < V; v++) {
      owner[j] = v;
      visit(j + 1);
    }
  };
  visit(0);
  return optimum;
}

function largestCost(problem: PlainProblem): number {
  const places = new Set<number>();
  for (const job of problem.jobs) places.add(job.location);
  for (const v of problem.vehicles) {
    if (v.start !== null) places.add(v.start);
    if (v.end !== null) places.add(v.end);
  }
  const matrix = problem.costBy === 'distance' ? problem.distances : problem.durations;
  let largest = 1;
  for (const a of places) for (const b of places) largest = Math.max(largest, matrix[a][b]);
  return largest;
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}
