/**
 * First come, first booked: the parcels one by one in the order given, each booked
 * on its level's route over what has room (CONTRACT §5), in memory, on the same
 * starting loads as the plan. What a plan is measured against, and what it falls back
 * to when its rounding comes out worse.
 *
 * With a helper thread (search-helper.ts), the helper looks for every other parcel's route
 * a batch ahead of its turn, over the loads as they were before the batch being booked;
 * at its turn the route is taken if it still fits, else the parcel is routed here. That
 * changes nothing: loads only grow here, so a route that still fits is still the route
 * the router would choose (every departure it passed over is still full, every route
 * now open to the parcel was open then, no sooner and no cheaper), and a parcel that
 * found no room then finds none now.
 */
import type { LoadTable, Reservation } from '../routing/capacity/loads';
import { reservationsOf } from '../routing/capacity/reservations';
import { answerOf, levelOf, type Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { fits, reservationsAt } from './fit';
import { NoRoom } from './no-room';
import { packReservations } from './packed-bookings';
import { departsOf, unpackRoutes, type Found } from './packed-routes';
import { Choice, SHARED_FROM, type PackedChoices, type SearchHelper } from './search-helper';
import type { ParcelPlan } from './types';

/** Parcels of one batch: the helper looks for half of them while the batch before is booked. @defaultValue */
export const GREEDY_BATCH = 256;

/**
 * @param router routes over `loads` (its Loads must be `loads`)
 * @param loads the starting loads; every booking is added to it
 * @param helper where every other parcel's route is looked for ahead of its turn
 * @param batch parcels of a batch (tests make them small)
 */
export async function greedyPlans(
  router: Router,
  loads: LoadTable,
  queries: readonly RouteQuery[],
  helper?: SearchHelper,
  batch = GREEDY_BATCH,
): Promise<ParcelPlan[]> {
  const ix = router.index;
  const plans: ParcelPlan[] = new Array(queries.length);
  // Loads only grow here: a parcel of a query that found no room, and no lighter, finds none either.
  const noRoom = new NoRoom();
  let sent: Reservation[] = [];
  const book = (reservations: Reservation[]) => {
    loads.apply(reservations, 1);
    if (helper) sent.push(...reservations);
  };
  const routeHere = (i: number) => {
    const q = queries[i];
    const outcome = router.route(q);
    if (outcome.kind === 'routed') {
      book(reservationsOf(ix, outcome.answer.route, q.weightKg));
      plans[i] = { kind: 'planned', answer: outcome.answer };
    } else if (outcome.kind === 'no-capacity') {
      noRoom.refused(q);
      plans[i] = { kind: 'unplanned' };
    } else plans[i] = { kind: 'excluded', outcome };
  };
  // The helper's choice for parcel i, taken when it still holds; false: route it here.
  const taken = (i: number, choices: PackedChoices, at: number, route: readonly Found[]) => {
    const q = queries[i];
    if (choices.kinds[at] === Choice.NoRoom) {
      noRoom.refused(q);
      plans[i] = { kind: 'unplanned' };
      return true;
    }
    if (choices.kinds[at] !== Choice.Route) return false;
    const { legs, arrivals } = route[0];
    const departs = departsOf(ix, route[0]);
    if (!fits(ix, loads, legs, departs, q.weightKg)) return false;
    book(reservationsAt(ix, legs, departs, q.weightKg));
    const origin = ix.hubByCode.get(q.origin) as number;
    const { level, deadline } = levelOf(ix, q, origin, ix.hubByCode.get(q.destination) as number);
    plans[i] = { kind: 'planned', answer: answerOf(ix, q, { origin, legs, arrivals }, level, deadline) };
    return true;
  };

  if (!helper || queries.length < SHARED_FROM) {
    for (let i = 0; i < queries.length; i++) {
      if (noRoom.known(queries[i])) plans[i] = { kind: 'unplanned' };
      else routeHere(i);
    }
    return plans;
  }
  // Every other parcel of the batch from `from`, over the loads as they are now.
  const ask = (from: number, first: boolean) => {
    const asked: number[] = [];
    for (let i = from + 1; i < Math.min(from + batch, queries.length); i += 2)
      if (!queries[i].alternatives) asked.push(i);
    const booked = packReservations(sent);
    sent = [];
    const choices = helper
      .choices(
        first ? loads.contents() : undefined,
        booked,
        asked.map((i) => queries[i]),
      )
      // A helper that fails leaves its parcels to this thread.
      .catch(() => undefined);
    return { asked, choices };
  };
  let next = ask(0, true);
  for (let from = 0; from < queries.length; from += batch) {
    const { asked, choices } = next;
    const answered = await choices;
    if (from + batch < queries.length) next = ask(from + batch, false);
    const routes = answered ? unpackRoutes(answered.routes) : [];
    const at = new Map(asked.map((i, k) => [i, k]));
    for (let i = from; i < Math.min(from + batch, queries.length); i++) {
      if (noRoom.known(queries[i])) {
        plans[i] = { kind: 'unplanned' };
        continue;
      }
      const k = at.get(i);
      if (answered && k !== undefined && taken(i, answered, k, routes[k])) continue;
      routeHere(i);
    }
  }
  return plans;
}
