/**
 * One solve of a plan's LP (lp-solve.ts) by either of its solvers: on random path-flow
 * LPs (lp-model.ts), the dual simplex (small LPs) and the interior point with crossover
 * (large ones) end at the same optimum, each at a vertex whose flows respect every row,
 * and whose duals prove that optimum (lp-bound.ts).
 */
import loadHighs, { type Highs } from 'highs';
import { dualBound } from '../../src/plans/lp-bound';
import { buildPathLp } from '../../src/plans/lp-model';
import { solveLp, type LpSolution } from '../../src/plans/lp-solve';
import { createRng, type Rng } from '../../src/synthetic/prng';
import { randomPool } from '../support/plan-fixtures';

const PENALTIES = { latePenalty: 100, unplannedPenalty: 1000 };
const INSTANCES = 80;
const TOLERANCE = 1e-6;

function randomLp(rng: Rng, highs: Highs) {
  const sizes = { resources: 12, room: 20, commodities: 15, parcels: 9, columns: 6, use: 0.3 };
  const { resources, commodities, pool } = randomPool(rng, sizes);
  const columns = pool.flat();
  const lp = buildPathLp(commodities, columns, resources, PENALTIES, highs.infinity);
  return { lp, commodities: commodities.length };
}

/** Whether every row's activity, recomputed from the flows, is within its bounds. */
function feasible(lp: ReturnType<typeof buildPathLp>, solution: LpSolution): boolean {
  const { matrix, rowLower, rowUpper, numRows, numCols } = lp.model as unknown as {
    matrix: { starts: ArrayLike<number>; indices: ArrayLike<number>; values: ArrayLike<number> };
    rowLower: ArrayLike<number>;
    rowUpper: ArrayLike<number>;
    numRows: number;
    numCols: number;
  };
  const activity = new Float64Array(numRows);
  for (let j = 0; j < numCols; j++)
    for (let e = matrix.starts[j]; e < matrix.starts[j + 1]; e++)
      activity[matrix.indices[e]] += matrix.values[e] * solution.x[j];
  for (let i = 0; i < numRows; i++) {
    const slack = 1e-6 * Math.max(1, Math.abs(activity[i]));
    if (activity[i] < rowLower[i] - slack || activity[i] > rowUpper[i] + slack) return false;
  }
  return solution.x.every((x) => x >= -1e-9);
}

describe('solving a plan LP by either solver', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('the dual simplex and the interior point agree, with feasible flows and duals that prove the optimum', () => {
    const rng = createRng(20261205);
    for (let n = 0; n < INSTANCES; n++) {
      const { lp, commodities } = randomLp(rng, highs);
      const simplex = solveLp(highs, lp.model, Infinity);
      const interior = solveLp(highs, lp.model, 0);
      expect([simplex.solver, interior.solver]).toEqual(['simplex', 'ipm']);
      const scale = Math.max(1, Math.abs(simplex.objective));
      expect(Math.abs(interior.objective - simplex.objective) / scale).toBeLessThan(TOLERANCE);
      for (const solution of [simplex, interior]) {
        expect(feasible(lp, solution)).toBe(true);
        const bound = dualBound(lp.model, solution.rowDual, commodities);
        expect(bound).toBeLessThanOrEqual(solution.objective + TOLERANCE * scale);
        expect(bound).toBeGreaterThanOrEqual(solution.objective - TOLERANCE * scale);
      }
    }
  });
});
