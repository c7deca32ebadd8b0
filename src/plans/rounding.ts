/**
 * From the LP's fractional flows to one route per parcel that respects capacity:
 *
 * 1. every commodity puts ⌊x⌋ of its parcels (heaviest first) on each column with flow,
 *    the columns with most flow first, while the route has room for the parcel;
 * 2. the parcels left take the cheapest of their commodity's columns (cost plus the late
 *    penalty) that still has room;
 * 3. the parcels still left are repaired by the capacity-aware router over what is
 *    booked so far (the cheapest route by the deadline with room, else the express one);
 * 4. what is left is unplanned.
 */
import type { LoadTable } from '../routing/capacity/loads';
import { reservationsOf } from '../routing/capacity/reservations';
import type { NetworkIndex } from '../routing/network/network-index';
import { explainRoute } from '../routing/router/explain';
import type { Router } from '../routing/router/router';
import type { RouteAnswer, RoutePlan, RouteQuery } from '../routing/types';
import { columnCharge, itineraryOf, type Column } from './columns';
import type { Commodity } from './commodities';
import { fits, reservationsAt } from './fit';
import { NoRoom } from './no-room';
import type { ParcelPlan, PlanPenalties } from './types';

/** Flow below this counts as none. */
const EPSILON = 1e-6;

export interface Rounded {
  /** The plans of the commodities' parcels; the other entries are left unset. */
  plans: ParcelPlan[];
  /** Routes the repair found, by commodity: to be columns of the LP that bounds the plan. */
  repaired: { commodity: number; route: RoutePlan }[];
}

export function roundFlows(
  ix: NetworkIndex,
  queries: readonly RouteQuery[],
  commodities: readonly Commodity[],
  columns: readonly Column[],
  ofCommodity: readonly number[][],
  x: Float64Array,
  penalties: PlanPenalties,
  loads: LoadTable,
  repairRouter: Router,
): Rounded {
  const plans: ParcelPlan[] = new Array(queries.length);
  const left: number[][] = commodities.map(() => []);
  const put = (i: number, c: Commodity, col: Column): boolean => {
    const q = queries[i];
    if (!fits(ix, loads, col.legs, col.departs, q.weightKg)) return false;
    loads.apply(reservationsAt(ix, col.legs, col.departs, q.weightKg), 1);
    plans[i] = {
      kind: 'planned',
      answer: answerOf(q, c, explainRoute(ix, itineraryOf(c, col), q.readyAt, q.weightKg)),
    };
    return true;
  };

  for (const c of commodities) {
    const withFlow = ofCommodity[c.id].filter((j) => x[j] >= 1 - EPSILON).sort((a, b) => x[b] - x[a] || a - b);
    let next = 0;
    for (const j of withFlow) {
      let take = Math.floor(x[j] + EPSILON);
      while (take > 0 && next < c.parcels.length) {
        const i = c.parcels[next];
        if (!put(i, c, columns[j])) break;
        next++;
        take--;
      }
    }
    left[c.id] = c.parcels.slice(next);
  }

  const repaired: Rounded['repaired'] = [];
  // Loads only grow in the repair: a parcel no lighter than one the router found no room for finds none either.
  const noRoom = new NoRoom();
  for (const c of commodities) {
    const rest = left[c.id];
    if (!rest.length) continue;
    const byCharge = ofCommodity[c.id]
      .map((j) => ({
        j,
        charge: columnCharge(columns[j], c.minKg, penalties.latePenalty) + (x[j] > EPSILON ? 0 : EPSILON),
      }))
      .sort((a, b) => a.charge - b.charge || a.j - b.j);
    for (const i of rest) {
      if (byCharge.some(({ j }) => put(i, c, columns[j]))) continue;
      const q = queries[i];
      if (noRoom.known(q)) {
        plans[i] = { kind: 'unplanned' };
        continue;
      }
      const outcome = repairRouter.route({
        ...q,
        serviceLevel: 'standard',
        deadline: c.deadline,
        alternatives: undefined,
      });
      if (outcome.kind !== 'routed') {
        if (outcome.kind === 'no-capacity') noRoom.refused(q);
        plans[i] = { kind: 'unplanned' };
        continue;
      }
      loads.apply(reservationsOf(ix, outcome.answer.route, q.weightKg), 1);
      plans[i] = { kind: 'planned', answer: answerOf(q, c, outcome.answer.route) };
      repaired.push({ commodity: c.id, route: outcome.answer.route });
    }
  }
  return { plans, repaired };
}

/** A parcel's answer on a planned route: its own level, its deadline, and whether the route meets it. */
export function answerOf(q: RouteQuery, c: Commodity, route: RoutePlan): RouteAnswer {
  return {
    serviceLevel: q.serviceLevel ?? 'standard',
    deadline: c.deadline,
    meetsDeadline: route.arriveAt <= c.deadline,
    slackMinutes: c.deadline - route.arriveAt,
    route,
  };
}
