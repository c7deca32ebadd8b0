/**
 * 2-opt within a route: for u before v, the jobs after u up to v are visited in
 * the reverse order (edges (u, x) and (v, y) become (u, v) and (x, y)).
 */
import type { RouteBuilder } from './route-builder';
import { NO_MOVE, type MoveContext } from './move-context';

export class TwoOpt {
  constructor(private readonly ctx: MoveContext) {}

  evaluate(u: number, v: number): number {
    const { problem: p, routes: R } = this.ctx;
    const r = R.routeOf[u];
    if (r !== R.routeOf[v] || R.pos[u] >= R.pos[v] || R.next[u] === v) return NO_MOVE;
    if (p.costSymmetric) {
      const C = p.vehicleCost[r];
      const loc = p.nodeLoc;
      const x = R.next[u];
      const y = R.next[v];
      const delta = C.get(loc[u], loc[v]) + C.get(loc[x], loc[y]) - C.get(loc[u], loc[x]) - C.get(loc[v], loc[y]);
      if (delta >= R.routePenalty[r]) return NO_MOVE;
    }
    return this.build(this.ctx.pricer, u, v) - R.routeCost[r];
  }

  apply(u: number, v: number): number[] {
    return this.ctx.carryOut((b) => this.build(b, u, v));
  }

  private build(b: RouteBuilder, u: number, v: number): number {
    const R = this.ctx.routes;
    return b.prefix(R.routeOf[u], u).reversed(R.next[u], v).suffix(R.next[v]).end();
  }
}
