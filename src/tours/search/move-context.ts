/** What every operator works on: the routes, a pricer and a collector over them. */
import type { TourProblem } from '../problem';
import { RouteCollector, type RouteBuilder } from './route-builder';
import type { RouteData } from './route-data';
import { SequenceCost } from './sequence-cost';

// Math's functions held here: a global lookup per call is slow where globals are intercepted (jest's vm contexts).
const { abs } = Math;

export class MoveContext {
  readonly problem: TourProblem;
  readonly pricer: SequenceCost;
  readonly collector: RouteCollector;

  constructor(readonly routes: RouteData) {
    this.problem = routes.problem;
    this.pricer = new SequenceCost(routes);
    this.collector = new RouteCollector(routes);
  }

  /** Carries out a move described by `build`; returns the routes it changed. */
  carryOut(build: (b: RouteBuilder) => number): number[] {
    build(this.collector);
    return this.collector.commit();
  }
}

/** What evaluate answers for a move that is not possible or cannot improve (a module constant: no global lookup). */
export const NO_MOVE = Infinity;

/** Improvements smaller than this share of the costs involved are rounding, not improvements. */
export function improves(delta: number, scale: number): boolean {
  return delta < -1e-9 * (1 + abs(scale));
}
