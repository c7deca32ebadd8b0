/** A benchmark instance as the solver's problem: one job per customer, the set's fleet, coordinates for the geometry. */
import { DenseMatrix } from '../../src/tours/matrix';
import { TourProblem } from '../../src/tours/problem';
import { matrixRows, type VrpInstance } from './vrp-instances';

export function instanceProblem(instance: VrpInstance): TourProblem {
  const matrix = DenseMatrix.fromRows(matrixRows(instance));
  const window: [number, number] =
    instance.kind === 'solomon' ? [instance.ready?.[0] ?? 0, instance.due?.[0] ?? 0] : [0, Infinity];
  const planar = new Float64Array(2 * (instance.customers + 1));
  instance.x.forEach((x, i) => {
    planar[2 * i] = x;
    planar[2 * i + 1] = instance.y[i];
  });
  return new TourProblem({
    locations: instance.customers + 1,
    planar,
    jobs: Array.from({ length: instance.customers }, (_, i) => {
      const c = i + 1;
      return {
        location: c,
        service: instance.service?.[c] ?? 0,
        delivery: [instance.demand[c]],
        pickup: [],
        windows: instance.ready && instance.due ? [[instance.ready[c], instance.due[c]] as [number, number]] : [],
        priority: 0,
      };
    }),
    vehicles: Array.from({ length: instance.vehicles }, () => ({
      start: 0,
      end: 0,
      capacity: [instance.capacity],
      window,
      maxDistance: Infinity,
      maxTravelTime: Infinity,
      maxTasks: Infinity,
      cost: matrix,
      distance: matrix,
      duration: matrix,
    })),
  });
}

/** Total cost of routes (job indices; job i is customer i + 1), by the instance's matrix. */
export function routesCost(instance: VrpInstance, routes: ArrayLike<number>[]): number {
  const size = instance.customers + 1;
  let cost = 0;
  for (const jobs of routes) {
    if (jobs.length === 0) continue;
    let prev = 0;
    for (let i = 0; i < jobs.length; i++) {
      cost += instance.matrix[prev * size + jobs[i] + 1];
      prev = jobs[i] + 1;
    }
    cost += instance.matrix[prev * size];
  }
  return cost;
}
