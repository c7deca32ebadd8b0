/**
 * A move describes its new routes once, as pieces of the current ones; the same
 * description is priced (SequenceCost) or carried out (RouteCollector).
 */
import type { RouteData } from './route-data';

export interface RouteBuilder {
  /** Starts vehicle v's new route at its start depot. */
  begin(v: number): this;
  /** Starts vehicle v's new route with its current route up to node x (x in v's route). */
  prefix(v: number, x: number): this;
  node(x: number): this;
  /** Jobs a…b of one current route, in order. */
  range(a: number, b: number): this;
  /** Jobs b back to a. */
  reversed(a: number, b: number): this;
  /** Jobs from x to the last of its route; nothing for an end depot. */
  suffix(x: number): this;
  /** Closes the route; SequenceCost returns its penalised cost. */
  end(): number;
}

/**
 * Route r with job `out` taken out and job `into` put after node `after` (which is
 * not `out`; `out` −1: nothing leaves; `into` −1: nothing comes).
 */
export function exchangeInRoute(
  b: RouteBuilder,
  R: RouteData,
  r: number,
  out: number,
  into: number,
  after: number,
): number {
  if (into < 0) return b.prefix(r, R.prev[out]).suffix(R.next[out]).end();
  if (out < 0) return b.prefix(r, after).node(into).suffix(R.next[after]).end();
  const po = R.prev[out];
  const no = R.next[out];
  if (after === po) return b.prefix(r, po).node(into).suffix(no).end();
  if (R.pos[after] < R.pos[out]) return b.prefix(r, after).node(into).range(R.next[after], po).suffix(no).end();
  return b.prefix(r, po).range(no, after).node(into).suffix(R.next[after]).end();
}

/** Collects the new routes' jobs, then relinks and updates them all at once. */
export class RouteCollector implements RouteBuilder {
  private readonly pending: { v: number; jobs: number[] }[] = [];
  private jobs: number[] = [];

  constructor(private readonly routes: RouteData) {}

  begin(v: number): this {
    this.jobs = [];
    this.pending.push({ v, jobs: this.jobs });
    return this;
  }

  prefix(v: number, x: number): this {
    this.begin(v);
    const R = this.routes;
    const start = R.problem.startNode(v);
    if (x !== start) this.range(R.next[start], x);
    return this;
  }

  node(x: number): this {
    this.jobs.push(x);
    return this;
  }

  range(a: number, b: number): this {
    for (let x = a; ; x = this.routes.next[x]) {
      this.jobs.push(x);
      if (x === b) return this;
    }
  }

  reversed(a: number, b: number): this {
    for (let x = b; ; x = this.routes.prev[x]) {
      this.jobs.push(x);
      if (x === a) return this;
    }
  }

  suffix(x: number): this {
    const R = this.routes;
    if (x >= R.problem.n) return this;
    return this.range(x, R.routeLast[R.routeOf[x]]);
  }

  end(): number {
    return 0;
  }

  /** Relinks every collected route (the jobs they no longer hold are unassigned unless another takes them) and updates it. */
  commit(): number[] {
    const R = this.routes;
    const p = R.problem;
    for (const { v } of this.pending) {
      for (let x = R.next[p.startNode(v)]; x < p.n; x = R.next[x]) R.routeOf[x] = -1;
    }
    for (const { v, jobs } of this.pending) {
      let prev = p.startNode(v);
      for (const x of jobs) {
        R.next[prev] = x;
        R.prev[x] = prev;
        R.routeOf[x] = v;
        prev = x;
      }
      R.next[prev] = p.endNode(v);
      R.prev[p.endNode(v)] = prev;
    }
    const changed = this.pending.map((route) => route.v);
    for (const v of changed) R.update(v);
    this.pending.length = 0;
    return changed;
  }
}
