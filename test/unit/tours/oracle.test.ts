/**
 * On tiny problems the solver finds the optimum that exhaustive enumeration finds
 * (test/support/tour-oracle.ts): same objective, cost plus the prizes of the jobs
 * left out, and its routes pass the independent checker.
 */
import { createRng } from '../../../src/synthetic/prng';
import { solveTours } from '../../../src/tours/solve';
import { randomTours, toTourProblem, type RandomTourOptions } from '../../support/random-tours';
import { checkTours } from '../../support/tour-checker';
import { optimalTours } from '../../support/tour-oracle';

const KINDS: [string, Omit<RandomTourOptions, 'jobs' | 'vehicles'>][] = [
  ['capacity', {}],
  ['time windows', { timeWindows: true }],
  ['pickups, range and task limits', { pickups: true, maxDistance: true, maxTasks: true }],
  [
    'travel time, open routes, speed factors, priorities',
    { maxTravelTime: true, timeWindows: true, openRoutes: true, speedFactors: true, priorities: true },
  ],
];

describe('tour solver against the exact optimum (≤ 7 jobs)', () => {
  it.each(KINDS)('%s: 40 random problems', (name, kind) => {
    const rng = createRng(1000 + name.length);
    for (let trial = 0; trial < 40; trial++) {
      const plain = randomTours(rng, { jobs: rng.int(1, trial < 20 ? 5 : 7), vehicles: rng.int(1, 2), ...kind });
      const optimum = optimalTours(plain);
      const problem = toTourProblem(plain);
      const solution = solveTours(problem, { iterations: 300, seed: trial });
      const check = checkTours(plain, solution.routes);
      expect(check.problems).toEqual([]);
      const objective = check.cost + solution.unassigned.reduce((sum, j) => sum + problem.jobPrize[j], 0);
      expect({ trial, objective }).toEqual({ trial, objective: optimum.objective });
    }
  });
});
