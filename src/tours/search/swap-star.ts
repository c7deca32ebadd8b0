/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source
 * implementation and SWAP* neighborhood", §4): u of one route and v of another
 * trade routes, each going to its best place in the other route rather than to
 * the other's place. Per pair of routes, the three cheapest insertion places of
 * every job in the other route are found first; each (u, v) is then priced in
 * constant time from them. Relocations of u or v alone are priced on the way.
 * The prices are by cost (and load, with one capacity dimension and deliveries
 * only); the best move found is then priced exactly and applied when it improves.
 */
import { exchangeInRoute, type RouteBuilder } from './route-builder';
import { improves, NO_MOVE, type MoveContext } from './move-context';

const TOP = 3;

export class SwapStar {
  private readonly topAfter: Int32Array;
  private readonly topCost: Float64Array;
  private readonly removal: Float64Array;
  private readonly jobsA: number[] = [];
  private readonly jobsB: number[] = [];

  constructor(private readonly ctx: MoveContext) {
    const n = ctx.problem.n;
    this.topAfter = new Int32Array(n * TOP);
    this.topCost = new Float64Array(n * TOP);
    this.removal = new Float64Array(n);
  }

  /** Applies the best SWAP* (or relocation) between routes ra and rb when it improves; true if it did. */
  run(ra: number, rb: number): boolean {
    const { problem: p, routes: R } = this.ctx;
    if (p.vehicleGroup[ra] !== p.vehicleGroup[rb] || R.routeSize[ra] === 0 || R.routeSize[rb] === 0) return false;
    this.collect(ra, this.jobsA);
    this.collect(rb, this.jobsB);
    for (const u of this.jobsA) this.prepare(u, rb);
    for (const v of this.jobsB) this.prepare(v, ra);

    const loadPriced = p.dims === 1 && !p.hasPickups;
    const w = R.weights.load;
    const capA = p.vehicleCapacity[ra];
    const capB = p.vehicleCapacity[rb];
    const loadA = R.fDel[p.endNode(ra)];
    const loadB = R.fDel[p.endNode(rb)];
    const over = (load: number, cap: number) => (load > cap ? w * (load - cap) : 0);
    const penA = loadPriced ? over(loadA, capA) : 0;
    const penB = loadPriced ? over(loadB, capB) : 0;

    let best = 0;
    let bu = -1;
    let bv = -1;
    let afterU = -1;
    let afterV = -1;
    for (const u of this.jobsA) {
      const du = p.nodeDelivery[u];
      for (const v of this.jobsB) {
        const dv = p.nodeDelivery[v];
        const deltaA = loadPriced ? over(loadA - du + dv, capA) - penA : 0;
        const deltaB = loadPriced ? over(loadB + du - dv, capB) - penB : 0;
        if (deltaA + this.removal[u] + deltaB + this.removal[v] > 0) continue;
        const placeV = this.cheapestWithout(v, u);
        const costV = this.placeCost;
        const placeU = this.cheapestWithout(u, v);
        const cost = deltaA + this.removal[u] + costV + deltaB + this.removal[v] + this.placeCost;
        if (cost < best) {
          best = cost; bu = u; bv = v; afterV = placeV; afterU = placeU;
        }
      }
    }
    for (const [jobs, from, to] of [[this.jobsA, ra, rb], [this.jobsB, rb, ra]] as const) {
      for (const x of jobs) {
        const d = p.nodeDelivery[x];
        const delta = loadPriced
          ? over(R.fDel[p.endNode(from)] - d, p.vehicleCapacity[from]) - over(R.fDel[p.endNode(from)], p.vehicleCapacity[from]) +
            over(R.fDel[p.endNode(to)] + d, p.vehicleCapacity[to]) - over(R.fDel[p.endNode(to)], p.vehicleCapacity[to])
          : 0;
        const cost = delta + this.removal[x] + this.topCost[x * TOP];
        if (cost < best) {
          best = cost;
          if (from === ra) { bu = x; bv = -1; afterU = this.topAfter[x * TOP]; } else { bu = -1; bv = x; afterV = this.topAfter[x * TOP]; }
        }
      }
    }
    if (bu < 0 && bv < 0) return false;
    const exact = this.build(this.ctx.pricer, ra, rb, bu, bv, afterU, afterV) - R.routeCost[ra] - R.routeCost[rb];
    if (!improves(exact, R.routeCost[ra] + R.routeCost[rb])) return false;
    this.ctx.carryOut((b) => this.build(b, ra, rb, bu, bv, afterU, afterV));
    return true;
  }

  /** The cost of the place cheapestWithout found last. */
  private placeCost = 0;

  /** Route ra without u and with v after afterV; route rb without v and with u after afterU (u or v −1: only the other moves). */
  private build(b: RouteBuilder, ra: number, rb: number, u: number, v: number, afterU: number, afterV: number): number {
    const R = this.ctx.routes;
    return exchangeInRoute(b, R, ra, u, v, afterV) + exchangeInRoute(b, R, rb, v, u, afterU);
  }

  /** Where x goes in its new route once y has left it (y's place included); its cost in placeCost. */
  private cheapestWithout(x: number, y: number): number {
    const { problem: p, routes: R } = this.ctx;
    const C = p.vehicleCost[R.routeOf[y]];
    const loc = p.nodeLoc;
    const py = R.prev[y];
    const ny = R.next[y];
    let after = py;
    let cost = C.get(loc[py], loc[x]) + C.get(loc[x], loc[ny]) - C.get(loc[py], loc[ny]);
    for (let i = 0; i < TOP; i++) {
      const a = this.topAfter[x * TOP + i];
      if (a < 0) break;
      if (a === y || a === py) continue;
      if (this.topCost[x * TOP + i] < cost) {
        cost = this.topCost[x * TOP + i];
        after = a;
      }
      break;
    }
    this.placeCost = cost;
    return after;
  }

  /** x's removal gain and its three cheapest places in route r. */
  private prepare(x: number, r: number): void {
    const { problem: p, routes: R } = this.ctx;
    const C = p.vehicleCost[r];
    const loc = p.nodeLoc;
    const lx = loc[x];
    this.removal[x] = C.get(loc[R.prev[x]], loc[R.next[x]]) - C.get(loc[R.prev[x]], lx) - C.get(lx, loc[R.next[x]]);
    const base = x * TOP;
    for (let i = 0; i < TOP; i++) {
      this.topAfter[base + i] = -1;
      this.topCost[base + i] = NO_MOVE;
    }
    const end = p.endNode(r);
    for (let a = p.startNode(r); a !== end; a = R.next[a]) {
      const la = loc[a];
      const lb = loc[R.next[a]];
      const cost = C.get(la, lx) + C.get(lx, lb) - C.get(la, lb);
      if (cost >= this.topCost[base + TOP - 1]) continue;
      let i = TOP - 1;
      while (i > 0 && this.topCost[base + i - 1] > cost) {
        this.topCost[base + i] = this.topCost[base + i - 1];
        this.topAfter[base + i] = this.topAfter[base + i - 1];
        i--;
      }
      this.topCost[base + i] = cost;
      this.topAfter[base + i] = a;
    }
  }

  private collect(r: number, out: number[]): void {
    const { problem: p, routes: R } = this.ctx;
    out.length = 0;
    for (let x = R.next[p.startNode(r)]; x < p.n; x = R.next[x]) out.push(x);
  }
}
