import { clearlyLess, notWorse, type Front } from '../search/objective';
import type { RoutePlan } from '../types';

/**
 * Which routes to offer as alternatives (docs/api.md), from every route by the
 * deadline that a `pareto` search kept: those that no other beats on arrival, cost and
 * CO2 at once (no later, no dearer, no more CO2, and better in one), at most `max` of
 * them; from a `tradeoffs` search, those that no other beats on arrival and cost, CO2
 * aside. (A search's bags may keep a later route of the same cost: an earlier arrival
 * alone does not dominate there. Here it does.) When there are more, the chosen route
 * (when it meets the deadline), the earliest, the cheapest and the greenest come first,
 * then the others by arrival.
 * The chosen route is offered even when another ties it in two amounts and beats it in
 * the third, which its level does not look at. Sorted by arrival, then cost, CO2 and
 * leg ids.
 */
export function selectAlternatives(
  candidates: readonly RoutePlan[],
  chosen: RoutePlan | undefined,
  max: number,
  kind: Front = 'pareto',
): RoutePlan[] {
  const withCo2 = kind === 'pareto';
  const front = candidates.filter((route) => !candidates.some((other) => beats(other, route, withCo2)));
  const byArrival = [...front].sort(order);
  const wanted: RoutePlan[] = [];
  const want = (route: RoutePlan | undefined): void => {
    if (route && wanted.length < max && !wanted.some((w) => sameLegs(w, route))) wanted.push(route);
  };
  want(chosen);
  want(byArrival[0]);
  want(first(front, (a, b) => compareAmounts(a.cost, b.cost)));
  want(first(front, (a, b) => compareAmounts(a.co2Kg, b.co2Kg)));
  for (const route of byArrival) want(route);
  return wanted.sort(order);
}

/** Whether route a beats route b on arrival, cost and (`withCo2`) CO2 at once. */
function beats(a: RoutePlan, b: RoutePlan, withCo2: boolean): boolean {
  if (a.arriveAt > b.arriveAt || !notWorse(a.cost, b.cost) || (withCo2 && !notWorse(a.co2Kg, b.co2Kg))) return false;
  return a.arriveAt < b.arriveAt || clearlyLess(a.cost, b.cost) || (withCo2 && clearlyLess(a.co2Kg, b.co2Kg));
}

/** The first route by `by`, then by the order routes are listed in. */
function first(routes: readonly RoutePlan[], by: (a: RoutePlan, b: RoutePlan) => number): RoutePlan | undefined {
  return [...routes].sort((a, b) => by(a, b) || order(a, b))[0];
}

function compareAmounts(a: number, b: number): number {
  if (clearlyLess(a, b)) return -1;
  return clearlyLess(b, a) ? 1 : 0;
}

function order(a: RoutePlan, b: RoutePlan): number {
  return a.arriveAt - b.arriveAt || a.cost - b.cost || a.co2Kg - b.co2Kg || compareLegIds(a, b);
}

function compareLegIds(a: RoutePlan, b: RoutePlan): number {
  for (let i = 0; i < Math.min(a.legs.length, b.legs.length); i++) {
    if (a.legs[i].legId !== b.legs[i].legId) return a.legs[i].legId < b.legs[i].legId ? -1 : 1;
  }
  return a.legs.length - b.legs.length;
}

function sameLegs(a: RoutePlan, b: RoutePlan): boolean {
  return a.legs.length === b.legs.length && a.legs.every((leg, i) => leg.legId === b.legs[i].legId);
}
