/**
 * Routes one chunk of a batch on one network snapshot, parcel by parcel, into
 * its result lines. Route search is synchronous CPU work, so the chunk is
 * routed in slices with a turn of the event loop between them: BullMQ's lock
 * renewals and the Redis replies never wait longer than one slice.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseRouteRequest } from '../api/route-request';
import { AppError, type ErrorCode } from '../errors';
import { routeParcel } from '../api/route-parcel';
import { recordRoute } from '../metrics/recorder';
import type { Router } from '../routing/router/router';
import type { RouteAnswer, RouteQuery } from '../routing/types';
import type { ChunkEntry } from './chunk-job';
import { errorLine, routedLine } from './result-line';
import type { ChunkResults } from './results-store';

/** Parcels routed between two turns of the event loop: a few milliseconds of work. */
export const SLICE = 128;

export interface RoutingSnapshot {
  readonly version: string;
  readonly router: Router;
}

/** Told of a parcel that failed for a fault of this service (its line says INTERNAL). */
export type FaultHandler = (err: unknown, parcelId: string) => void;

export async function routeChunk(
  entries: readonly ChunkEntry[],
  network: RoutingSnapshot,
  onFault: FaultHandler,
): Promise<ChunkResults> {
  const lines: string[] = new Array(entries.length);
  let routed = 0;
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % SLICE === 0) await nextTurn();
    const line = routeEntry(entries[i], network, onFault);
    if (line.routed) routed++;
    lines[i] = line.text;
  }
  return { lines: lines.join(''), routed, failed: entries.length - routed, lost: false };
}

/** The lines of a chunk that failed its last attempt: an INTERNAL error per parcel. */
export function lostChunk(entries: readonly ChunkEntry[], reason: string): ChunkResults {
  const error = { code: 'INTERNAL' as const, message: `the parcel's chunk could not be routed: ${reason}` };
  const lines = entries.map((entry) => errorLine(entry.id, error)).join('');
  return { lines, routed: 0, failed: entries.length, lost: true };
}

function routeEntry(
  entry: ChunkEntry,
  network: RoutingSnapshot,
  onFault: FaultHandler,
): { routed: boolean; text: string } {
  const routed = routedEntry(entry, network.router, onFault);
  if ('error' in routed) return { routed: false, text: routed.error };
  return { routed: true, text: routedLine(routed.answer, network.version, entry.id) };
}

/** A parcel of a chunk, validated and routed: its answer, or its error line. */
export function routedEntry(
  entry: ChunkEntry,
  router: Router,
  onFault: FaultHandler,
): { answer: RouteAnswer; query: RouteQuery } | { error: string; code: ErrorCode } {
  if ('error' in entry) {
    recordRoute('batch', undefined, 'invalid');
    return { error: errorLine(entry.id, entry.error), code: entry.error.code };
  }
  const parsed = parseRouteRequest(entry.request);
  if (!parsed.ok) {
    recordRoute('batch', undefined, 'invalid');
    return { error: errorLine(entry.id, parsed.error), code: parsed.error.code };
  }
  try {
    return { answer: routeParcel('batch', router, parsed.query), query: parsed.query };
  } catch (err) {
    if (err instanceof AppError) return { error: errorLine(entry.id, err), code: err.code };
    onFault(err, entry.id);
    return { error: errorLine(entry.id, new AppError('INTERNAL')), code: 'INTERNAL' };
  }
}
