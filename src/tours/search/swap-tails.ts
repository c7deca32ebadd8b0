/**
 * 2-opt* between two routes: the jobs after u and the jobs after v change routes
 * (edges (u, x) and (v, y) become (u, y) and (v, x)). u or v may be a start depot:
 * a whole route then moves behind the other's head.
 */
import type { RouteBuilder } from './route-builder';
import { NO_MOVE, type MoveContext } from './move-context';

export class SwapTails {
  constructor(private readonly ctx: MoveContext) {}

  evaluate(u: number, v: number): number {
    const { problem: p, routes: R } = this.ctx;
    const ru = R.routeOf[u];
    const rv = R.routeOf[v];
    if (ru === rv || (u >= p.n && v >= p.n)) return NO_MOVE;
    const nu = R.next[u];
    const nv = R.next[v];
    if (p.vehicleGroup[ru] === p.vehicleGroup[rv] && p.nodeLoc[p.endNode(ru)] === p.nodeLoc[p.endNode(rv)]) {
      const C = p.vehicleCost[ru];
      const loc = p.nodeLoc;
      const delta = C.get(loc[u], loc[nv]) + C.get(loc[v], loc[nu]) - C.get(loc[u], loc[nu]) - C.get(loc[v], loc[nv]);
      if (delta >= R.routePenalty[ru] + R.routePenalty[rv]) return NO_MOVE;
    }
    return this.build(this.ctx.pricer, u, v) - R.routeCost[ru] - R.routeCost[rv];
  }

  apply(u: number, v: number): number[] {
    return this.ctx.carryOut((b) => this.build(b, u, v));
  }

  private build(b: RouteBuilder, u: number, v: number): number {
    const R = this.ctx.routes;
    const ru = R.routeOf[u];
    const rv = R.routeOf[v];
    const costU = b.prefix(ru, u).suffix(R.next[v]).end();
    return costU + b.prefix(rv, v).suffix(R.next[u]).end();
  }
}
