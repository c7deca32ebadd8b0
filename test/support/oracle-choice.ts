/**
 * The test oracle's reading of the service-level table (docs/api.md, What a route is): given every
 * feasible route, which ones are the best, ties included?
 */
import type { ServiceLevel } from '../../src/routing/types';

export interface OracleRoute {
  legIds: string[];
  /** When each leg departs. */
  departAts: number[];
  arriveAt: number;
  cost: number;
  co2Kg: number;
}

export interface OracleChoice {
  /**
   * Every route that is equally good under the level's criteria (never empty), in the
   * order of the last tie-break: the smallest list of leg ids first (the canonical route).
   */
  ties: OracleRoute[];
  /** How many routes were still tied after each criterion, e.g. [3, 1]: a tie broken by the second. */
  tiedAfter: number[];
  meetsDeadline: boolean;
}

/** Money and CO2 amounts differing by less than 1e-9 of their size are equal. */
export function sameAmount(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) < 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Negative when `a` is better, 0 when tied, positive when `b` is better. */
type Criterion = (a: OracleRoute, b: OracleRoute) => number;

const earliestArrival: Criterion = (a, b) => a.arriveAt - b.arriveAt;
const lowestCost: Criterion = (a, b) => (sameAmount(a.cost, b.cost) ? 0 : a.cost - b.cost);
const lowestCo2: Criterion = (a, b) => (sameAmount(a.co2Kg, b.co2Kg) ? 0 : a.co2Kg - b.co2Kg);

const CRITERIA: Record<ServiceLevel, Criterion[]> = {
  express: [earliestArrival, lowestCost],
  standard: [lowestCost, earliestArrival],
  economy: [lowestCost, earliestArrival],
  green: [lowestCo2, lowestCost, earliestArrival],
};

/** Levels that choose only among routes arriving by the deadline. */
const BY_DEADLINE: ReadonlySet<ServiceLevel> = new Set(['standard', 'green']);

/** Keep the best routes by the first criterion, then the best of those by the next, … */
function bestOf(routes: OracleRoute[], criteria: Criterion[]): Omit<OracleChoice, 'meetsDeadline'> {
  let ties = routes;
  const tiedAfter: number[] = [];
  for (const criterion of criteria) {
    const top = ties.reduce((best, r) => (criterion(r, best) < 0 ? r : best));
    ties = ties.filter((r) => criterion(r, top) === 0);
    tiedAfter.push(ties.length);
  }
  return { ties: [...ties].sort((a, b) => compareLegIds(a.legIds, b.legIds)), tiedAfter };
}

/**
 * The routing rules' last tie-break (docs/api.md, Ties), written naively: lists of leg ids compared id by id as
 * strings (JavaScript `<`), a list that is a prefix of another first.
 */
export function compareLegIds(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

export function chooseRoutes(routes: OracleRoute[], level: ServiceLevel, deadline: number): OracleChoice | null {
  if (routes.length === 0) return null;
  if (BY_DEADLINE.has(level)) {
    const onTime = routes.filter((r) => r.arriveAt <= deadline);
    if (onTime.length > 0) return { ...bestOf(onTime, CRITERIA[level]), meetsDeadline: true };
    return { ...bestOf(routes, CRITERIA.express), meetsDeadline: false };
  }
  const best = bestOf(routes, CRITERIA[level]);
  return { ...best, meetsDeadline: best.ties[0]!.arriveAt <= deadline };
}
