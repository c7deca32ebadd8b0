/**
 * With an iteration budget and a seed, the same problem gives the very same routes
 * (no clock, no Math.random in the solver); another seed may give others. And the
 * budget, not the clock, decides: a generous time limit changes nothing.
 */
import { readInstance } from '../../../bench/support/vrp-instances';
import { instanceProblem } from '../../../bench/support/vrp-problem';
import { createRng } from '../../../src/synthetic/prng';
import { solveTours } from '../../../src/tours/solve';
import { randomTours, toTourProblem } from '../../support/random-tours';

const routesOf = (routes: Int32Array[]) => routes.map((r) => Array.from(r));

describe('tour solver determinism', () => {
  it('the same body, seed and iterations give the same routes, time limit or not', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 10; trial++) {
      const plain = randomTours(rng, { jobs: 40, vehicles: 4, timeWindows: true, pickups: true, maxDistance: true });
      const first = solveTours(toTourProblem(plain), { iterations: 60, seed: trial });
      const again = solveTours(toTourProblem(plain), { iterations: 60, seed: trial, timeLimitMs: 600_000 });
      expect(routesOf(again.routes)).toEqual(routesOf(first.routes));
      expect(again.iterations).toBe(60);
    }
  });

  it('Solomon R101: two runs of 100 iterations agree', () => {
    const problem = instanceProblem(readInstance('R101'));
    const a = solveTours(problem, { iterations: 100, seed: 42 });
    const b = solveTours(instanceProblem(readInstance('R101')), { iterations: 100, seed: 42 });
    expect(routesOf(b.routes)).toEqual(routesOf(a.routes));
  });

  it('a time limit stops the search', () => {
    const problem = instanceProblem(readInstance('X-n101-k25'));
    let clock = 0;
    // A clock that moves 1 ms per reading: the limit is reached after a bounded number of readings, whatever the machine.
    const solution = solveTours(problem, { timeLimitMs: 1000, now: () => clock++ });
    expect(solution.elapsedMs).toBeLessThan(1000 + 300 + 10);
    expect(solution.unassigned).toEqual([]);
  });
});
