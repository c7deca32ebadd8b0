/**
 * Planar coordinates for every location: the caller's (x, y), or, from the cost
 * matrix alone, a two-dimensional FastMap embedding (Faloutsos & Lin 1995). They
 * only order things in space (route sectors for SWAP*, route order for the
 * crossover, grid cells for neighbours), so an approximation is enough.
 */
import type { TourProblem } from './problem';

export function planarCoordinates(problem: TourProblem): Float64Array {
  if (problem.planar) return problem.planar;
  const L = problem.locations;
  const C = problem.vehicleCost[0];
  const xy = new Float64Array(2 * L);
  if (L < 2 || !C) return xy;
  const base = (i: number, j: number) => (C.get(i, j) + C.get(j, i)) / 2;
  const sq = (i: number, j: number, axis: number) => {
    let d = base(i, j) ** 2;
    for (let k = 0; k < axis; k++) d -= (xy[2 * i + k] - xy[2 * j + k]) ** 2;
    return Math.max(0, d);
  };
  for (let axis = 0; axis < 2; axis++) {
    const farthest = (from: number) => {
      let best = from;
      for (let i = 0; i < L; i++) if (sq(from, i, axis) > sq(from, best, axis)) best = i;
      return best;
    };
    const b = farthest(0);
    const a = farthest(b);
    const ab = sq(a, b, axis);
    if (ab === 0) break;
    for (let i = 0; i < L; i++) xy[2 * i + axis] = (sq(a, i, axis) + ab - sq(b, i, axis)) / (2 * Math.sqrt(ab));
  }
  return xy;
}
