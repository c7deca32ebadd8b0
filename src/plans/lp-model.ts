/**
 * The path-flow LP of a plan (docs/plans.md), as HiGHS's sparse model (CSC):
 *
 *   minimise   Σ_k Σ_{r∈R(k)} (fixed_r + perKg_r · w_k + late_r · latePenalty) · x_kr + Σ_k unplannedPenalty · u_k
 *   subject to Σ_{r∈R(k)} x_kr + u_k = n_k                        for every commodity k   (demand)
 *              Σ_{x_kr using departure d} x_kr        ≤ parcels left on d                   (departure parcels)
 *              Σ_{x_kr using departure d} g_k · x_kr  ≤ grams left on d                     (departure kilograms)
 *              Σ_{x_kr leaving hub h on day t} x_kr  ≤ parcels left on h that day          (hub-day)
 *              x, u ≥ 0
 *
 * where w_k and g_k are the lightest weight of commodity k (kg and whole grams) and n_k
 * its parcels. Columns 0..P−1 are the paths, P..P+K−1 the unplanned variables. A
 * capacity row that no flow can exceed (all the parcels that could pass fit) is left out:
 * most rows, on real instances.
 */
import type { ModelData } from 'highs';
import { gramsOf } from '../routing/capacity/loads';
import { columnCharge, type Column } from './columns';
import type { Commodity } from './commodities';
import type { Resource } from './resources';
import type { PlanPenalties } from './types';

export interface PathLp {
  model: ModelData;
  /** Row of each resource's parcels and grams; −1 where it is left out (it cannot bind). */
  parcelRow: Int32Array;
  gramsRow: Int32Array;
  nonzeros: number;
}

/** The most parcels (and LP grams) any x can put through each resource. */
function mostThrough(
  commodities: readonly Commodity[],
  columns: readonly Column[],
  count: number,
): { parcels: Float64Array; grams: Float64Array } {
  const parcels = new Float64Array(count);
  const grams = new Float64Array(count);
  // A commodity counts once per resource, however many of its columns use it, in whatever order they come.
  const seenBy = new Int32Array(count).fill(-1);
  for (const col of byCommodity(commodities.length, columns)) {
    const c = commodities[col.commodity];
    for (const r of col.uses) {
      if (seenBy[r] === col.commodity) continue;
      seenBy[r] = col.commodity;
      parcels[r] += c.parcels.length;
      grams[r] += c.parcels.length * gramsOf(c.minKg);
    }
  }
  return { parcels, grams };
}

/** The columns grouped by commodity (a counting sort): each commodity's come together. */
function byCommodity(commodities: number, columns: readonly Column[]): Column[] {
  const next = new Int32Array(commodities + 1);
  for (const col of columns) next[col.commodity + 1]++;
  for (let k = 0; k < commodities; k++) next[k + 1] += next[k];
  const grouped: Column[] = new Array<Column>(columns.length);
  for (const col of columns) grouped[next[col.commodity]++] = col;
  return grouped;
}

/**
 * The capacity rows the LP over `columns` keeps, numbered from `firstRow`: a resource's
 * parcels row when more parcels could pass it than it has room for, its grams row
 * likewise (−1: left out). The LP over any subset of `columns` keeps no other rows.
 */
function keptRows(
  commodities: readonly Commodity[],
  columns: readonly Column[],
  resources: readonly Resource[],
  firstRow: number,
): { parcelRow: Int32Array; gramsRow: Int32Array } {
  const parcelRow = new Int32Array(resources.length).fill(-1);
  const gramsRow = new Int32Array(resources.length).fill(-1);
  const { parcels: most, grams: mostGrams } = mostThrough(commodities, columns, resources.length);
  let row = firstRow;
  resources.forEach((r, i) => {
    if (most[i] > r.parcelsLeft) parcelRow[i] = row++;
    if (r.gramsLeft < Infinity && mostGrams[i] > r.gramsLeft) gramsRow[i] = row++;
  });
  return { parcelRow, gramsRow };
}

/**
 * The nonzeros each of `columns` has in the LP over them all (buildPathLp): its demand
 * row, and the kept rows of the resources it uses. In the LP over any subset of them a
 * column has no more; each commodity's unplanned column adds one.
 */
export function columnNonzeros(
  commodities: readonly Commodity[],
  columns: readonly Column[],
  resources: readonly Resource[],
): Int32Array {
  const { parcelRow, gramsRow } = keptRows(commodities, columns, resources, 0);
  return Int32Array.from(columns, (col) => {
    let n = 1;
    for (const r of col.uses) n += (parcelRow[r] >= 0 ? 1 : 0) + (gramsRow[r] >= 0 ? 1 : 0);
    return n;
  });
}

export function buildPathLp(
  commodities: readonly Commodity[],
  columns: readonly Column[],
  resources: readonly Resource[],
  penalties: PlanPenalties,
  infinity: number,
): PathLp {
  const K = commodities.length;
  const P = columns.length;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const c of commodities) {
    rowLower.push(c.parcels.length);
    rowUpper.push(c.parcels.length);
  }
  // A row that no x can violate is left out: the most that can flow through the resource
  // (each commodity with a column through it at most all its parcels) fits. The LP is the same.
  const { parcelRow, gramsRow } = keptRows(commodities, columns, resources, K);
  resources.forEach((r, i) => {
    if (parcelRow[i] >= 0) {
      rowLower.push(-infinity);
      rowUpper.push(r.parcelsLeft);
    }
    if (gramsRow[i] >= 0) {
      rowLower.push(-infinity);
      rowUpper.push(r.gramsLeft);
    }
  });
  const numRows = rowLower.length;

  let nonzeros = K;
  for (const col of columns) {
    nonzeros += 1;
    for (const r of col.uses) nonzeros += (parcelRow[r] >= 0 ? 1 : 0) + (gramsRow[r] >= 0 ? 1 : 0);
  }
  const starts = new Int32Array(P + K + 1);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  const colCost = new Float64Array(P + K);
  let k = 0;
  for (let j = 0; j < P; j++) {
    const col = columns[j];
    const commodity = commodities[col.commodity];
    starts[j] = k;
    colCost[j] = columnCharge(col, commodity.minKg, penalties.latePenalty);
    // Row indices ascending within a column: the demand row comes first, resources follow in row order.
    const entries: [number, number][] = [[col.commodity, 1]];
    const grams = gramsOf(commodity.minKg);
    for (const r of col.uses) {
      if (parcelRow[r] >= 0) entries.push([parcelRow[r], 1]);
      if (gramsRow[r] >= 0) entries.push([gramsRow[r], grams]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    for (const [row, value] of entries) {
      indices[k] = row;
      values[k++] = value;
    }
  }
  for (let c = 0; c < K; c++) {
    starts[P + c] = k;
    colCost[P + c] = penalties.unplannedPenalty;
    indices[k] = c;
    values[k++] = 1;
  }
  starts[P + K] = k;
  const numCols = P + K;
  const model: ModelData = {
    numCols,
    numRows,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(infinity),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
  };
  return { model, parcelRow, gramsRow, nonzeros };
}
