/**
 * The local search that educates every offspring (HGS-CVRP's, Vidal 2022 §3):
 * for each job u in random order and each of its granular neighbours v, the
 * relocate/swap family (Exchange 10, 20, 11, 21, 22), 2-opt within a route and
 * 2-opt* between routes are tried, first improvement applied; then SWAP* between
 * routes whose sectors overlap. A pair is tried again only when one of its
 * routes changed since u was last tried. It stops at a local optimum, or at the
 * deadline (checked every few jobs).
 */
import type { Rng } from '../../synthetic/prng';
import type { PenaltyWeights } from '../penalties';
import type { TourProblem } from '../problem';
import { CircleSectors, sectorAngle } from './circle-sector';
import { Exchange } from './exchange';
import { Insertion } from './insertion';
import { improves, MoveContext, NO_MOVE } from './move-context';
import { RouteData } from './route-data';
import type { SequenceCost } from './sequence-cost';
import { SwapStar } from './swap-star';
import { SwapTails } from './swap-tails';
import { TwoOpt } from './two-opt';

// Math's functions held here: a global lookup per call is slow where globals are intercepted (jest's vm contexts).
const { max } = Math;

/** Something that may stop a search: true once time is up. */
export type Deadline = () => boolean;

interface NodeOperator {
  evaluate(u: number, v: number): number;
  apply(u: number, v: number): number[];
}

export class LocalSearch {
  readonly routes: RouteData;
  private readonly ctx: MoveContext;
  /** Prices routes under the problem's rules (shared with whoever evaluates solutions). */
  readonly pricer: SequenceCost;
  private readonly nodeOps: NodeOperator[];
  private readonly depotOps: NodeOperator[];
  private readonly relocate: Exchange;
  private readonly twoOpt: TwoOpt;
  private readonly swapTails: SwapTails;
  private readonly insertion: Insertion;
  private readonly swapStar: SwapStar;
  private readonly sectors: CircleSectors;
  private readonly order: Int32Array;
  private readonly neighbours: Int32Array[];
  private readonly lastTested: Float64Array;
  private readonly lastSwapStar: Float64Array;
  private moves = 0;

  constructor(
    readonly problem: TourProblem,
    neighbours: readonly Int32Array[],
    private readonly planar: Float64Array,
    weights: PenaltyWeights,
  ) {
    this.routes = new RouteData(problem, weights);
    this.ctx = new MoveContext(this.routes);
    this.pricer = this.ctx.pricer;
    this.relocate = new Exchange(this.ctx, 1, 0);
    const ex20 = new Exchange(this.ctx, 2, 0);
    this.twoOpt = new TwoOpt(this.ctx);
    this.swapTails = new SwapTails(this.ctx);
    this.nodeOps = [
      this.relocate,
      ex20,
      new Exchange(this.ctx, 1, 1),
      new Exchange(this.ctx, 2, 1),
      new Exchange(this.ctx, 2, 2),
    ];
    this.depotOps = [this.relocate, ex20, this.swapTails];
    this.insertion = new Insertion(this.ctx);
    this.swapStar = new SwapStar(this.ctx);
    this.sectors = new CircleSectors(problem.vehicleCount);
    this.order = Int32Array.from({ length: problem.n }, (_, i) => i);
    this.neighbours = neighbours.map((list) => list.slice());
    this.lastTested = new Float64Array(problem.n);
    this.lastSwapStar = new Float64Array(problem.vehicleCount);
  }

  /** Improves the given routes (one job list per vehicle) to a local optimum under `weights`; returns the new routes. */
  run(routes: readonly ArrayLike<number>[], weights: PenaltyWeights, rng: Rng, deadline: Deadline): Int32Array[] {
    const R = this.routes;
    const p = this.problem;
    R.weights = weights;
    R.load(routes);
    shuffle(this.order, rng);
    for (const list of this.neighbours) shuffle(list, rng);
    this.moves = 0;
    R.routeStamp.fill(0);
    this.lastTested.fill(-1);
    this.lastSwapStar.fill(-1);
    this.swapStar.reset();
    this.refreshEmptyRoutes();

    for (let loop = 0; ; loop++) {
      let changed = false;
      for (let i = 0; i < this.order.length; i++) {
        if ((i & 63) === 0 && deadline()) return R.routes();
        const u = this.order[i];
        if (R.routeOf[u] < 0) {
          if (this.insertion.evaluateInsert(u, this.neighbours[u]) < NO_MOVE) {
            this.changed(this.insertion.applyInsert(u));
            changed = true;
          }
          continue;
        }
        if (this.improveJob(u, loop)) changed = true;
      }
      if (p.vehicleCount > 1 && this.runSwapStar(loop, deadline)) changed = true;
      if (!changed || deadline()) return R.routes();
    }
  }

