/**
 * Unassigned jobs: a job outside every route goes where it adds least (after one
 * of its neighbours, at the start of a neighbour's route, or into an empty route),
 * or there while a job of no higher prize leaves that route (after PyVRP's
 * optional-client moves);
 * a job whose route's penalties outweigh its prize leaves its route.
 */
import { exchangeInRoute, type RouteBuilder } from './route-builder';
import { improves, NO_MOVE, type MoveContext } from './move-context';

export class Insertion {
  private bestAfter = -1;
  /** The job the best move puts out of its route (−1: a plain insertion). */
  private bestReplaced = -1;
  /** One empty route per vehicle type, refreshed by the local search. */
  emptyRoutes: number[] = [];

  constructor(private readonly ctx: MoveContext) {}

  /** The cheapest place for unassigned job u among its neighbours' routes and the empty routes; NO_MOVE when none improves. */
  evaluateInsert(u: number, neighbours: Int32Array): number {
    const { problem: p, routes: R } = this.ctx;
    let best = NO_MOVE;
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
    // Or in the best place, some job of that route (of no higher prize) leaving it.
    this.bestReplaced = -1;
    const after = this.bestAfter;
    const r = after < 0 ? -1 : R.routeOf[after];
    if (r >= 0) {
      for (let v = R.next[p.startNode(r)]; v < p.n; v = R.next[v]) {
        if (p.jobPrize[v] > p.jobPrize[u]) continue;
        const at = v === after ? R.prev[v] : after;
        const delta = exchangeInRoute(this.ctx.pricer, R, r, v, u, at) - R.routeCost[r] - p.jobPrize[u] + p.jobPrize[v];
        if (delta < best) {
          best = delta;
          this.bestReplaced = v;
        }
      }
    }
    return improves(best, p.jobPrize[u]) ? best : NO_MOVE;
  }

  applyInsert(u: number): number[] {
    const R = this.ctx.routes;
    const v = this.bestReplaced;
    const a = v === this.bestAfter ? R.prev[v] : this.bestAfter;
    return this.ctx.carryOut((b) => (v < 0 ? this.buildInsert(b, u, a) : exchangeInRoute(b, R, R.routeOf[v], v, u, a)));
  }

  /** Leaving u out, when that saves more than its prize. */
  evaluateRemove(u: number): number {
    const { problem: p, routes: R } = this.ctx;
    const r = R.routeOf[u];
    if (R.routePenalty[r] <= 0) return NO_MOVE;
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
