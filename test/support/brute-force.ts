/**
 * An obviously-correct routing oracle for SMALL networks (≤ 8 hubs, ~25 legs),
 * written straight from the routing rules (docs/api.md, What a route is) and sharing no code with the router's index
 * or search: enumerate every simple leg sequence from the origin by depth-first
 * search, time each one with the oracle's own schedule code, then pick the answer
 * with the service-level table. Default CO2 reuses src/routing/emissions.ts (a
 * table of contract numbers, pinned by hand in routing-rules.test.ts).
 */
import { legCo2PerKg } from '../../src/routing/network/emissions';
import { HORIZON_MINUTES } from '../../src/routing/time';
import type { Closure, Hub, Leg, NetworkDocument, RouteQuery } from '../../src/routing/types';
import { chooseRoutes, type OracleChoice, type OracleRoute } from './oracle-choice';
import { departureWithRoom, type OracleLedger } from './oracle-capacity';
import { nextDeparture } from './oracle-schedule';

/** The canonical best route (the first of the ties), with the whole choice (ties included) and the deadline. */
export interface OracleAnswer extends OracleRoute, OracleChoice {
  deadline: number;
}

export function defaultDeadline(origin: Hub, destination: Hub, readyAt: number): number {
  return readyAt + (origin.country === destination.country ? 24 : 72) * 60;
}

/**
 * Every simple route from origin to destination that respects avoid, closures and the
 * horizon, and with a ledger, that takes only departures with room (capacity: docs/network.md).
 */
export function allRoutes(
  doc: NetworkDocument,
  query: RouteQuery,
  closures: readonly Closure[],
  ledger?: OracleLedger,
): OracleRoute[] {
  const hubs = new Map(doc.hubs.map((h) => [h.id, h]));
  const latest = query.readyAt + HORIZON_MINUTES;
  const avoid = query.avoid ?? {};
  const usable = (leg: Leg): boolean =>
    !avoid.modes?.includes(leg.mode) &&
    !avoid.carriers?.includes(leg.carrier) &&
    (leg.to === query.destination || !avoid.hubs?.includes(leg.to));
  const routes: OracleRoute[] = [];

  const visit = (
    at: string,
    arrivedAt: number,
    path: Leg[],
    departAts: number[],
    cost: number,
    co2Kg: number,
  ): void => {
    if (at === query.destination) {
      routes.push({ legIds: path.map((l) => l.id), departAts, arriveAt: arrivedAt, cost, co2Kg });
      return;
    }
    const hub = hubs.get(at)!;
    const available = arrivedAt + hub.sortMinutes;
    const visited = new Set([query.origin, ...path.map((l) => l.to)]);
    for (const leg of doc.legs) {
      if (leg.from !== at || visited.has(leg.to) || !usable(leg)) continue;
      const departAt = ledger
        ? departureWithRoom(leg, available, closures, latest, ledger, query.weightKg)
        : nextDeparture(leg, available, closures, latest);
      if (departAt === null || departAt + leg.durationMinutes > latest) continue;
      const legCost = leg.costPerParcel + leg.costPerKg * query.weightKg + hub.handlingCost;
      const legCo2 = legCo2PerKg(leg, hub, hubs.get(leg.to)!) * query.weightKg;
      visit(
        leg.to,
        departAt + leg.durationMinutes,
        [...path, leg],
        [...departAts, departAt],
        cost + legCost,
        co2Kg + legCo2,
      );
    }
  };
  visit(query.origin, query.readyAt, [], [], 0, 0);
  return routes;
}

/** The oracle's answer, or null when no route exists (with room, given a ledger). */
export function bruteForceRoute(
  doc: NetworkDocument,
  query: RouteQuery,
  closures: readonly Closure[] = [],
  ledger?: OracleLedger,
): OracleAnswer | null {
  const origin = doc.hubs.find((h) => h.id === query.origin);
  const destination = doc.hubs.find((h) => h.id === query.destination);
  if (!origin || !destination) throw new Error('the oracle only answers for known hubs');
  const deadline = query.deadline ?? defaultDeadline(origin, destination, query.readyAt);
  const choice = chooseRoutes(allRoutes(doc, query, closures, ledger), query.serviceLevel ?? 'standard', deadline);
  if (!choice) return null;
  return { ...choice.ties[0]!, ...choice, deadline };
}
