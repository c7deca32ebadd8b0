/**
 * Booking a chunk of a batch (POST /v1/batches?book=true): every parcel routed in chunk
 * order over what has room and booked, without a Redis round trip per parcel.
 *
 * 1. The run claims the chunk (BookingRuns): a run before it that never recorded its
 *    results has its holds released first; a chunk already recorded is final.
 * 2. Each parcel is routed on the process's view, which holds the chunk's earlier
 *    parcels (LoadsView.hold): the chunk's own bookings count for its later parcels.
 * 3. One reserve script call per date for all the chunk's parcels on that date, in
 *    chunk order, each all or nothing there; the dates side by side.
 * 4. A parcel a date refused (other processes filled it meanwhile) gives back what it
 *    took on its other dates and is routed again on the view the ledger just updated,
 *    up to ROUTE_ATTEMPTS rounds; then NO_CAPACITY.
 * Booking ids are `<batchId>.<chunk>.<i>`: the ledger holds each once, so a chunk run
 * twice never books a parcel twice.
 */
import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { withBooking } from '../api/booking-response';
import { routeJson } from '../api/route-response';
import { runBookingId } from '../capacity/booking-id';
import { ROUTE_ATTEMPTS } from '../capacity/booking-service';
import { holdsOf } from '../capacity/holds';
import type { Ledger } from '../capacity/ledger';
import type { LoadsView } from '../capacity/loads-view';
import { releaseRun, reserveRound, type RunBooking } from '../capacity/reserve-round';
import { releaseEarlier } from '../capacity/run-chain';
import type { BookingRuns, RunClaim } from './booking-runs';
import type { ChunkEntry, ChunkJobData } from './chunk-job';
import { routedEntry, SLICE, type FaultHandler, type RoutingSnapshot } from './chunk-processor';
import { errorLine } from './result-line';
import type { ChunkResults } from './results-store';

export interface ChunkBookingDeps {
  ledger: Ledger;
  view: LoadsView;
  runs: BookingRuns;
}

export type BookedChunk =
  | { kind: 'booked'; results: ChunkResults; token: string; dates: string[]; noCapacity: number }
  | { kind: 'recorded' | 'abandoned' | 'superseded' };

interface Parcel extends RunBooking {
  index: number;
  /**
   * Its route answer's JSON text, written when it is routed: a chunk keeps its parcels
   * until the ledger answers, and one string outlives a young collection more cheaply
   * than the answer's objects.
   */
  json: string;
}

export async function bookChunk(
  data: ChunkJobData,
  network: RoutingSnapshot,
  deps: ChunkBookingDeps,
  onFault: FaultHandler,
): Promise<BookedChunk> {
  const { batchId, chunk, entries } = data;
  const token = newRunToken();
  const ids = chunkBookingIds(batchId, chunk, entries.length);
  const claim = await claimChunk(deps, batchId, chunk, ids, token);
  if (claim.kind !== 'claimed') return { kind: claim.kind };
  const chunkKey = `${batchId}.${chunk}`;

  const lines: string[] = new Array(entries.length);
  const dates = new Set<string>();
  let waiting: Parcel[] = [];
  let booked = 0;
  let noCapacity = 0;
  const route = (i: number, entry: ChunkEntry): void => {
    const routed = routedEntry(entry, network.router, onFault);
    if ('error' in routed) {
      lines[i] = routed.error;
      if (routed.code === 'NO_CAPACITY') noCapacity++;
      return;
    }
    if (routed.query.readyAt < 0) {
      lines[i] = errorLine(entry.id, {
        code: 'VALIDATION',
        message: 'readyAt: a booking must be ready in 1970 or later',
      });
      return;
    }
    const holds = holdsOf(network.router.index, routed.answer.route, routed.query.weightKg);
    deps.view.hold(holds);
    waiting.push({ index: i, id: ids[i], chunkKey, json: routeJson(routed.answer, network.version, entry.id), holds });
  };
  try {
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % SLICE === 0) await nextTurn();
      route(i, entries[i]);
    }
    for (let round = 1; waiting.length > 0; round++) {
      for (const parcel of waiting) for (const { date } of parcel.holds.dates) dates.add(date);
      if (!(await deps.runs.setDates(batchId, chunk, token, [...dates].sort()))) {
        await releaseRun(deps, ids, token, [...dates]);
        return { kind: 'superseded' };
      }
      const sent = waiting;
      let refused: Set<Parcel>;
      try {
        refused = await reserveRound(deps, sent, token);
      } finally {
        // Each date's answer took its parcels over in the view; what a failed call left held goes.
        for (const parcel of sent) deps.view.unhold(parcel.holds);
        waiting = [];
      }
      const bookedAt = new Date().toISOString();
      for (const parcel of sent) {
        if (refused.has(parcel)) continue;
        lines[parcel.index] = `${withBooking(parcel.json, parcel.id, bookedAt)}\n`;
        booked++;
      }
      // A run before this one that has not stopped yet may have reserved since (under the chunk's key,
      // which refuses every other run there): it can no longer record, so all it holds goes.
      if (refused.size) await releaseEarlier(deps, ids, claim.earlier, [...dates]);
      for (const parcel of [...refused].sort((a, b) => a.index - b.index)) {
        if (round < ROUTE_ATTEMPTS) route(parcel.index, entries[parcel.index]);
        else {
          lines[parcel.index] = errorLine(entries[parcel.index].id, {
            code: 'NO_CAPACITY',
            message: 'other bookings kept taking the room found for this parcel; book it again',
          });
          noCapacity++;
        }
      }
    }
  } finally {
    for (const parcel of waiting) deps.view.unhold(parcel.holds);
  }
  return {
    kind: 'booked',
    results: { lines: lines.join(''), routed: booked, failed: entries.length - booked, lost: false },
    token,
    dates: [...dates].sort(),
    noCapacity,
  };
}

/**
 * Releases what every run of each of a batch's booked chunks holds (chunks of at most
 * `chunkSize` parcels), recorded or not: an abandoned submission's, once its status is
 * gone, so that no run can claim or record a chunk any more. A run still going when this
 * runs cannot record either, and gives back what it holds itself.
 */
export async function releaseBookedChunks(deps: ChunkBookingDeps, batchId: string, chunkSize: number): Promise<void> {
  for (const [chunk, runs] of await deps.runs.all(batchId)) {
    await releaseEarlier(deps, chunkBookingIds(batchId, chunk, chunkSize), runs);
  }
}

/**
 * Claims a booked chunk for run `token` (its parcels' booking ids `ids`) and releases
 * what the runs before it held; when the batch is gone (its submission abandoned), what
 * every run of the chunk held, since none of them will record.
 */
export async function claimChunk(
  deps: ChunkBookingDeps,
  batchId: string,
  chunk: number,
  ids: readonly string[],
  token: string,
): Promise<RunClaim> {
  const claim = await deps.runs.claim(batchId, chunk, token);
  if (claim.kind === 'claimed') await releaseEarlier(deps, ids, claim.earlier);
  if (claim.kind === 'abandoned') await releaseEarlier(deps, ids, claim.runs);
  return claim;
}

/** The booking ids of a chunk's first `count` parcels: `<batchId>.<chunk>.<i>`. */
export function chunkBookingIds(batchId: string, chunk: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => runBookingId(batchId, chunk, i));
}

export function newRunToken(): string {
  return randomBytes(9).toString('base64url');
}
