/**
 * What a search minimises, and the tie rules of CONTRACT §2: money and CO2 amounts that
 * differ by less than 1e-9 of their size are equal, arrival minutes are exact.
 *   time — earliest arrival, then lowest cost (express)
 *   cost — lowest cost, then earliest arrival (standard, economy)
 *   co2  — lowest CO2, then lowest cost, then earliest arrival (green)
 */
export type Objective = 'time' | 'cost' | 'co2';

const RELATIVE_TOLERANCE = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** The largest amount still equal to `x` under the tolerance. */
export function upperTieLimit(x: number): number {
  return x + RELATIVE_TOLERANCE * Math.abs(x);
}

export interface Outcome {
  arrival: number;
  cost: number;
  co2: number;
}

/** Whether outcome a is strictly preferred to b under the objective's tie rules. */
export function isBetter(objective: Objective, a: Outcome, b: Outcome): boolean {
  if (objective === 'time') {
    if (a.arrival !== b.arrival) return a.arrival < b.arrival;
    return !nearlyEqual(a.cost, b.cost) && a.cost < b.cost;
  }
  if (objective === 'co2' && !nearlyEqual(a.co2, b.co2)) return a.co2 < b.co2;
  if (!nearlyEqual(a.cost, b.cost)) return a.cost < b.cost;
  return a.arrival < b.arrival;
}
