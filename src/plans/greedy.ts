/**
 * First come, first booked: the parcels one by one in the order given, each booked
 * on its level's route over what has room (CONTRACT §5), in memory, on the same
 * starting loads as the plan. What a plan is measured against, and what it falls back
 * to when its rounding comes out worse.
 */
import type { LoadTable } from '../routing/capacity/loads';
import { reservationsOf } from '../routing/capacity/reservations';
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { NoRoom } from './no-room';
import type { ParcelPlan } from './types';

/**
 * @param router routes over `loads` (its Loads must be `loads`)
 * @param loads the starting loads; every booking is added to it
 */
export function greedyPlans(router: Router, loads: LoadTable, queries: readonly RouteQuery[]): ParcelPlan[] {
  const plans: ParcelPlan[] = new Array(queries.length);
  // Loads only grow here: a parcel of a query that found no room, and no lighter, finds none either.
  const noRoom = new NoRoom();
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    if (noRoom.known(q)) {
      plans[i] = { kind: 'unplanned' };
      continue;
    }
    const outcome = router.route(q);
    if (outcome.kind === 'routed') {
      loads.apply(reservationsOf(router.index, outcome.answer.route, q.weightKg), 1);
      plans[i] = { kind: 'planned', answer: outcome.answer };
    } else if (outcome.kind === 'no-capacity') {
      noRoom.refused(q);
      plans[i] = { kind: 'unplanned' };
    } else plans[i] = { kind: 'excluded', outcome };
  }
  return plans;
}
