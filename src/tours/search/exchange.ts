/**
 * Exchange(N, M) (the family of relocate and swap moves, as PyVRP names it): the
 * N consecutive jobs from u go right after v (M = 0), or trade places with the M
 * consecutive jobs from v. (1,0) is relocate, (1,1) swap, (2,0) or-opt of a pair,
 * (2,1) and (2,2) the cross exchanges of HGS-CVRP. v may be a start depot when M = 0.
 */
import type { TourProblem } from '../problem';
import type { RouteBuilder } from './route-builder';
import { NO_MOVE, type MoveContext } from './move-context';
import type { RouteData } from './route-data';

export class Exchange {
  private uEnd = 0;
  private vEnd = 0;
  private readonly R: RouteData;
  private readonly p: TourProblem;
  /** Nodes from here on are depots. */
  private readonly jobs: number;

  constructor(
    private readonly ctx: MoveContext,
    readonly n: number,
    readonly m: number,
  ) {
    this.R = ctx.routes;
    this.p = ctx.problem;
    this.jobs = ctx.problem.n;
  }

  /** The change of penalised cost, or NO_MOVE when the move is not possible or cannot improve. */
  evaluate(u: number, v: number): number {
    const { n, m, R, p } = this;
    // Swapping equal lengths is symmetric: (v, u) is the same move.
    if (n === m && u >= v) return NO_MOVE;
    const next = R.next;
    let uEnd = u;
    for (let i = 1; i < n; i++) {
      uEnd = next[uEnd];
      if (uEnd >= this.jobs) return NO_MOVE;
    }
    this.uEnd = uEnd;
    if (m > 0) {
      if (v >= this.jobs) return NO_MOVE;
      let vEnd = v;
      for (let i = 1; i < m; i++) {
        vEnd = next[vEnd];
        if (vEnd >= this.jobs) return NO_MOVE;
      }
      this.vEnd = vEnd;
    }
    const ru = R.routeOf[u];
    const rv = R.routeOf[v];
    if (ru === rv) {
      if (!this.sameRouteValid(u, v)) return NO_MOVE;
      // The edge formula holds unless two swapped segments touch.
      const touching = m > 0 && (R.next[this.uEnd] === v || R.next[this.vEnd] === u);
      if (!touching && this.costDelta(u, v) >= R.routePenalty[ru]) return NO_MOVE;
      return this.build(this.ctx.pricer, u, v) - R.routeCost[ru];
    }
    if (p.vehicleGroup[ru] === p.vehicleGroup[rv] && R.routeSize[ru] > n) {
      if (this.costDelta(u, v) >= R.routePenalty[ru] + R.routePenalty[rv]) return NO_MOVE;
    }
    return this.build(this.ctx.pricer, u, v) - R.routeCost[ru] - R.routeCost[rv];
  }

  /** Carries out the move evaluate(u, v) last priced; returns the routes changed. */
  apply(u: number, v: number): number[] {
    return this.ctx.carryOut((b) => this.build(b, u, v));
  }

  /** Both routes' new cost, described as pieces. */
  private build(b: RouteBuilder, u: number, v: number): number {
    const R = this.R;
    const ru = R.routeOf[u];
    const rv = R.routeOf[v];
    const { uEnd, vEnd } = this;
    const pu = R.prev[u];
    const nu = R.next[uEnd];
    if (ru !== rv) {
      if (this.m === 0) {
        const costU = b.prefix(ru, pu).suffix(nu).end();
        return costU + b.prefix(rv, v).range(u, uEnd).suffix(R.next[v]).end();
      }
      const costU = b.prefix(ru, pu).range(v, vEnd).suffix(nu).end();
      return costU + b.prefix(rv, R.prev[v]).range(u, uEnd).suffix(R.next[vEnd]).end();
    }
    if (this.m === 0) {
      if (R.pos[v] < R.pos[u]) return b.prefix(ru, v).range(u, uEnd).range(R.next[v], pu).suffix(nu).end();
      return b.prefix(ru, pu).range(nu, v).range(u, uEnd).suffix(R.next[v]).end();
    }
    // Two disjoint segments of one route: the first one, what lies between, the second one.
    const [a, aEnd, c, cEnd] = R.pos[u] < R.pos[v] ? [u, uEnd, v, vEnd] : [v, vEnd, u, uEnd];
    b.prefix(ru, R.prev[a]).range(c, cEnd);
    if (R.next[aEnd] !== c) b.range(R.next[aEnd], R.prev[c]);
    return b.range(a, aEnd).suffix(R.next[cEnd]).end();
  }

  private sameRouteValid(u: number, v: number): boolean {
    const R = this.R;
    if (this.m === 0) {
      if (v === R.prev[u]) return false;
      return R.pos[v] < R.pos[u] || R.pos[v] > R.pos[this.uEnd];
    }
    return R.pos[this.uEnd] < R.pos[v] || R.pos[this.vEnd] < R.pos[u];
  }

  /** The change of cost alone between two routes of the same matrices (the segments' own costs do not change). */
  private costDelta(u: number, v: number): number {
    const { p, R } = this;
    const C = p.vehicleCost[R.routeOf[u]];
    const loc = p.nodeLoc;
    const lpu = loc[R.prev[u]];
    const lu = loc[u];
    const lue = loc[this.uEnd];
    const lnu = loc[R.next[this.uEnd]];
    const lv = loc[v];
    if (this.m === 0) {
      const lnv = loc[R.next[v]];
      return C.get(lpu, lnu) - C.get(lpu, lu) - C.get(lue, lnu) + C.get(lv, lu) + C.get(lue, lnv) - C.get(lv, lnv);
    }
    const lpv = loc[R.prev[v]];
    const lve = loc[this.vEnd];
    const lnv = loc[R.next[this.vEnd]];
    return (
      C.get(lpu, lv) +
      C.get(lve, lnu) -
      C.get(lpu, lu) -
      C.get(lue, lnu) +
      C.get(lpv, lu) +
      C.get(lue, lnv) -
      C.get(lpv, lv) -
      C.get(lve, lnv)
    );
  }
}
