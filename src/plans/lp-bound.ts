/**
 * A proven lower bound from the LP's duals, that does not trust the solver's
 * tolerances: for any row prices y (free on the demand rows, ≤ 0 on the ≤ rows),
 * weak duality gives, for every feasible x with 0 ≤ x_j ≤ n_k(j),
 *
 *   c·x ≥ y·b + Σ_j min(0, c_j − a_j·y) · n_k(j)
 *
 * (each column's reduced cost counted at its worst, every column bounded by its
 * commodity's parcels: the right-hand side of its demand row, which lp-model.ts puts
 * first in every column). At an optimal dual it equals the LP optimum; a slightly
 * infeasible one from the solver only lowers it.
 */
import type { ModelData } from 'highs';

export function dualBound(model: ModelData, rowDual: Float64Array, demandRows: number): number {
  const { starts, indices, values } = model.matrix;
  const y = Float64Array.from(rowDual, (v, i) => (i < demandRows ? v : Math.min(0, v)));
  let bound = 0;
  for (let i = 0; i < model.numRows; i++) {
    const b = i < demandRows ? model.rowLower[i] : model.rowUpper[i];
    if (y[i] !== 0) bound += y[i] * b;
  }
  for (let j = 0; j < model.numCols; j++) {
    let rc = model.colCost[j];
    for (let k = starts[j]; k < starts[j + 1]; k++) rc -= values[k] * y[indices[k]];
    if (rc < 0) bound += rc * model.rowLower[indices[starts[j]]];
  }
  return bound;
}
