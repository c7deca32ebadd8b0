/**
 * Travel matrices of the tour solver: distances (metres), durations (seconds) or
 * costs between locations, all integers. Every matrix has one extra location at
 * the end, `size - 1`, that is nowhere: 0 to and from everything. A vehicle
 * without a start (or an end) starts (or ends) there, as in VROOM.
 */

export interface Matrix {
  /** Locations, the nowhere location included. */
  readonly size: number;
  get(from: number, to: number): number;
}

/** A full matrix in one typed array, row by row. */
export class DenseMatrix implements Matrix {
  constructor(
    readonly size: number,
    readonly values: Int32Array,
  ) {
    if (values.length !== size * size) throw new RangeError(`a ${size}×${size} matrix needs ${size * size} values`);
  }

  /** From rows over the real locations (square, checked by the caller); the nowhere row and column are added. */
  static fromRows(rows: readonly (readonly number[])[]): DenseMatrix {
    const size = rows.length + 1;
    const values = new Int32Array(size * size);
    rows.forEach((row, i) => {
      for (let j = 0; j < row.length; j++) values[i * size + j] = row[j];
    });
    return new DenseMatrix(size, values);
  }

  /** Every value of another matrix, computed once. */
  static of(matrix: Matrix): DenseMatrix {
    const { size } = matrix;
    const values = new Int32Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) values[i * size + j] = matrix.get(i, j);
    return new DenseMatrix(size, values);
  }

  get(from: number, to: number): number {
    return this.values[from * this.size + to];
  }
}

/** Another matrix's values divided by a number, rounded: durations at a vehicle's speed factor, or distances at a speed. */
export class ScaledMatrix implements Matrix {
  readonly size: number;

  constructor(
    readonly base: Matrix,
    readonly divisor: number,
  ) {
    this.size = base.size;
  }

  get(from: number, to: number): number {
    return Math.round(this.base.get(from, to) / this.divisor);
  }
}

const RAD = Math.PI / 180;
/** The contract's earth radius for tours, in metres. */
export const TOUR_EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance (haversine) × a detour factor, rounded to the metre, computed on each call. */
export class GeoMatrix implements Matrix {
  readonly size: number;
  private readonly latRad: Float64Array;
  private readonly lonRad: Float64Array;
  private readonly cosLat: Float64Array;

  /** `lonLat` holds lon, lat (degrees) of each real location. */
  constructor(
    lonLat: Float64Array,
    readonly detourFactor: number,
  ) {
    const count = lonLat.length / 2;
    this.size = count + 1;
    this.latRad = new Float64Array(count);
    this.lonRad = new Float64Array(count);
    this.cosLat = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      this.lonRad[i] = lonLat[2 * i] * RAD;
      this.latRad[i] = lonLat[2 * i + 1] * RAD;
      this.cosLat[i] = Math.cos(this.latRad[i]);
    }
  }

  get(from: number, to: number): number {
    const nowhere = this.size - 1;
    if (from === nowhere || to === nowhere || from === to) return 0;
    const sinLat = Math.sin((this.latRad[to] - this.latRad[from]) / 2);
    const sinLon = Math.sin((this.lonRad[to] - this.lonRad[from]) / 2);
    const h = sinLat * sinLat + this.cosLat[from] * this.cosLat[to] * sinLon * sinLon;
    return Math.round(2 * TOUR_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))) * this.detourFactor);
  }
}

/** Matrices up to this many locations are computed once into memory (Int32: 36 MB at 3,000). */
export const DENSE_LIMIT = 3001;

/** The matrix itself, or its values in memory when it is small enough: the solver's reads are then one array access. */
export function densified(matrix: Matrix): Matrix {
  return matrix instanceof DenseMatrix || matrix.size > DENSE_LIMIT ? matrix : DenseMatrix.of(matrix);
}
