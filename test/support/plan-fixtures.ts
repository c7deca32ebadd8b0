/**
 * Commodities and columns with no network behind them, for tests of the planner's
 * bounds and LPs: what matters there is each column's cost and the resources it uses.
 */
import type { Column } from '../../src/plans/columns';
import type { Commodity } from '../../src/plans/commodities';

/** Commodity `id` of `parcels` parcels (numbered 100·id…), each of `minKg`. */
export function commodity(id: number, parcels: number, minKg = 1): Commodity {
  return {
    id,
    origin: 0,
    destination: 1,
    readyAt: 0,
    deadline: 0,
    parcels: Array.from({ length: parcels }, (_, i) => 100 * id + i),
    minKg,
    maxKg: minKg,
    representative: 100 * id,
  };
}

const NONE = new Int32Array(0);

/** A route of commodity `commodity` costing `fixed + perKg · w` a parcel, through the resources `uses`. */
export function column(commodity: number, fixed: number, uses: number[], perKg = 0, late = false): Column {
  return { commodity, legs: NONE, departs: NONE, arrivals: NONE, arriveAt: 0, fixed, perKg, late, uses };
}
