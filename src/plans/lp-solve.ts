/**
 * Solves a plan's LP with HiGHS (the `highs` package, WebAssembly, single-threaded: the runtime fixes threads to 1 and parallel off):
 * dual simplex on the sparse model, the model disposed whatever happens. The HiGHS
 * runtime is passed in (loading it is the caller's business: src/plans-runtime).
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
}

export class LpError extends Error {
  override name = 'LpError';
}

/** Solves the LP to optimality; throws LpError when HiGHS ends otherwise. */
export function solveLp(highs: Highs, model: ModelData): LpSolution {
  const started = performance.now();
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false, solver: 'simplex', presolve: 'on' });
    m.run();
    const status = m.getModelStatus();
    const { optimal, empty } = highs.constants.modelStatus;
    if (status === empty)
      return {
        objective: 0,
        x: new Float64Array(0),
        rowDual: new Float64Array(0),
        rowValue: new Float64Array(0),
        seconds: 0,
      };
    if (status !== optimal) throw new LpError(`HiGHS ended the plan's LP with model status ${status}, not optimal`);
    const { colValue, rowDual, rowValue } = m.getSolution();
    return {
      objective: m.getObjectiveValue(),
      x: colValue,
      rowDual,
      rowValue,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    m.dispose();
  }
}
