/**
 * Builds the penalised cost of a route that does not exist yet, from pieces of
 * the current routes: begin(v), then prefix/node/range/suffix pieces in order,
 * then end(). Each piece joins in constant time (RouteData's segments), except a
 * range whose order matters (time windows, pickups), a reversed range, and a
 * piece taken from a vehicle with other matrices: those are walked node by node.
 * Nothing is changed: this is the `evaluate` side of every operator.
 */
import type { Excess, PenaltyWeights } from '../penalties';
import type { TourProblem } from '../problem';
import type { Matrix } from '../matrix';
import type { RouteBuilder } from './route-builder';
import type { RouteData } from './route-data';

// Math's functions held here: a global lookup per call is slow where globals are intercepted (jest's vm contexts).
const { max, min } = Math;

export class SequenceCost implements RouteBuilder {
  private v = -1;
  private group = 0;
  private C: Matrix;
  private Dm: Matrix;
  private T: Matrix;
  private last = 0;
  cost = 0;
  dist = 0;
  travel = 0;
  tasks = 0;
  /** The excesses of the route end() last closed. */
  loadExcess = 0;
  timeExcess = 0;
  distanceExcess = 0;
  taskExcess = 0;
  private D = 0;
  private TW = 0;
  private E = 0;
  private L = 0;
  private readonly del: Float64Array;
  private readonly pick: Float64Array;
  private readonly max: Float64Array;
  private readonly p: TourProblem;
  private readonly fast: boolean;

  constructor(private readonly routes: RouteData) {
    this.p = routes.problem;
    const K = this.p.dims;
    this.del = new Float64Array(K);
    this.pick = new Float64Array(K);
    this.max = new Float64Array(K);
    this.C = this.p.vehicleCost[0];
    this.Dm = this.p.vehicleDistance[0];
    this.T = this.p.vehicleDuration[0];
    // Ranges by differences of forward data: one dimension, deliveries only, no schedule.
    this.fast = K === 1 && !this.p.hasPickups && !this.p.hasTime;
  }

  /** Starts vehicle v's route at its start depot. */
  begin(v: number): this {
    const p = this.p;
    this.setVehicle(v);
    const start = p.startNode(v);
    this.last = p.nodeLoc[start];
    this.cost = 0;
    this.dist = 0;
    this.travel = 0;
    this.tasks = 0;
    this.D = 0;
    this.TW = 0;
    this.E = p.nodeTwStart[start];
    this.L = p.nodeTwEnd[start];
    for (let k = 0; k < p.dims; k++) {
      this.del[k] = 0;
      this.pick[k] = 0;
      this.max[k] = 0;
    }
    return this;
  }

  private setVehicle(v: number): void {
    const p = this.p;
    if (this.v === v) return;
    this.v = v;
    this.group = p.vehicleGroup[v];
    this.C = p.vehicleCost[v];
    this.Dm = p.vehicleDistance[v];
    this.T = p.vehicleDuration[v];
  }

  /** Starts with the current route of x (vehicle v's own) from its start up to x included. */
  prefix(v: number, x: number): this {
    const R = this.routes;
    const p = this.p;
    this.setVehicle(v);
    this.last = p.nodeLoc[x];
    this.cost = R.fCost[x];
    this.dist = R.fDist[x];
    this.travel = R.fTravel[x];
    this.tasks = R.fTasks[x];
    this.D = R.fD[x];
    this.TW = R.fTW[x];
    this.E = R.fE[x];
    this.L = R.fL[x];
    const K = p.dims;
    for (let k = 0; k < K; k++) {
      this.del[k] = R.fDel[x * K + k];
      this.pick[k] = R.fPick[x * K + k];
      this.max[k] = R.fMax[x * K + k];
    }
    return this;
  }

  /** One job. */
  node(x: number): this {
    const p = this.p;
    const lx = p.nodeLoc[x];
    this.cost += this.C.get(this.last, lx);
    this.dist += this.Dm.get(this.last, lx);
    this.tasks += 1;
    const K = p.dims;
    for (let k = 0; k < K; k++) {
      const d = p.nodeDelivery[x * K + k];
      const q = p.nodePickup[x * K + k];
      this.max[k] = max(this.max[k] + d, (d > q ? d : q) + this.pick[k]);
      this.del[k] += d;
      this.pick[k] += q;
    }
    if (p.hasTime) this.joinTime(this.T.get(this.last, lx), p.nodeService[x], 0, p.nodeTwStart[x], p.nodeTwEnd[x]);
    this.last = lx;
    return this;
  }

