/**
 * The solver on one instance of each benchmark set, with an iteration budget (so
 * the result is the same on any machine): every customer served, the checker's
 * figures, and a cost within a few per cent of the best known.
 */
import { readInstance, matrixRows } from '../../../bench/support/vrp-instances';
import { instanceProblem } from '../../../bench/support/vrp-problem';
import { solveTours } from '../../../src/tours/solve';
import { checkTours, type PlainProblem } from '../../support/tour-checker';

function plainOf(name: string): PlainProblem {
  const instance = readInstance(name);
  const rows = matrixRows(instance);
  return {
    distances: rows,
    durations: rows,
    costBy: 'distance',
    jobs: Array.from({ length: instance.customers }, (_, i) => ({
      location: i + 1,
      service: instance.service?.[i + 1] ?? 0,
      delivery: [instance.demand[i + 1]],
      pickup: [],
      windows: instance.ready && instance.due ? [[instance.ready[i + 1], instance.due[i + 1]]] : [],
      priority: 0,
    })),
    vehicles: Array.from({ length: instance.vehicles }, () => ({
      start: 0,
      end: 0,
      capacity: [instance.capacity],
      window: instance.ready && instance.due ? [instance.ready[0], instance.due[0]] : [0, 1e12],
    })),
  };
}

describe('tour solver on benchmark instances', () => {
  it.each([
    ['X-n101-k25', 0.03],
    ['C101', 0.03],
    ['RC101', 0.05],
  ])('%s: feasible, within %p of the best known after 200 iterations', (name, tolerance) => {
    const instance = readInstance(name);
    const solution = solveTours(instanceProblem(instance), { iterations: 200, seed: 1 });
    expect(solution.unassigned).toEqual([]);
    const check = checkTours(plainOf(name), solution.routes);
    expect(check.problems).toEqual([]);
    expect(check.cost).toBeGreaterThanOrEqual(instance.bestKnown);
    expect((check.cost - instance.bestKnown) / instance.bestKnown).toBeLessThan(tolerance);
  });
});
