/**
 * Unassigned jobs: a job outside every route goes where it adds least (after one
 * of its neighbours, at the start of a neighbour's route, or into an empty route);
 * a job whose route's penalties outweigh its prize leaves its route.
 */
import type { RouteBuilder } from './route-builder';
import { improves, type MoveContext } from './move-context';

export class Insertion {
  private bestAfter = -1;
  /** One empty route per vehicle type, refreshed by the local search. */
  emptyRoutes: number[] = [];

  constructor(private readonly ctx: MoveContext) {}

  /** The cheapest place for unassigned job u among its neighbours' routes and the empty routes; Infinity when none improves. */
  evaluateInsert(u: number, neighbours: Int32Array): number {
    const { problem: p, routes: R } = this.ctx;
    let best = Infinity;
    this.bestAfter = -1;
    const tryAfter = (a: number) => {
      const r = R.routeOf[a];
      const delta = this.buildInsert(this.ctx.pricer, u, a) - R.routeCost[r] - p.jobPrize[u];
      if (delta < best) {
        best = delta;
        this.bestAfter = a;
      }
    };
    for (let i = 0; i < neighbours.length; i++) {
      const v = neighbours[i];
      if (R.routeOf[v] < 0) continue;
      tryAfter(v);
      if (R.prev[v] >= p.n) tryAfter(R.prev[v]);
    }
    for (const r of this.emptyRoutes) tryAfter(p.startNode(r));
    return improves(best, p.jobPrize[u]) ? best : Infinity;
  }

  applyInsert(u: number): number[] {
    const a = this.bestAfter;
    return this.ctx.carryOut((b) => this.buildInsert(b, u, a));
  }

  /** Leaving u out, when that saves more than its prize. */
  evaluateRemove(u: number): number {
    const { problem: p, routes: R } = this.ctx;
    const r = R.routeOf[u];
    if (R.routePenalty[r] <= 0) return Infinity;
    return this.buildRemove(this.ctx.pricer, u) - R.routeCost[r] + p.jobPrize[u];
  }

  applyRemove(u: number): number[] {
    return this.ctx.carryOut((b) => this.buildRemove(b, u));
  }

  private buildInsert(b: RouteBuilder, u: number, after: number): number {
    const R = this.ctx.routes;
    return b.prefix(R.routeOf[after], after).node(u).suffix(R.next[after]).end();
  }

  private buildRemove(b: RouteBuilder, u: number): number {
    const R = this.ctx.routes;
    return b.prefix(R.routeOf[u], R.prev[u]).suffix(R.next[u]).end();
  }
}
