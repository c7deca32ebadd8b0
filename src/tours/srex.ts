/**
 * Selective route exchange crossover (SREX; Nagata & Kobayashi 2010, as in PyVRP):
 * a run of consecutive routes of parent A (routes ordered by the polar angle of
 * their centroid) is replaced by a run of as many routes of parent B, shifted to
 * overlap A's run as much as possible. Two offspring come out: one keeps B's
 * routes whole and drops the duplicated jobs from A's other routes, the other
 * keeps A's other routes whole and drops the duplicates from B's routes. Jobs left
 * in neither are inserted by the local search. The offspring whose routes cost
 * less, with each missing job priced at twice its distance to its nearest
 * neighbour, is returned.
 */
import type { Rng } from '../synthetic/prng';
import type { Individual } from './individual';
import type { TourProblem } from './problem';

export class Srex {
  private readonly angle: Float64Array;
  private readonly inA: Uint8Array;
  private readonly inB: Uint8Array;
  /** The centre routes are ordered around: the first vehicle's start, else the centroid of all locations. */
  private readonly cx: number;
  private readonly cy: number;

  constructor(
    private readonly problem: TourProblem,
    private readonly planar: Float64Array,
    private readonly neighbours: readonly Int32Array[],
  ) {
    this.angle = new Float64Array(problem.vehicleCount);
    this.inA = new Uint8Array(problem.n);
    this.inB = new Uint8Array(problem.n);
    const depot = problem.vehicleCount ? problem.nodeLoc[problem.startNode(0)] : problem.nowhere;
    let cx = 0;
    let cy = 0;
    if (depot !== problem.nowhere) {
      [cx, cy] = [planar[2 * depot], planar[2 * depot + 1]];
    } else {
      for (let l = 0; l < problem.locations; l++) {
        cx += planar[2 * l] / problem.locations;
        cy += planar[2 * l + 1] / problem.locations;
      }
    }
    this.cx = cx;
    this.cy = cy;
  }

  cross(a: Individual, b: Individual, rng: Rng): Int32Array[] {
    const routesA = this.ordered(a);
    const routesB = this.ordered(b);
    if (routesA.length === 0 || routesB.length === 0) return (routesA.length ? a : b).routes.map((r) => r.slice());
    const moved = rng.int(1, Math.min(routesA.length, routesB.length));
    const startA = rng.int(0, routesA.length - 1);
    let startB = rng.int(0, routesB.length - 1);
    const pick = (routes: number[], start: number) =>
      Array.from({ length: moved }, (_, i) => routes[(start + i) % routes.length]);
    const selA = pick(routesA, startA);
    this.mark(this.inA, a, selA);
    const overlap = (start: number) => {
      let shared = 0;
      for (const r of pick(routesB, start)) for (const x of b.routes[r]) shared += this.inA[x];
      return shared;
    };
    let best = overlap(startB);
    for (let step = 0; step < routesB.length; step++) {
      const left = (startB - 1 + routesB.length) % routesB.length;
      const right = (startB + 1) % routesB.length;
      const [l, r] = [overlap(left), overlap(right)];
      if (Math.max(l, r) <= best) break;
      [startB, best] = l >= r ? [left, l] : [right, r];
    }
    const selB = pick(routesB, startB);
    this.mark(this.inB, b, selB);

    const first = this.offspring(a, b, selA, selB, true);
    const second = this.offspring(a, b, selA, selB, false);
    return this.estimate(first) <= this.estimate(second) ? first : second;
  }

  /** A's routes outside selA, and B's selected routes on free vehicles; `keepB`: the duplicates leave A's routes, else B's. */
  private offspring(a: Individual, b: Individual, selA: number[], selB: number[], keepB: boolean): Int32Array[] {
    const p = this.problem;
    const routes: Int32Array[] = a.routes.map(() => new Int32Array(0));
    const taken = new Uint8Array(p.vehicleCount);
    const selectedA = new Set(selA);
    for (let v = 0; v < p.vehicleCount; v++) {
      if (selectedA.has(v) || a.routes[v].length === 0) continue;
      routes[v] = keepB ? a.routes[v].filter((x) => !this.inB[x]) : a.routes[v];
      taken[v] = 1;
    }
    for (const r of selB) {
      const v = this.freeVehicle(r, taken);
      if (v < 0) continue;
      taken[v] = 1;
      // Without keepB, B's jobs already served by A's other routes leave B's route.
      routes[v] = keepB ? b.routes[r] : b.routes[r].filter((x) => this.inA[x] || !this.servedOutside(a, x));
    }
    return routes;
  }

  private servedOutside(a: Individual, x: number): boolean {
    return a.successor[x] !== -2 && !this.inA[x];
  }

  /** Vehicle r itself when free, else a free one of its type, else any free one; −1 if none. */
  private freeVehicle(r: number, taken: Uint8Array): number {
    const p = this.problem;
    if (!taken[r]) return r;
    let any = -1;
    for (let v = 0; v < p.vehicleCount; v++) {
      if (taken[v]) continue;
      if (p.vehicleType[v] === p.vehicleType[r]) return v;
      if (any < 0) any = v;
    }
    return any;
  }

  private estimate(routes: Int32Array[]): number {
    const p = this.problem;
    const served = new Uint8Array(p.n);
    let cost = 0;
    routes.forEach((jobs, v) => {
      if (jobs.length === 0) return;
      const C = p.vehicleCost[v];
      let prev = p.nodeLoc[p.startNode(v)];
      for (const x of jobs) {
        served[x] = 1;
        cost += C.get(prev, p.nodeLoc[x]);
        prev = p.nodeLoc[x];
      }
      cost += C.get(prev, p.nodeLoc[p.endNode(v)]);
    });
    const C = p.vehicleCost[0];
    for (let x = 0; x < p.n; x++) {
      if (served[x] || this.neighbours[x].length === 0) continue;
      let nearest = Infinity;
      for (const y of this.neighbours[x]) nearest = Math.min(nearest, C.get(p.nodeLoc[x], p.nodeLoc[y]));
      cost += 2 * nearest;
    }
    return cost;
  }

  private mark(flags: Uint8Array, parent: Individual, selected: number[]): void {
    flags.fill(0);
    for (const r of selected) for (const x of parent.routes[r]) flags[x] = 1;
  }

  /** The parent's non-empty routes by the polar angle of their centroid. */
  private ordered(parent: Individual): number[] {
    const p = this.problem;
    const xy = this.planar;
    const { cx, cy } = this;
    const out: number[] = [];
    parent.routes.forEach((jobs, v) => {
      if (jobs.length === 0) return;
      let sx = 0;
      let sy = 0;
      for (const x of jobs) {
        sx += xy[2 * p.nodeLoc[x]];
        sy += xy[2 * p.nodeLoc[x] + 1];
      }
      this.angle[v] = Math.atan2(sy / jobs.length - cy, sx / jobs.length - cx);
      out.push(v);
    });
    return out.sort((x, y) => this.angle[x] - this.angle[y] || x - y);
  }
}
