/**
 * Every answer of the solver, on random problems with every kind of constraint,
 * passes the independent checker: each job at most once, loads, windows, vehicle
 * windows, range, travel time and task limits; and its routes cost what the
 * checker recomputes from the matrices.
 */
import { createRng } from '../../../src/synthetic/prng';
import { solveTours } from '../../../src/tours/solve';
import { randomTours, toTourProblem, type RandomTourOptions } from '../../support/random-tours';
import { checkTours } from '../../support/tour-checker';

const KINDS: [string, Omit<RandomTourOptions, 'jobs' | 'vehicles'>][] = [
  ['capacity only', {}],
  ['time windows', { timeWindows: true }],
  ['several windows per job', { timeWindows: true, multiWindows: true }],
  ['pickups and deliveries, two dimensions', { pickups: true, dims: 2 }],
  ['range (max_distance)', { maxDistance: true }],
  ['travel time and task limits', { maxTravelTime: true, maxTasks: true, timeWindows: true }],
  [
    'open routes, speed factors, priorities',
    { openRoutes: true, speedFactors: true, priorities: true, timeWindows: true },
  ],
  [
    'everything at once',
    {
      timeWindows: true,
      multiWindows: true,
      pickups: true,
      dims: 2,
      maxDistance: true,
      maxTravelTime: true,
      maxTasks: true,
      openRoutes: true,
      speedFactors: true,
      priorities: true,
    },
  ],
];

describe('tour solver feasibility (independent checker)', () => {
  it.each(KINDS)('%s: 25 random problems', (_name, kind) => {
    const rng = createRng(7 + _name.length);
    for (let trial = 0; trial < 25; trial++) {
      const plain = randomTours(rng, { jobs: rng.int(1, 40), vehicles: rng.int(1, 5), ...kind });
      const problem = toTourProblem(plain);
      const solution = solveTours(problem, { iterations: 30, seed: trial });
      const check = checkTours(plain, solution.routes);
      expect(check.problems).toEqual([]);
      const served = new Set(solution.routes.flatMap((r) => Array.from(r)));
      expect(served.size + solution.unassigned.length).toBe(plain.jobs.length);
      for (const j of solution.unassigned) expect(served.has(j)).toBe(false);
    }
  });

  it('serves every job when the fleet is large and unconstrained', () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 10; trial++) {
      const plain = randomTours(rng, { jobs: 30, vehicles: 30 });
      for (const v of plain.vehicles) v.capacity = [1000];
      const solution = solveTours(toTourProblem(plain), { iterations: 20, seed: 1 });
      expect(solution.unassigned).toEqual([]);
      expect(checkTours(plain, solution.routes).problems).toEqual([]);
    }
  });
});
