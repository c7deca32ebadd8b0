/**
 * Booking a plan (POST /v1/plans?book=true) in the capacity ledger, beside live bookings:
 *
 * 1. the run claims the plan (PlanStore.claimRun) and releases what the runs before it held
 *    (src/capacity/run-chain.ts), before it reads the loads it plans against (claimPlan);
 *    and again whenever a date refuses a parcel (a run before it that has not stopped yet
 *    may have reserved since);
 * 2. every planned parcel's route is reserved as planned, one reserve call per date and
 *    slice of parcels, each parcel all or nothing on a date (the ledger never oversells);
 * 3. a parcel some date refused (live bookings took the room meanwhile) gives back what it
 *    took on its other dates and is routed again by the capacity-aware router over the
 *    view the ledger's answers updated (the cheapest route by its deadline with room, else
 *    the express one), up to ROUTE_ATTEMPTS rounds; then it is unplanned (NO_CAPACITY).
 *
 * Booking ids are `<planId>.<chunk>.<i>` (the i-th parcel of the chunk its line is in):
 * the ledger holds each once, so a plan run twice books no parcel twice.
 */
import type { Logger } from 'pino';
import { bookingJson } from '../api/booking-response';
import { parseRouteRequest } from '../api/route-request';
import { runBookingId } from '../capacity/booking-id';
import { ROUTE_ATTEMPTS } from '../capacity/booking-service';
import { holdsOf } from '../capacity/holds';
import type { Ledger } from '../capacity/ledger';
import type { LoadsView } from '../capacity/loads-view';
import { releaseRun, reserveRound, type RunBooking } from '../capacity/reserve-round';
import { releaseEarlier, type EarlierRun } from '../capacity/run-chain';
import type { ChunkEntry } from '../batch/chunk-job';
import { newRunToken } from '../batch/chunk-booking';
import { errorLine } from '../batch/result-line';
import type { LiveNetwork } from '../network/live-network';
import type { PlannedParcel } from '../plans-pool/task';
import type { PlanPenalties } from '../plans/types';
import type { RouteAnswer } from '../routing/types';
import type { PlanRunFigures, PlanStore } from './plan-store';

export interface PlanBookingDeps {
  ledger: Ledger;
  view: LoadsView;
  live: LiveNetwork;
  store: PlanStore;
}

export class PlanSuperseded extends Error {
  override name = 'PlanSuperseded';
}

/** A parcel to book; its chunk key is `<planId>.<chunk>` (the ledger keeps a chunk's holds together, as a batch chunk's). */
interface Waiting extends RunBooking {
  index: number;
  answer: RouteAnswer;
  /** The network version it was routed on: the plan's, or the live one when it was routed again. */
  version: string;
  weightKg: number;
}

export interface BookedPlan {
  /** Every parcel with its line. */
  parcels: PlannedParcel[];
  /** The figures of what was booked. */
  figures: Pick<PlanRunFigures, 'booked' | 'rerouted' | 'planned' | 'late' | 'unplanned' | 'cost' | 'objective'>;
  /** The run's token, the ids it books and the dates it may hold: what it gives back if it cannot complete the plan. */
  run: { token: string; ids: string[]; dates: string[] };
}

/** A run's claim on the plan: its token, and the runs before it. */
export interface PlanClaim {
  token: string;
  earlier: EarlierRun[];
}

/**
 * Claims the plan for a new run and releases what every run before it held (`ids`, the
 * plan's booking ids), so that the run plans against loads without them: a retry would
 * otherwise leave its own earlier run's room unused.
 */
export async function claimPlan(deps: PlanBookingDeps, planId: string, ids: readonly string[]): Promise<PlanClaim> {
  const token = newRunToken();
  const claim = await deps.store.claimRun(planId, token);
  if (claim.kind !== 'claimed') throw new PlanSuperseded(`the plan is ${claim.kind}`);
  await releaseEarlier(deps, ids, claim.earlier);
  return { token, earlier: claim.earlier };
}

