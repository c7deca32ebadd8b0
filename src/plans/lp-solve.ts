/**
 * Solves a plan's LP with HiGHS (the `highs` package, WebAssembly, single-threaded: the runtime fixes threads to 1 and parallel off):
 * dual simplex on the sparse model, the model disposed whatever happens. The HiGHS
 * runtime is passed in (loading it is the caller's business: src/plans-runtime).
 */
import type { Basis, BasisInput, Highs, ModelData } from 'highs';

export interface LpSolution {
  objective: number;
  /** Primal values of the columns. */
  x: Float64Array;
  /** Row duals (for a minimisation, ≤ 0 on ≤ rows). */
  rowDual: Float64Array;
  /** Row activities. */
  rowValue: Float64Array;
  seconds: number;
  /** The optimal basis, to start the next solve of a grown model from (warmBasis). */
  basis: Basis | undefined;
  simplexIterations: number;
}

export class LpError extends Error {
  override name = 'LpError';
}

/**
 * Solves the LP to optimality, from `start` when given (a basis of the model before it
 * grew: warmBasis); throws LpError when HiGHS ends otherwise.
 */
export function solveLp(highs: Highs, model: ModelData, start?: BasisInput): LpSolution {
  const started = performance.now();
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false, solver: 'simplex', presolve: start ? 'off' : 'on' });
    if (start) m.setBasis(start);
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
        basis: undefined,
        simplexIterations: 0,
      };
    if (status !== optimal) throw new LpError(`HiGHS ended the plan's LP with model status ${status}, not optimal`);
    const { colValue, rowDual, rowValue } = m.getSolution();
    return {
      objective: m.getObjectiveValue(),
      x: colValue,
      rowDual,
      rowValue,
      seconds: (performance.now() - started) / 1000,
      basis: m.getBasis(),
      simplexIterations: Number(m.info.get('simplex_iteration_count')),
    };
  } finally {
    m.dispose();
  }
}

/**
 * A starting basis for a model grown from `before` (solved with `basis`): the same paths
 * then new ones (nonbasic at 0), the unplanned columns after them; the same demand rows,
 * and each resource's rows by the resource, a row new to the model basic (its slack).
 */
export function warmBasis(
  basis: Basis,
  before: { paths: number; parcelRow: Int32Array; gramsRow: Int32Array },
  after: { paths: number; parcelRow: Int32Array; gramsRow: Int32Array; numRows: number },
  commodities: number,
): BasisInput {
  const LOWER = 0;
  const BASIC = 1;
  const colStatus = new Int32Array(after.paths + commodities).fill(LOWER);
  colStatus.set(basis.colStatus.subarray(0, before.paths), 0);
  colStatus.set(basis.colStatus.subarray(before.paths, before.paths + commodities), after.paths);
  const rowStatus = new Int32Array(after.numRows).fill(BASIC);
  rowStatus.set(basis.rowStatus.subarray(0, commodities), 0);
  for (let r = 0; r < after.parcelRow.length; r++) {
    if (r < before.parcelRow.length && before.parcelRow[r] >= 0 && after.parcelRow[r] >= 0)
      rowStatus[after.parcelRow[r]] = basis.rowStatus[before.parcelRow[r]];
    if (r < before.gramsRow.length && before.gramsRow[r] >= 0 && after.gramsRow[r] >= 0)
      rowStatus[after.gramsRow[r]] = basis.rowStatus[before.gramsRow[r]];
  }
  return {
    colStatus: colStatus as unknown as BasisInput['colStatus'],
    rowStatus: rowStatus as unknown as BasisInput['rowStatus'],
  };
}
