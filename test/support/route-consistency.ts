/**
 * Checks that a router answer is self-consistent with the routing rules (docs/api.md, What a route is), recomputing
 * every leg's departure with the oracle's own schedule code (and ledger, with capacity). Returns the list of
 * problems found (empty when the answer holds together).
 */
import { legCo2PerKg } from '../../src/routing/network/emissions';
import type { Closure, NetworkDocument, RouteAnswer, RouteQuery } from '../../src/routing/types';
import { sameAmount } from './oracle-choice';
import { departureWithRoom, type OracleLedger } from './oracle-capacity';
import { nextDeparture } from './oracle-schedule';

export function routeProblems(
  doc: NetworkDocument,
  query: RouteQuery,
  closures: readonly Closure[],
  answer: RouteAnswer,
  /** What is booked, when departures without room are skipped (capacity: docs/network.md). */
  ledger?: OracleLedger,
): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const hubs = new Map(doc.hubs.map((h) => [h.id, h]));
  const legs = new Map(doc.legs.map((l) => [l.id, l]));
  const { route } = answer;
  const avoid = query.avoid ?? {};

  let at = query.origin;
  let arrivedAt = query.readyAt;
  let cost = 0;
  let co2Kg = 0;
  for (const [i, step] of route.legs.entries()) {
    const leg = legs.get(step.legId);
    if (!leg) return [...problems, `leg ${i}: unknown leg ${step.legId}`];
    const from = hubs.get(leg.from)!;
    const to = hubs.get(leg.to)!;
    expect(leg.from === at, `leg ${i} (${leg.id}) leaves ${leg.from}, but the parcel is at ${at}`);
    expect(step.from === leg.from && step.to === leg.to, `leg ${i}: from/to differ from ${leg.id}`);
    expect(step.mode === leg.mode && step.carrier === leg.carrier, `leg ${i}: mode/carrier differ`);
    expect(!avoid.modes?.includes(leg.mode), `leg ${i} uses avoided mode ${leg.mode}`);
    expect(!avoid.carriers?.includes(leg.carrier), `leg ${i} uses avoided carrier ${leg.carrier}`);
    const intermediate = leg.to !== query.destination;
    expect(!(intermediate && avoid.hubs?.includes(leg.to)), `leg ${i} stops at avoided ${leg.to}`);
    const available = arrivedAt + from.sortMinutes;
    const departAt = ledger
      ? departureWithRoom(leg, available, closures, step.departAt, ledger, query.weightKg)
      : nextDeparture(leg, available, closures, step.departAt);
    expect(step.departAt === departAt, `leg ${i}: departAt ${step.departAt}, first allowed ${departAt}`);
    expect(step.sortMinutes === from.sortMinutes, `leg ${i}: sortMinutes ${step.sortMinutes}`);
    expect(step.waitMinutes === step.departAt - available, `leg ${i}: waitMinutes ${step.waitMinutes}`);
    expect(step.arriveAt === step.departAt + leg.durationMinutes, `leg ${i}: arriveAt ≠ depart + duration`);
    const legCost = leg.costPerParcel + leg.costPerKg * query.weightKg;
    expect(sameAmount(step.cost, legCost), `leg ${i}: cost ${step.cost}, expected ${legCost}`);
    expect(step.handlingCost === from.handlingCost, `leg ${i}: handlingCost ${step.handlingCost}`);
    const legCo2 = legCo2PerKg(leg, from, to) * query.weightKg;
    expect(sameAmount(step.co2Kg, legCo2), `leg ${i}: co2Kg ${step.co2Kg}, expected ${legCo2}`);
    at = leg.to;
    arrivedAt = step.arriveAt;
    cost += step.cost + step.handlingCost;
    co2Kg += step.co2Kg;
  }

  const expectedHubs = [query.origin, ...route.legs.map((l) => l.to)];
  expect(at === query.destination, `the route ends at ${at}, not ${query.destination}`);
  expect(new Set(expectedHubs).size === expectedHubs.length, 'the route visits a hub twice');
  expect(route.hubs.join() === expectedHubs.join(), `hubs ${route.hubs.join()} ≠ ${expectedHubs.join()}`);
  expect(route.arriveAt === arrivedAt, `route arriveAt ${route.arriveAt}, last leg ${arrivedAt}`);
  const departAt = route.legs[0]?.departAt ?? query.readyAt;
  expect(route.departAt === departAt, `route departAt ${route.departAt}, expected ${departAt}`);
  expect(sameAmount(route.cost, cost), `route cost ${route.cost}, legs add up to ${cost}`);
  expect(sameAmount(route.co2Kg, co2Kg), `route co2Kg ${route.co2Kg}, legs add up to ${co2Kg}`);
  expect(route.transitMinutes === route.arriveAt - query.readyAt, 'transitMinutes ≠ arriveAt − readyAt');
  expect(answer.slackMinutes === answer.deadline - route.arriveAt, 'slackMinutes ≠ deadline − arriveAt');
  expect(answer.meetsDeadline === route.arriveAt <= answer.deadline, 'meetsDeadline ≠ arriveAt ≤ deadline');
  expect(answer.serviceLevel === (query.serviceLevel ?? 'standard'), `serviceLevel ${answer.serviceLevel}`);
  return problems;
}