export async function bookPlan(
  deps: PlanBookingDeps,
  planId: string,
  claim: PlanClaim,
  version: string,
  entries: readonly ChunkEntry[],
  planned: readonly PlannedParcel[],
  chunkSize: number,
  penalties: PlanPenalties,
  log: Logger,
): Promise<BookedPlan> {
  const { live, store } = deps;
  const { token } = claim;
  const network = live.require();
  if (network.version !== version)
    throw new Error(`the network changed from ${version} to ${network.version} while the plan was made`);
  const allIds = planBookingIds(planId, entries.length, chunkSize);

  const parcels = [...planned];
  let waiting: Waiting[] = [];
  planned.forEach((p, i) => {
    if (p.line !== undefined) return;
    waiting.push({
      index: i,
      id: allIds[i],
      chunkKey: `${planId}.${Math.floor(i / chunkSize)}`,
      answer: p.answer,
      version,
      weightKg: p.weightKg,
      holds: holdsOf(network.index, p.answer.route, p.weightKg),
    });
  });
  const dates = new Set<string>();
  let booked = 0;
  let rerouted = 0;
  let cost = 0;
  let late = 0;
  let unplanned = planned.filter((p) => p.line?.includes('"code":"NO_CAPACITY"')).length;
  for (let round = 1; waiting.length > 0; round++) {
    for (const w of waiting) for (const { date } of w.holds.dates) dates.add(date);
    if (!(await store.setRunDates(planId, token, [...dates].sort()))) {
      await releaseRun(deps, allIds, token, [...dates]);
      throw new PlanSuperseded('a later run of the plan took it over');
    }
    const refused = await reserveRound(deps, waiting, token);
    // A run before this one that has not stopped yet may have reserved since: all it holds goes.
    if (refused.size) await releaseEarlier(deps, allIds, claim.earlier, [...dates]);
    const bookedAt = new Date().toISOString();
    for (const w of waiting) {
      if (refused.has(w)) continue;
      parcels[w.index] = { line: `${bookingJson(w.answer, w.version, entries[w.index].id, w.id, bookedAt)}\n` };
      booked++;
      cost += w.answer.route.cost;
      if (!w.answer.meetsDeadline) late++;
    }
    const again: Waiting[] = [];
    for (const w of [...refused].sort((a, b) => a.index - b.index)) {
      const retry = round < ROUTE_ATTEMPTS ? reroute(live, entries[w.index], w) : undefined;
      if (retry) {
        again.push({ ...w, ...retry });
        rerouted++;
        continue;
      }
      const message = 'live bookings took the room the plan had for this parcel, and no other route has room';
      parcels[w.index] = { line: errorLine(entries[w.index].id, { code: 'NO_CAPACITY', message }) };
      unplanned++;
    }
    waiting = again;
  }
  log.debug({ booked, rerouted, unplanned }, 'plan booked');
  const objective = cost + penalties.latePenalty * late + penalties.unplannedPenalty * unplanned;
  return {
    parcels,
    figures: { booked, rerouted, planned: booked, late, unplanned, cost, objective },
    run: { token, ids: allIds, dates: [...dates] },
  };
}

/** The booking ids of a plan's `total` parcels: the i-th parcel of the chunk of `chunkSize` its line is in. */
export function planBookingIds(planId: string, total: number, chunkSize: number): string[] {
  return Array.from({ length: total }, (_, i) => runBookingId(planId, Math.floor(i / chunkSize), i % chunkSize));
}

/** The parcel routed again over what has room now; undefined when nothing has. */
function reroute(
  live: LiveNetwork,
  entry: ChunkEntry,
  w: Waiting,
): Pick<Waiting, 'answer' | 'version' | 'holds'> | undefined {
  if ('error' in entry) return undefined;
  const parsed = parseRouteRequest(entry.request);
  if (!parsed.ok) return undefined;
  const network = live.require();
  const outcome = network.router.route({ ...parsed.query, serviceLevel: 'standard', deadline: w.answer.deadline });
  if (outcome.kind !== 'routed') return undefined;
  const answer = { ...outcome.answer, serviceLevel: w.answer.serviceLevel };
  return { answer, version: network.version, holds: holdsOf(network.index, answer.route, w.weightKg) };
}
