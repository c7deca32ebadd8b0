/**
 * What a search minimises, and the tie rules of docs/api.md (What a route is): money and CO2 amounts that
 * differ by less than 1e-9 of their size are equal, arrival minutes are exact.
 *   time — earliest arrival, then lowest cost (express)
 *   cost — lowest cost, then earliest arrival (standard, economy)
 *   co2  — lowest CO2, then lowest cost, then earliest arrival (green)
 * Routes still tied after these go by their leg ids (see PathOrder). A `pareto` search
 * chooses none: it keeps every route that no other beats on arrival, cost and CO2 at
 * once (the alternatives of docs/api.md). A `tradeoffs` search keeps every route that
 * no other beats on arrival and cost at once, CO2 aside (a flow plan's candidate routes:
 * docs/plans.md).
 *
 * The tolerance is there for rounding: the same legs summed in another order can
 * differ in the last bits. Amounts are never negative.
 */
export type Objective = 'time' | 'cost' | 'co2' | Front;

/** The searches that choose no route but keep every route no other beats: their fronts. */
export type Front = 'pareto' | 'tradeoffs';

export function isFront(objective: Objective): objective is Front {
  return objective === 'pareto' || objective === 'tradeoffs';
}

/** Amounts that differ by less than this share of their size are equal. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Whether amount a is no worse than b: lower, or equal within the tolerance. */
export function notWorse(a: number, b: number): boolean {
  return a <= b || a - b <= RELATIVE_TOLERANCE * a;
}

/** Whether amount a is lower than b by more than the tolerance. */
export function clearlyLess(a: number, b: number): boolean {
  return b - a > RELATIVE_TOLERANCE * b;
}

/**
 * A limit no amount tied with `x` exceeds: a search that found a route at `x` still
 * looks at everything up to it, so that every tied route is compared.
 */
export function upperTieLimit(x: number): number {
  return x + 2 * RELATIVE_TOLERANCE * Math.abs(x);
}

export interface Outcome {
  arrival: number;
  cost: number;
  co2: number;
}

/** Negative when outcome a is preferred to b under the objective's criteria, positive when b is, 0 when they tie. */
export function compareOutcomes(objective: Objective, a: Outcome, b: Outcome): number {
  if (objective === 'time' && a.arrival !== b.arrival) return a.arrival - b.arrival;
  if (objective === 'co2') {
    const co2 = compareAmounts(a.co2, b.co2);
    if (co2 !== 0) return co2;
  }
  const cost = compareAmounts(a.cost, b.cost);
  if (cost !== 0 || objective === 'time') return cost;
  return a.arrival - b.arrival;
}

function compareAmounts(a: number, b: number): number {
  if (clearlyLess(a, b)) return -1;
  return clearlyLess(b, a) ? 1 : 0;
}
