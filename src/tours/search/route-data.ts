/**
 * The local search's routes: doubly linked nodes, and for every node the data of
 * the segment from its route's start to it (forward) and from it to its route's
 * last job (backward, the end depot left out so that a tail can move to another
 * route). With them any route made of a prefix, a few nodes and a suffix is
 * evaluated in constant time (Vidal et al. 2013, "A hybrid genetic algorithm with
 * adaptive diversity management…", time-window segments with time warp).
 *
 * Route r is vehicle r's route.
 */
import type { PenaltyWeights } from '../penalties';
import type { TourProblem } from '../problem';
import { concatTime, timeScratch } from './time-segment';

// Math's functions held here: a global lookup per call is slow where globals are intercepted (jest's vm contexts).
const { max } = Math;

export class RouteData {
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** The route holding a node; −1 = unassigned. */
  readonly routeOf: Int32Array;
  /** Position in its route: the start depot is 0. */
  readonly pos: Int32Array;

  readonly fCost: Float64Array;
  readonly fDist: Float64Array;
  readonly fTravel: Float64Array;
  readonly fTasks: Float64Array;
  readonly fDel: Float64Array;
  readonly fPick: Float64Array;
  readonly fMax: Float64Array;
  readonly fD: Float64Array;
  readonly fTW: Float64Array;
  readonly fE: Float64Array;
  readonly fL: Float64Array;

  readonly bCost: Float64Array;
  readonly bDist: Float64Array;
  readonly bTravel: Float64Array;
  readonly bTasks: Float64Array;
  readonly bDel: Float64Array;
  readonly bPick: Float64Array;
  readonly bMax: Float64Array;
  readonly bD: Float64Array;
  readonly bTW: Float64Array;
  readonly bE: Float64Array;
  readonly bL: Float64Array;

  /** Penalised cost of each route under `weights`; 0 for an empty route. */
  readonly routeCost: Float64Array;
  /** Penalised cost minus cost: what a move on the route could at most save beyond its cost. */
  readonly routePenalty: Float64Array;
  readonly routeSize: Int32Array;
  readonly routeLast: Int32Array;
  /** Move counter when the route last changed. */
  readonly routeStamp: Float64Array;

  constructor(
    readonly problem: TourProblem,
    public weights: PenaltyWeights,
  ) {
    const N = problem.nodeCount;
    const K = problem.dims;
    const V = problem.vehicleCount;
    const f64 = (size: number) => new Float64Array(size);
    this.next = new Int32Array(N);
    this.prev = new Int32Array(N);
    this.routeOf = new Int32Array(N).fill(-1);
    this.pos = new Int32Array(N);
    this.fCost = f64(N);
    this.fDist = f64(N);
    this.fTravel = f64(N);
    this.fTasks = f64(N);
    this.fDel = f64(N * K);
    this.fPick = f64(N * K);
    this.fMax = f64(N * K);
    this.fD = f64(N);
    this.fTW = f64(N);
    this.fE = f64(N);
    this.fL = f64(N);
    this.bCost = f64(N);
    this.bDist = f64(N);
    this.bTravel = f64(N);
    this.bTasks = f64(N);
    this.bDel = f64(N * K);
    this.bPick = f64(N * K);
    this.bMax = f64(N * K);
    this.bD = f64(N);
    this.bTW = f64(N);
    this.bE = f64(N);
    this.bL = f64(N);
    this.routeCost = f64(V);
    this.routePenalty = f64(V);
    this.routeSize = new Int32Array(V);
    this.routeLast = new Int32Array(V);
    this.routeStamp = f64(V);
  }

  /** Every route as given (job lists per vehicle); the other jobs unassigned. */
  load(routes: readonly ArrayLike<number>[]): void {
    const { problem } = this;
    this.routeOf.fill(-1);
    for (let v = 0; v < problem.vehicleCount; v++) {
      let prev = problem.startNode(v);
      const jobs = routes[v];
      for (let i = 0; i < jobs.length; i++) {
        this.next[prev] = jobs[i];
        this.prev[jobs[i]] = prev;
        prev = jobs[i];
      }
      this.next[prev] = problem.endNode(v);
      this.prev[problem.endNode(v)] = prev;
      this.update(v);
    }
  }

  /** The jobs of each route, in order. */
  routes(): Int32Array[] {
    const { problem } = this;
    const out: Int32Array[] = [];
    for (let v = 0; v < problem.vehicleCount; v++) {
      const jobs = new Int32Array(this.routeSize[v]);
      let x = this.next[problem.startNode(v)];
      for (let i = 0; i < jobs.length; i++, x = this.next[x]) jobs[i] = x;
      out.push(jobs);
    }
    return out;
  }

