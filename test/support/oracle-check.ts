/**
 * How a router's answer to a random case disagrees with the brute-force oracle:
 * the route must be the oracle's canonical one (of its full ties, the smallest list of leg ids), hold together leg by leg, and
 * carry the oracle's deadline verdict. An empty list when it agrees.
 */
import type { Router } from '../../src/routing/router/router';
import type { NetworkDocument, RouteAnswer, RouteOutcome, RouteQuery } from '../../src/routing/types';
import { allRoutes, type OracleAnswer } from './brute-force';
import type { OracleLedger } from './oracle-capacity';
import { sameAmount, type OracleRoute } from './oracle-choice';
import type { RandomCase } from './random-query';
import { routeProblems } from './route-consistency';

function show(r: Pick<OracleRoute, 'legIds' | 'arriveAt' | 'cost' | 'co2Kg'>): string {
  return `[${r.legIds.join(' ')}] arriveAt ${r.arriveAt} cost ${r.cost} co2Kg ${r.co2Kg}`;
}

/** How the router's answer disagrees with the oracle's canonical route (empty when it agrees). */
function disagreements(expected: OracleAnswer, answer: RouteAnswer): string[] {
  const chosen = answer.route.legs.map((l) => l.legId);
  const tie = expected.ties.find((t) => t.legIds.join() === chosen.join());
  const problems: string[] = [];
  if (!tie) {
    const route = { legIds: chosen, ...answer.route };
    problems.push(`router chose ${show(route)}; the best is ${show(expected)}`);
  } else if (tie !== expected.ties[0]) {
    problems.push(`router chose the tie ${show(tie)}; the canonical one (smallest leg ids) is ${show(expected)}`);
  } else {
    if (answer.route.arriveAt !== tie.arriveAt) problems.push(`arriveAt ≠ oracle ${show(tie)}`);
    const departAts = answer.route.legs.map((l) => l.departAt);
    if (departAts.join() !== tie.departAts.join())
      problems.push(`departures ${departAts.join()} ≠ oracle ${tie.departAts.join()}`);
    if (!sameAmount(answer.route.cost, tie.cost)) problems.push(`cost ≠ oracle ${show(tie)}`);
    if (!sameAmount(answer.route.co2Kg, tie.co2Kg)) problems.push(`co2Kg ≠ oracle ${show(tie)}`);
  }
  if (answer.deadline !== expected.deadline) problems.push(`deadline ≠ oracle ${expected.deadline}`);
  if (answer.meetsDeadline !== expected.meetsDeadline) {
    problems.push(`meetsDeadline ${answer.meetsDeadline}, oracle ${expected.meetsDeadline}`);
  }
  return problems;
}

/** The answer of a router's outcome, or undefined for no route; an unknown hub is a broken test. */
export function answerOrNoRoute(outcome: RouteOutcome): RouteAnswer | undefined {
  if (outcome.kind === 'unknown-hub') throw new Error(`the test asked for an unknown hub: ${outcome.hubId}`);
  return outcome.kind === 'routed' ? outcome.answer : undefined;
}

/** The answer of a router that must find one. */
export function routeOf(router: Router, query: RouteQuery): RouteAnswer {
  const outcome = router.route(query);
  if (outcome.kind !== 'routed') throw new Error(`expected a route, got ${JSON.stringify(outcome)}`);
  return outcome.answer;
}

export function checkAgainstOracle(
  doc: NetworkDocument,
  { query, closures }: RandomCase,
  expected: OracleAnswer | null,
  outcome: RouteOutcome,
  ledger?: OracleLedger,
): string[] {
  if (outcome.kind !== 'routed') {
    // Without room, the router tells apart a network that has a route (by the schedule alone (no capacity)) from one that has none.
    const expectedKind = expected
      ? 'routed'
      : ledger && allRoutes(doc, query, closures).length > 0
        ? 'no-capacity'
        : 'no-route';
    if (outcome.kind === expectedKind) return [];
    return [`router said ${JSON.stringify(outcome)}; oracle: ${expected ? show(expected) : expectedKind}`];
  }
  const { answer } = outcome;
  if (!expected) return [`router found a route, the oracle none: ${JSON.stringify(answer.route)}`];
  return [...routeProblems(doc, query, closures, answer, ledger), ...disagreements(expected, answer)];
}

/** Fails with the problems and what replays the case (the case and its network as JSON), unless there are none. */
export function failOnProblems(
  where: string,
  problems: readonly string[],
  doc: NetworkDocument,
  testCase: RandomCase,
): void {
  if (problems.length === 0) return;
  const replay = JSON.stringify({ ...testCase, network: doc });
  throw new Error(`${where}:\n  ${problems.join('\n  ')}\nreplay: ${replay}`);
}