  private improveJob(u: number, loop: number): boolean {
    const R = this.routes;
    const p = this.problem;
    let changed = false;
    const lastTest = this.lastTested[u];
    this.lastTested[u] = this.moves;
    const list = this.neighbours[u];
    for (let k = 0; k < list.length; k++) {
      const v = list[k];
      const rv = R.routeOf[v];
      if (rv < 0) continue;
      if (loop > 0 && max(R.routeStamp[R.routeOf[u]], R.routeStamp[rv]) <= lastTest) continue;
      if (this.tryPair(u, v)) {
        changed = true;
        continue;
      }
      const before = R.prev[v];
      if (before >= p.n && this.tryOps(this.depotOps, u, before)) changed = true;
    }
    if (loop > 0) {
      for (const r of this.insertion.emptyRoutes) {
        if (R.routeSize[R.routeOf[u]] === 1 && p.vehicleType[R.routeOf[u]] === p.vehicleType[r]) continue;
        if (this.tryOp(this.relocate, u, p.startNode(r))) {
          changed = true;
          break;
        }
      }
    }
    const ru = R.routeOf[u];
    if (R.routePenalty[ru] > 0) {
      const delta = this.insertion.evaluateRemove(u);
      if (improves(delta, R.routeCost[ru])) {
        this.changed(this.insertion.applyRemove(u));
        changed = true;
      }
    }
    return changed;
  }

  private tryPair(u: number, v: number): boolean {
    if (this.tryOps(this.nodeOps, u, v)) return true;
    const R = this.routes;
    return this.tryOp(R.routeOf[u] === R.routeOf[v] ? this.twoOpt : this.swapTails, u, v);
  }

  private tryOps(ops: NodeOperator[], u: number, v: number): boolean {
    for (let i = 0; i < ops.length; i++) if (this.tryOp(ops[i], u, v)) return true;
    return false;
  }

  private tryOp(op: NodeOperator, u: number, v: number): boolean {
    const R = this.routes;
    const delta = op.evaluate(u, v);
    if (delta === NO_MOVE || !improves(delta, R.routeCost[R.routeOf[u]] + R.routeCost[R.routeOf[v]])) return false;
    this.changed(op.apply(u, v));
    return true;
  }

  private changed(routes: number[]): void {
    this.moves++;
    for (const r of routes) this.routes.routeStamp[r] = this.moves;
    this.refreshEmptyRoutes();
  }

  /** SWAP* between every two routes whose sectors overlap, when one changed since the first was last tried. */
  private runSwapStar(loop: number, deadline: Deadline): boolean {
    const R = this.routes;
    const p = this.problem;
    const V = p.vehicleCount;
    for (let r = 0; r < V; r++) this.updateSector(r);
    let changed = false;
    for (let a = 0; a < V; a++) {
      if (R.routeSize[a] === 0) continue;
      if (deadline()) return changed;
      const lastTest = this.lastSwapStar[a];
      this.lastSwapStar[a] = this.moves;
      for (let b = a + 1; b < V; b++) {
        if (R.routeSize[b] === 0 || !this.sectors.overlap(a, b)) continue;
        if (loop > 0 && max(R.routeStamp[a], R.routeStamp[b]) <= lastTest) continue;
        if (this.swapStar.run(a, b, this.moves)) {
          this.moves++;
          R.routeStamp[a] = R.routeStamp[b] = this.moves;
          this.updateSector(a);
          this.updateSector(b);
          this.refreshEmptyRoutes();
          changed = true;
        }
      }
    }
    return changed;
  }

  private updateSector(r: number): void {
    const R = this.routes;
    const p = this.problem;
    const xy = this.planar;
    this.sectors.reset(r);
    const depot = p.nodeLoc[p.nodeLoc[p.startNode(r)] !== p.nowhere ? p.startNode(r) : p.endNode(r)];
    const ox = depot === p.nowhere ? 0 : xy[2 * depot];
    const oy = depot === p.nowhere ? 0 : xy[2 * depot + 1];
    for (let x = R.next[p.startNode(r)]; x < p.n; x = R.next[x]) {
      this.sectors.extend(r, sectorAngle(xy[2 * p.nodeLoc[x]] - ox, xy[2 * p.nodeLoc[x] + 1] - oy));
    }
  }

  /** The first empty route of each vehicle type. */
  private refreshEmptyRoutes(): void {
    const R = this.routes;
    const p = this.problem;
    const seen = new Uint8Array(p.typeCount);
    const out = this.insertion.emptyRoutes;
    out.length = 0;
    for (let r = 0; r < p.vehicleCount && out.length < p.typeCount; r++) {
      if (R.routeSize[r] === 0 && !seen[p.vehicleType[r]]) {
        seen[p.vehicleType[r]] = 1;
        out.push(r);
      }
    }
  }
}

/** Fisher–Yates, in place. */
export function shuffle(items: { length: number; [i: number]: number }, rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
