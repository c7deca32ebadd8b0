/**
 * The angular sector a route covers around its depot (HGS-CVRP's CircleSector):
 * SWAP* is tried only between routes whose sectors overlap. Angles are integers
 * in [0, 65536), so that the sector arithmetic wraps around exactly.
 */
const FULL = 65536;

function positiveMod(x: number): number {
  return ((x % FULL) + FULL) % FULL;
}

export class CircleSectors {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly empty: Uint8Array;

  constructor(count: number) {
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.empty = new Uint8Array(count).fill(1);
  }

  reset(r: number): void {
    this.empty[r] = 1;
  }

  /** Grows route r's sector to hold the angle, the shorter way round. */
  extend(r: number, angle: number): void {
    if (this.empty[r]) {
      this.start[r] = angle;
      this.end[r] = angle;
      this.empty[r] = 0;
      return;
    }
    if (this.contains(r, angle)) return;
    if (positiveMod(angle - this.end[r]) <= positiveMod(this.start[r] - angle)) this.end[r] = angle;
    else this.start[r] = angle;
  }

  overlap(a: number, b: number): boolean {
    if (this.empty[a] || this.empty[b]) return false;
    return (
      positiveMod(this.start[b] - this.start[a]) <= positiveMod(this.end[a] - this.start[a]) ||
      positiveMod(this.start[a] - this.start[b]) <= positiveMod(this.end[b] - this.start[b])
    );
  }

  private contains(r: number, angle: number): boolean {
    return positiveMod(angle - this.start[r]) <= positiveMod(this.end[r] - this.start[r]);
  }
}

/** An angle in [0, 65536) from (dx, dy). */
export function sectorAngle(dx: number, dy: number): number {
  return positiveMod(Math.round((32768 * Math.atan2(dy, dx)) / Math.PI));
}
