/**
 * Every metric family this service exports, with the names, types and labels
 * that the dashboard and the alert rules rely on (issue 5). Nothing here holds
 * a parcel or batch id: every label has a small, fixed set of values, except
 * `route` (one per route pattern) and `version` (one at a time).
 *
 * Families counted as things happen are exported for src/metrics/recorder.ts and
 * src/metrics/http-metrics.ts; those counted per parcel or per call are hot-path
 * families (CounterCells, FastHistogram). The others are read at scrape time by
 * their collect callbacks.
 */
import { Counter, Gauge } from 'prom-client';
import { collectDepartureUtilisation, collectHubDayUtilisation } from './capacity-gauges';
import { CounterCells } from './counter-cells';
import { FastHistogram } from './fast-histogram';
import { collectNetworkHubs, collectNetworkInfo, collectNetworkLegs } from './network-gauges';
import { collectQueueJobs } from './queue-gauges';
import { registry } from './registry';
import { DAILY_VOLUME_TARGET, volume } from './volume';

const registers = [registry];

/** Routes take microseconds (from a sweep) to a few milliseconds (a long search). */
const COMPUTE_BUCKETS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
];
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const routesTotal = new CounterCells({
  name: 'parcel_routes_total',
  help: 'Parcels answered, by where they came from (sync = POST /v1/routes, batch = batch workers), service level and outcome.',
  labelNames: ['source', 'service_level', 'outcome'] as const,
  registers,
});

export const routeComputeSeconds = new FastHistogram({
  name: 'parcel_route_compute_seconds',
  help: 'Time to compute one route, by service level.',
  labelNames: ['service_level'] as const,
  buckets: COMPUTE_BUCKETS,
  registers,
});

export const deadlineTotal = new CounterCells({
  name: 'parcel_deadline_total',
  help: 'Routed parcels by service level and whether the route arrives by the deadline.',
  labelNames: ['service_level', 'met'] as const,
  registers,
});

export const httpRequestDuration = new FastHistogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP calls answered, by method, route pattern (never the raw URL; "unmatched" for unknown paths) and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: HTTP_BUCKETS,
  registers,
});

export const bookingsTotal = new Counter({
  name: 'parcel_bookings_total',
  help: 'Bookings by outcome: booked (POST /v1/bookings and booked batches), no_capacity (refused for want of room), released (DELETE /v1/bookings/:id).',
  labelNames: ['outcome'] as const,
  registers,
});

export const batchParcelsTotal = new Counter({
  name: 'parcel_batch_parcels_total',
  help: 'Parcels accepted in batches (POST /v1/batches).',
  registers,
});

export const batchesTotal = new Counter({
  name: 'parcel_batches_total',
  help: 'Batches that entered each state (queued, running, completed, failed).',
  labelNames: ['state'] as const,
  registers,
});

new Gauge({
  name: 'parcel_queue_jobs',
  help: "Jobs in each BullMQ queue by state, from BullMQ's counts (at most 1 s old).",
  labelNames: ['queue', 'state'] as const,
  registers,
  collect: collectQueueJobs,
});

new Gauge({
  name: 'parcel_daily_volume_projection',
  help: "Parcels per day this process would answer at the last minute's rate.",
  registers,
  collect(this: Gauge) {
    this.set(volume.perDay());
  },
});

new Gauge({
  name: 'parcel_daily_volume_target',
  help: 'The daily volume the service is built for: a billion parcels.',
  registers,
}).set(DAILY_VOLUME_TARGET);

new Gauge({
  name: 'parcel_departure_utilisation',
  help: "Booked ÷ capacity (the larger of parcels and weight) of the 20 fullest departures of today and tomorrow (UTC), as this process's view of the loads has them; departs is the departure's time (its hour on a continuous leg).",
  labelNames: ['leg', 'departs'] as const,
  registers,
  collect: collectDepartureUtilisation,
});

new Gauge({
  name: 'parcel_hub_day_utilisation',
  help: "Booked ÷ capacityPerDay of the 20 fullest hub-days of today and tomorrow (UTC), as this process's view of the loads has them.",
  labelNames: ['hub', 'date'] as const,
  registers,
  collect: collectHubDayUtilisation,
});

new Gauge({
  name: 'parcel_network_info',
  help: 'The active network version (value 1); no series while no network is active.',
  labelNames: ['version'] as const,
  registers,
  collect: collectNetworkInfo,
});

new Gauge({
  name: 'parcel_network_hubs',
  help: 'Hubs in the active network (0 while none is active).',
  registers,
  collect: collectNetworkHubs,
});

new Gauge({
  name: 'parcel_network_legs',
  help: 'Legs in the active network (0 while none is active).',
  registers,
  collect: collectNetworkLegs,
});
