/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source
 * implementation and SWAP* neighborhood", §4): u of one route and v of another
 * trade routes, each going to its best place in the other route rather than to
 * the other's place. Per pair of routes, the three cheapest insertion places of
 * every job in the other route are found first; each (u, v) is then priced in
 * constant time from them. Relocations of u or v alone are priced on the way.
 * The prices are by cost (and load, with one capacity dimension and deliveries
 * only); the best move found is then priced exactly and applied when it improves.
 * A job's three places in a route are kept until that route changes (HGS-CVRP's
 * cache), while vehicles × jobs stays under CACHE_LIMIT.
 */
import { exchangeInRoute, type RouteBuilder } from './route-builder';
import { improves, NO_MOVE, type MoveContext } from './move-context';

const TOP = 3;
/** Largest vehicles × jobs for which every job's places in every route are kept (× 3 × 12 bytes). */
const CACHE_LIMIT = 4_000_000;

export class SwapStar {
  /** Per (route, job) slot when cached, else per job: the three places and their costs. */
  private readonly topAfter: Int32Array;
  private readonly topCost: Float64Array;
  /** The move count when a slot was filled; −1 = empty. Undefined: no cache. */
  private readonly filledAt: Float64Array | undefined;
  private readonly removal: Float64Array;
  private readonly jobsA: number[] = [];
  private readonly jobsB: number[] = [];

  constructor(private readonly ctx: MoveContext) {
    const { n, vehicleCount } = ctx.problem;
    const cached = vehicleCount * n <= CACHE_LIMIT;
    const slots = cached ? vehicleCount * n : n;
    if (cached) this.filledAt = new Float64Array(slots).fill(-1);
    this.topAfter = new Int32Array(slots * TOP);
    this.topCost = new Float64Array(slots * TOP);
    this.removal = new Float64Array(n);
  }

  /** Forgets every kept place (a new local search run: routes and move counts start afresh). */
  reset(): void {
    this.filledAt?.fill(-1);
  }

  /** Applies the best SWAP* (or relocation) between routes ra and rb when it improves; true if it did. `now` is the move count. */
  run(ra: number, rb: number, now: number): boolean {
    const { problem: p, routes: R } = this.ctx;
    if (p.vehicleGroup[ra] !== p.vehicleGroup[rb] || R.routeSize[ra] === 0 || R.routeSize[rb] === 0) return false;
    this.collect(ra, this.jobsA);
    this.collect(rb, this.jobsB);
    for (const u of this.jobsA) this.prepare(u, rb, now);
    for (const v of this.jobsB) this.prepare(v, ra, now);

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
          best = cost;
          bu = u;
          bv = v;
          afterV = placeV;
          afterU = placeU;
        }
      }
    }
    for (const [jobs, from, to] of [
      [this.jobsA, ra, rb],
      [this.jobsB, rb, ra],
    ] as const) {
      for (const x of jobs) {
        const d = p.nodeDelivery[x];
        const delta = loadPriced
          ? over(R.fDel[p.endNode(from)] - d, p.vehicleCapacity[from]) -
            over(R.fDel[p.endNode(from)], p.vehicleCapacity[from]) +
            over(R.fDel[p.endNode(to)] + d, p.vehicleCapacity[to]) -
            over(R.fDel[p.endNode(to)], p.vehicleCapacity[to])
          : 0;
        const base = this.slot(x, to) * TOP;
        const cost = delta + this.removal[x] + this.topCost[base];
        if (cost < best) {
          best = cost;
          if (from === ra) {
            bu = x;
            bv = -1;
            afterU = this.topAfter[base];
          } else {
            bu = -1;
            bv = x;
            afterV = this.topAfter[base];
          }
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
    const base = this.slot(x, R.routeOf[y]) * TOP;
    for (let i = 0; i < TOP; i++) {
      const a = this.topAfter[base + i];
      if (a < 0) break;
      if (a === y || a === py) continue;
      if (this.topCost[base + i] < cost) {
        cost = this.topCost[base + i];
        after = a;
      }
      break;
    }
    this.placeCost = cost;
    return after;
  }

  private slot(x: number, r: number): number {
    return this.filledAt ? r * this.ctx.problem.n + x : x;
  }

  /** x's removal gain and its three cheapest places in route r (kept ones when r has not changed since). */
  private prepare(x: number, r: number, now: number): void {
    const { problem: p, routes: R } = this.ctx;
    const C = p.vehicleCost[r];
    const loc = p.nodeLoc;
    const lx = loc[x];
    this.removal[x] = C.get(loc[R.prev[x]], loc[R.next[x]]) - C.get(loc[R.prev[x]], lx) - C.get(lx, loc[R.next[x]]);
    const slot = this.slot(x, r);
    if (this.filledAt) {
      if (this.filledAt[slot] >= R.routeStamp[r]) return;
      this.filledAt[slot] = now;
    }
    const base = slot * TOP;
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
