/**
 * What the rest of the service calls to count what it does. Each call is a
 * few additions on counter cells and histogram children made once at load:
 * the hot path allocates nothing and hashes no labels.
 * Every known label combination starts at 0, so that rate() and ratios see the
 * first event and the dashboard shows a flat line rather than no data.
 */
import type { BatchState } from '../batch/batch-status';
import { SERVICE_LEVELS, type ServiceLevel } from '../routing/types';
import {
  batchesTotal,
  batchParcelsTotal,
  bookingsTotal,
  deadlineTotal,
  routeComputeSeconds,
  routesTotal,
} from './definitions';
import { volume } from './volume';

/** sync = POST /v1/routes; batch = a parcel of a batch, routed by a worker. */
export type RouteSource = 'sync' | 'batch';
export type RouteCount = 'routed' | 'no_route' | 'no_capacity' | 'invalid' | 'error';

/** The level label of a parcel whose request was too broken to tell. */
const UNKNOWN_LEVEL = 'unknown';
type LevelLabel = ServiceLevel | typeof UNKNOWN_LEVEL;

const SOURCES: readonly RouteSource[] = ['sync', 'batch'];
const LEVELS: readonly LevelLabel[] = [...SERVICE_LEVELS, UNKNOWN_LEVEL];
const OUTCOMES: readonly RouteCount[] = ['routed', 'no_route', 'no_capacity', 'invalid', 'error'];
const BATCH_STATES: readonly BatchState[] = ['queued', 'running', 'completed', 'failed'];
export type BookingOutcome = 'booked' | 'no_capacity' | 'released';
const BOOKING_OUTCOMES: readonly BookingOutcome[] = ['booked', 'no_capacity', 'released'];

const routes = table(SOURCES, (source) =>
  table(LEVELS, (level) => table(OUTCOMES, (outcome) => routesTotal.cell({ source, service_level: level, outcome }))),
);
const computeSeconds = table(LEVELS, (level) => routeComputeSeconds.child(level));
const deadlines = table(LEVELS, (level) => ({
  met: deadlineTotal.cell({ service_level: level, met: 'true' }),
  missed: deadlineTotal.cell({ service_level: level, met: 'false' }),
}));
const batches = table(BATCH_STATES, (state) => batchesTotal.labels(state));
for (const state of BATCH_STATES) batches[state].inc(0);
const bookings = table(BOOKING_OUTCOMES, (outcome) => bookingsTotal.labels(outcome));
for (const outcome of BOOKING_OUTCOMES) bookings[outcome].inc(0);

/**
 * Counts one parcel answered. `seconds` is the time its route took to compute
 * (routed or no_route); `meetsDeadline` is given for routed parcels. A level
 * outside the four (or none) is counted as "unknown".
 */
export function recordRoute(
  source: RouteSource,
  level: ServiceLevel | undefined,
  outcome: RouteCount,
  seconds?: number,
  meetsDeadline?: boolean,
): void {
  const label: LevelLabel = level !== undefined && level in computeSeconds ? level : UNKNOWN_LEVEL;
  routes[source][label][outcome].inc();
  if (seconds !== undefined) computeSeconds[label].observe(seconds);
  if (meetsDeadline !== undefined) (meetsDeadline ? deadlines[label].met : deadlines[label].missed).inc();
  volume.add(1);
}

/** Counts a batch entering `state`. */
export function recordBatch(state: BatchState): void {
  batches[state].inc();
}

/** Counts bookings made, refused for want of room, or released. */
export function recordBooking(outcome: BookingOutcome, count = 1): void {
  bookings[outcome].inc(count);
}

/** Counts parcels accepted in a batch. */
export function recordBatchParcels(parcels: number): void {
  batchParcelsTotal.inc(parcels);
}

/** A lookup table with no prototype, so that `key in table` holds for its own keys only. */
function table<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  return Object.assign(Object.create(null) as Record<K, V>, Object.fromEntries(keys.map((key) => [key, make(key)])));
}
