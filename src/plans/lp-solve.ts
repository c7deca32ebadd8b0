/**
 * Solves a plan's LP with HiGHS (the `highs` package, WebAssembly, single-threaded: the
 * runtime fixes threads to 1 and parallel off), the model disposed whatever happens.
 *
 * The solver depends on the LP's size (docs/plans.md, "Solving the LP"): the dual simplex
 * up to SIMPLEX_MAX_ROWS rows (a part of a split plan: 1.5–6× faster than the interior
 * point there), the interior point (IPX) with crossover to a vertex above (the whole
 * plan's LP, a large model: the dual simplex took 3.6–4.6× as long on those at 5,000
 * parcels). Either
 * ends at a vertex, which is what rounding wants (most flows whole). When the solver
 * does not end optimal (a numerical failure), the same model is solved again by the
 * other. The HiGHS runtime is passed in (loading it is the caller's business:
 * src/plans-pool).
 */
import type { Highs, ModelData } from 'highs';

export interface LpSolution {
  objective: number;
  /** Primal values of the columns. */
  x: Float64Array;
  /** Row duals (for a minimisation, ≤ 0 on ≤ rows). */
  rowDual: Float64Array;
  /** Row activities. */
  rowValue: Float64Array;
  seconds: number;
  /** Interior-point, crossover and simplex iterations of the solve. */
  iterations: number;
  /** The solver that ended it optimal. */
  solver: Solver;
}

type Solver = 'simplex' | 'ipm';

export class LpError extends Error {
  override name = 'LpError';
}

const EMPTY: Omit<LpSolution, 'seconds' | 'solver'> = {
  objective: 0,
  x: new Float64Array(0),
  rowDual: new Float64Array(0),
  rowValue: new Float64Array(0),
  iterations: 0,
};

/** The most rows of an LP the dual simplex solves; the interior point takes larger ones. @defaultValue */
export const SIMPLEX_MAX_ROWS = 6_000;

/** Solves the LP to optimality; throws LpError when neither solver ends optimal. */
export function solveLp(highs: Highs, model: ModelData, simplexMaxRows = SIMPLEX_MAX_ROWS): LpSolution {
  const started = performance.now();
  const [first, second] =
    model.numRows <= simplexMaxRows ? (['simplex', 'ipm'] as const) : (['ipm', 'simplex'] as const);
  const attempt = solveWith(highs, model, first);
  const solved = attempt.optimal ? attempt : solveWith(highs, model, second, attempt.iterations);
  if (!solved.optimal) throw new LpError(`HiGHS ended the plan's LP with model status ${solved.status}, not optimal`);
  return { ...solved.solution, seconds: (performance.now() - started) / 1000 };
}

const ITERATION_COUNTS = ['ipm_iteration_count', 'crossover_iteration_count', 'simplex_iteration_count'];

/** An iteration count HiGHS reports (−1 or unavailable: none). */
function counted(read: () => number | bigint): number {
  try {
    return Math.max(0, Number(read()));
  } catch {
    return 0;
  }
}

/** A solve that ended optimal, or how it ended and the iterations it spent (counted into the next). */
type Attempt =
  { optimal: true; solution: Omit<LpSolution, 'seconds'> } | { optimal: false; status: number; iterations: number };

function solveWith(highs: Highs, model: ModelData, solver: Solver, before = 0): Attempt {
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false, solver, presolve: 'on', ...(solver === 'ipm' && { run_crossover: 'on' }) });
    m.run();
    const status = m.getModelStatus();
    const iterations = before + ITERATION_COUNTS.reduce((sum, name) => sum + counted(() => m.info.get(name)), 0);
    const { optimal, empty } = highs.constants.modelStatus;
    if (status === empty) return { optimal: true, solution: { ...EMPTY, iterations, solver } };
    if (status !== optimal) return { optimal: false, status, iterations };
    const { colValue, rowDual, rowValue } = m.getSolution();
    return {
      optimal: true,
      solution: { objective: m.getObjectiveValue(), x: colValue, rowDual, rowValue, iterations, solver },
    };
  } finally {
    m.dispose();
  }
}