  /** Recomputes positions, forward and backward data and the cost of route r: O(its length). */
  update(r: number): void {
    const p = this.problem;
    const K = p.dims;
    const C = p.vehicleCost[r];
    const Dm = p.vehicleDistance[r];
    const T = p.vehicleDuration[r];
    const {
      nodeLoc: loc,
      nodeDelivery: del,
      nodePickup: pick,
      nodeService: service,
      nodeTwStart: twS,
      nodeTwEnd: twE,
    } = p;
    const start = p.startNode(r);
    const end = p.endNode(r);
    const time = p.hasTime;
    this.routeOf[start] = r;
    this.pos[start] = 0;
    this.fCost[start] = 0;
    this.fDist[start] = 0;
    this.fTravel[start] = 0;
    this.fTasks[start] = 0;
    for (let k = 0; k < K; k++) {
      this.fDel[start * K + k] = 0;
      this.fPick[start * K + k] = 0;
      this.fMax[start * K + k] = 0;
    }
    this.fD[start] = 0;
    this.fTW[start] = 0;
    this.fE[start] = twS[start];
    this.fL[start] = twE[start];
    let a = start;
    let x = this.next[start];
    for (let i = 1; ; i++) {
      this.routeOf[x] = r;
      this.pos[x] = i;
      const la = loc[a];
      const lx = loc[x];
      this.fCost[x] = this.fCost[a] + C.get(la, lx);
      this.fDist[x] = this.fDist[a] + Dm.get(la, lx);
      this.fTasks[x] = this.fTasks[a] + (x === end ? 0 : 1);
      for (let k = 0; k < K; k++) {
        const d = del[x * K + k];
        const q = pick[x * K + k];
        const ak = a * K + k;
        this.fMax[x * K + k] = max(this.fMax[ak] + d, (d > q ? d : q) + this.fPick[ak]);
        this.fDel[x * K + k] = this.fDel[ak] + d;
        this.fPick[x * K + k] = this.fPick[ak] + q;
      }
      if (time) {
        const t = T.get(la, lx);
        this.fTravel[x] = this.fTravel[a] + t;
        concatTime(this.fD[a], this.fTW[a], this.fE[a], this.fL[a], t, service[x], 0, twS[x], twE[x]);
        this.fD[x] = timeScratch[0];
        this.fTW[x] = timeScratch[1];
        this.fE[x] = timeScratch[2];
        this.fL[x] = timeScratch[3];
      }
      if (x === end) break;
      a = x;
      x = this.next[x];
    }
    const last = this.prev[end];
    this.routeLast[r] = last;
    this.routeSize[r] = this.fTasks[end];
    for (let y = last, b = end; y !== start; b = y, y = this.prev[y]) {
      const only = b === end;
      const ly = loc[y];
      const lb = loc[b];
      this.bCost[y] = only ? 0 : C.get(ly, lb) + this.bCost[b];
      this.bDist[y] = only ? 0 : Dm.get(ly, lb) + this.bDist[b];
      this.bTasks[y] = only ? 1 : 1 + this.bTasks[b];
      for (let k = 0; k < K; k++) {
        const d = del[y * K + k];
        const q = pick[y * K + k];
        const yk = y * K + k;
        const bk = b * K + k;
        if (only) {
          this.bDel[yk] = d;
          this.bPick[yk] = q;
          this.bMax[yk] = d > q ? d : q;
        } else {
          this.bMax[yk] = max((d > q ? d : q) + this.bDel[bk], this.bMax[bk] + q);
          this.bDel[yk] = d + this.bDel[bk];
          this.bPick[yk] = q + this.bPick[bk];
        }
      }
      if (time) {
        if (only) {
          this.bTravel[y] = 0;
          this.bD[y] = service[y];
          this.bTW[y] = 0;
          this.bE[y] = twS[y];
          this.bL[y] = twE[y];
        } else {
          const t = T.get(ly, lb);
          this.bTravel[y] = t + this.bTravel[b];
          concatTime(service[y], 0, twS[y], twE[y], t, this.bD[b], this.bTW[b], this.bE[b], this.bL[b]);
          this.bD[y] = timeScratch[0];
          this.bTW[y] = timeScratch[1];
          this.bE[y] = timeScratch[2];
          this.bL[y] = timeScratch[3];
        }
      }
    }
    this.setCost(r);
  }

  /** The route's penalised cost from its end node's forward data. */
  setCost(r: number): void {
    const p = this.problem;
    const end = p.endNode(r);
    if (this.routeSize[r] === 0) {
      this.routeCost[r] = 0;
      this.routePenalty[r] = 0;
      return;
    }
    const K = p.dims;
    const w = this.weights;
    let loadExcess = 0;
    for (let k = 0; k < K; k++) {
      const over = this.fMax[end * K + k] - p.vehicleCapacity[r * K + k];
      if (over > 0) loadExcess += over;
    }
    let penalty = w.load * loadExcess;
    if (p.hasTime) penalty += w.time * (this.fTW[end] + max(0, this.fTravel[end] - p.vehicleMaxTravel[r]));
    if (p.hasDistanceLimit) penalty += w.distance * max(0, this.fDist[end] - p.vehicleMaxDistance[r]);
    if (p.hasTaskLimit) penalty += w.tasks * max(0, this.fTasks[end] - p.vehicleMaxTasks[r]);
    this.routePenalty[r] = penalty;
    this.routeCost[r] = this.fCost[end] + penalty;
  }

  /** Recomputes every route's cost under new weights. */
  reweigh(weights: PenaltyWeights): void {
    this.weights = weights;
    for (let r = 0; r < this.problem.vehicleCount; r++) this.setCost(r);
  }

  /** Unlinks a job from its route (the route is not updated). */
  unlink(x: number): void {
    const a = this.prev[x];
    const b = this.next[x];
    this.next[a] = b;
    this.prev[b] = a;
    this.routeOf[x] = -1;
  }

  /** Links job x right after node a (the route is not updated). */
  linkAfter(x: number, a: number): void {
    const b = this.next[a];
    this.next[a] = x;
    this.prev[x] = a;
    this.next[x] = b;
    this.prev[b] = x;
    this.routeOf[x] = this.routeOf[a];
  }
}