  /** Jobs a…b of one route, in route order (a before b, or a = b). */
  range(a: number, b: number): this {
    const R = this.routes;
    if (!this.fast || this.p.vehicleGroup[R.routeOf[a]] !== this.group) {
      for (let x = a; ; x = R.next[x]) {
        this.node(x);
        if (x === b) return this;
      }
    }
    const la = this.p.nodeLoc[a];
    this.cost += this.C.get(this.last, la) + R.fCost[b] - R.fCost[a];
    this.dist += this.Dm.get(this.last, la) + R.fDist[b] - R.fDist[a];
    this.tasks += R.fTasks[b] - R.fTasks[a] + 1;
    const d = R.fDel[b] - R.fDel[a] + this.p.nodeDelivery[a];
    this.max[0] = max(this.max[0] + d, d + this.pick[0]);
    this.del[0] += d;
    this.last = this.p.nodeLoc[b];
    return this;
  }

  /** Jobs b back to a (a before b in their route). */
  reversed(a: number, b: number): this {
    const R = this.routes;
    for (let x = b; ; x = R.prev[x]) {
      this.node(x);
      if (x === a) return this;
    }
  }

  /** The current route's jobs from x to its last job; nothing when x is an end depot. */
  suffix(x: number): this {
    const R = this.routes;
    const p = this.p;
    if (x >= p.n) return this;
    if (p.vehicleGroup[R.routeOf[x]] !== this.group) return this.range(x, R.routeLast[R.routeOf[x]]);
    const lx = p.nodeLoc[x];
    const t = p.hasTime ? this.T.get(this.last, lx) : 0;
    this.cost += this.C.get(this.last, lx) + R.bCost[x];
    this.dist += this.Dm.get(this.last, lx) + R.bDist[x];
    this.tasks += R.bTasks[x];
    const K = p.dims;
    for (let k = 0; k < K; k++) {
      const xk = x * K + k;
      this.max[k] = max(this.max[k] + R.bDel[xk], R.bMax[xk] + this.pick[k]);
      this.del[k] += R.bDel[xk];
      this.pick[k] += R.bPick[xk];
    }
    if (p.hasTime) {
      this.travel += R.bTravel[x];
      this.joinTime(t, R.bD[x], R.bTW[x], R.bE[x], R.bL[x]);
    }
    this.last = p.nodeLoc[R.routeLast[R.routeOf[x]]];
    return this;
  }

  /** Ends at vehicle v's end depot; the route's penalised cost (0 without jobs). */
  end(): number {
    return this.endWith(this.routes.weights);
  }

  /** end() under other weights. */
  endWith(w: PenaltyWeights): number {
    const p = this.p;
    const v = this.v;
    if (this.tasks === 0) {
      this.loadExcess = this.timeExcess = this.distanceExcess = this.taskExcess = 0;
      return 0;
    }
    const endNode = p.endNode(v);
    const le = p.nodeLoc[endNode];
    this.cost += this.C.get(this.last, le);
    this.dist += this.Dm.get(this.last, le);
    if (p.hasTime) this.joinTime(this.T.get(this.last, le), 0, 0, p.nodeTwStart[endNode], p.nodeTwEnd[endNode]);
    this.last = le;
    const K = p.dims;
    let loadExcess = 0;
    for (let k = 0; k < K; k++) {
      const over = this.max[k] - p.vehicleCapacity[v * K + k];
      if (over > 0) loadExcess += over;
    }
    this.loadExcess = loadExcess;
    this.timeExcess = p.hasTime ? this.TW + max(0, this.travel - p.vehicleMaxTravel[v]) : 0;
    this.distanceExcess = p.hasDistanceLimit ? max(0, this.dist - p.vehicleMaxDistance[v]) : 0;
    this.taskExcess = p.hasTaskLimit ? max(0, this.tasks - p.vehicleMaxTasks[v]) : 0;
    return (
      this.cost +
      w.load * loadExcess +
      w.time * this.timeExcess +
      w.distance * this.distanceExcess +
      w.tasks * this.taskExcess
    );
  }

  /** The route end() last closed breaks no constraint (time windows as the search prices them). */
  feasible(): boolean {
    return this.loadExcess === 0 && this.timeExcess === 0 && this.distanceExcess === 0 && this.taskExcess === 0;
  }

  /** Adds the route end() last closed to a solution's totals. */
  addTo(total: Excess): void {
    if (this.tasks === 0) return;
    total.cost += this.cost;
    total.load += this.loadExcess;
    total.time += this.timeExcess;
    total.distance += this.distanceExcess;
    total.tasks += this.taskExcess;
  }

  /** The earliest departure from the start depot that gives the route closed last its shortest duration. */
  departure(): number {
    return this.E;
  }

  private joinTime(t: number, d2: number, tw2: number, e2: number, l2: number): void {
    this.travel += t;
    const delta = this.D - this.TW + t;
    const wait = max(e2 - delta - this.L, 0);
    const warp = max(this.E + delta - l2, 0);
    this.D = this.D + d2 + t + wait;
    this.TW = this.TW + tw2 + warp;
    this.E = max(e2 - delta, this.E) - wait;
    this.L = min(l2 - delta, this.L) + warp;
  }
}
