/**
 * Granular neighbourhoods (Toth & Vigo 2003; HGS-CVRP keeps 20): each job's
 * closest jobs, where close is the cost between them plus, with time windows, the
 * waiting and the time warp that going from one to the other implies (weights 0.2
 * and 1, as PyVRP's defaults). The relation is made symmetric. Local search only
 * tries moves between a job and its neighbours.
 */
import type { TourProblem } from './problem';

const WAIT_WEIGHT = 0.2;
const WARP_WEIGHT = 1;
/** Above this many jobs, candidates come from a grid over planar coordinates instead of from every pair. */
const FULL_SCAN_LIMIT = 2500;

export function granularNeighbours(problem: TourProblem, count: number, planar: Float64Array): Int32Array[] {
  const n = problem.n;
  const k = Math.min(count, n - 1);
  const C = problem.vehicleCost[0];
  const T = problem.vehicleDuration[0];
  const loc = problem.nodeLoc;
  const closeness = (i: number, j: number) => {
    const li = loc[i];
    const lj = loc[j];
    let value = C.get(li, lj);
    if (problem.hasTime) {
      const t = T.get(li, lj);
      const arrival = problem.nodeTwStart[i] + problem.nodeService[i] + t;
      const wait = problem.nodeTwStart[j] - (problem.nodeTwEnd[i] + problem.nodeService[i] + t);
      const warp = arrival - problem.nodeTwEnd[j];
      if (wait > 0 && Number.isFinite(wait)) value += WAIT_WEIGHT * wait;
      if (warp > 0 && Number.isFinite(warp)) value += WARP_WEIGHT * warp;
    }
    return value;
  };
  const candidates = n > FULL_SCAN_LIMIT ? gridCandidates(problem, planar, 4 * k + 8) : undefined;
  const sets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const best = new Int32Array(k);
  const bestScore = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    const consider = (j: number) => {
      if (j === i) return;
      const score = closeness(i, j);
      if (size === k && score >= bestScore[k - 1]) return;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && bestScore[at - 1] > score) {
        best[at] = best[at - 1];
        bestScore[at] = bestScore[at - 1];
        at--;
      }
      best[at] = j;
      bestScore[at] = score;
    };
    if (candidates) candidates[i].forEach(consider);
    else for (let j = 0; j < n; j++) consider(j);
    for (let a = 0; a < size; a++) {
      sets[i].add(best[a]);
      sets[best[a]].add(i);
    }
  }
  return sets.map((set) => Int32Array.from([...set].sort((a, b) => a - b)));
}

/** For each job, at least `want` other jobs from the grid cells around it (rings grow until enough). */
function gridCandidates(problem: TourProblem, planar: Float64Array, want: number): number[][] {
  const n = problem.n;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = planar[2 * problem.nodeLoc[i]];
    ys[i] = planar[2 * problem.nodeLoc[i] + 1];
  }
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const side = Math.max(1, Math.ceil(Math.sqrt(n / 4)));
  const cell = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY, 1e-9) / side;
  const key = (cx: number, cy: number) => cy * (side + 1) + cx;
  const cells = new Map<number, number[]>();
  const cx = (i: number) => Math.min(side, Math.floor((xs[i] - minX) / cell));
  const cy = (i: number) => Math.min(side, Math.floor((ys[i] - minY) / cell));
  for (let i = 0; i < n; i++) {
    const list = cells.get(key(cx(i), cy(i))) ?? [];
    list.push(i);
    cells.set(key(cx(i), cy(i)), list);
  }
  return Array.from({ length: n }, (_, i) => {
    const out: number[] = [];
    for (let ring = 0; out.length < want && ring <= side; ring++) {
      for (let gx = cx(i) - ring; gx <= cx(i) + ring; gx++) {
        for (let gy = cy(i) - ring; gy <= cy(i) + ring; gy++) {
          if (gx < 0 || gy < 0 || gx > side || gy > side) continue;
          if (Math.max(Math.abs(gx - cx(i)), Math.abs(gy - cy(i))) !== ring) continue;
          for (const j of cells.get(key(gx, gy)) ?? []) if (j !== i) out.push(j);
        }
      }
    }
    return out;
  });
}
