/**
 * GET /metrics of an app on real Redis, after real calls through inject: every
 * family of issue 5 with its type and labels, values that follow the calls,
 * route patterns (never raw URLs) and no parcel or batch id in any label.
 */
import { Queue } from 'bullmq';
import { register as globalRegistry } from 'prom-client';
import { startMetricsServer } from '../../src/metrics/metrics-server';
import { observeQueues } from '../../src/metrics/queue-gauges';
import { recordBatch, recordBatchParcels } from '../../src/metrics/recorder';
import { createRedis, type RedisClient } from '../../src/redis/connection';
import { parseExposition, samplesOf, valueOf, type Exposition } from '../support/exposition';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const ROUTE = {
  parcelId: 'PARCEL-7781',
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1.5,
  readyAt: '2026-11-24T08:00:00Z',
};

const FAMILIES: Record<string, { type: string; labels: string[] }> = {
  parcel_routes_total: { type: 'counter', labels: ['source', 'service_level', 'outcome'] },
  parcel_route_compute_seconds: { type: 'histogram', labels: ['service_level'] },
  http_request_duration_seconds: { type: 'histogram', labels: ['method', 'route', 'status_code'] },
  parcel_batch_parcels_total: { type: 'counter', labels: [] },
  parcel_batches_total: { type: 'counter', labels: ['state'] },
  parcel_queue_jobs: { type: 'gauge', labels: ['queue', 'state'] },
  parcel_deadline_total: { type: 'counter', labels: ['service_level', 'met'] },
  parcel_daily_volume_projection: { type: 'gauge', labels: [] },
  parcel_daily_volume_target: { type: 'gauge', labels: [] },
  parcel_network_info: { type: 'gauge', labels: ['version'] },
  parcel_network_hubs: { type: 'gauge', labels: [] },
  parcel_network_legs: { type: 'gauge', labels: [] },
};

describe('GET /metrics', () => {
  let h: Harness;
  let queue: Queue;
  let queueConnection: RedisClient;
  let unobserveQueue: () => void;
  const scrape = async (): Promise<Exposition> =>
    parseExposition((await h.app.inject({ method: 'GET', url: '/metrics' })).body);
  const route = (body: object) => h.app.inject({ method: 'POST', url: '/v1/routes', payload: body });

  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
    queueConnection = createRedis(h.config, 'queue');
    queue = new Queue('metrics-test', { connection: queueConnection, prefix: h.prefix });
    unobserveQueue = observeQueues([queue]);
    expect((await route({ ...ROUTE, serviceLevel: 'express' })).statusCode).toBe(200);
    expect((await route({ ...ROUTE, serviceLevel: 'express' })).statusCode).toBe(200);
    expect((await route({ ...ROUTE, serviceLevel: 'standard', deadline: '2026-11-24T20:00:00Z' })).statusCode).toBe(
      200,
    );
    expect((await route({ ...ROUTE, destination: 'LGG' })).statusCode).toBe(422);
    expect((await route({ ...ROUTE, origin: 'NOPE' })).statusCode).toBe(422);
    expect((await route({ ...ROUTE, readyAt: '2026-02-30T08:00:00Z' })).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/v1/hubs/HGH' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/v1/no/such/PARCEL-7781' })).statusCode).toBe(404);
    // A scrape is timed once it is answered: this one puts /metrics among the routes every test then reads.
    expect((await h.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });

  afterAll(async () => {
    unobserveQueue();
    await queue.obliterate({ force: true });
    await queue.close();
    queueConnection.disconnect();
    await h.close();
  });

  it('answers the text exposition format, from a registry of its own', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(globalRegistry.getMetricsAsArray()).toEqual([]);
  });

  it('exposes every required family with its type and exactly its labels', async () => {
    const metrics = await scrape();
    for (const [name, { type, labels }] of Object.entries(FAMILIES)) {
      expect([name, metrics.types.get(name)]).toEqual([name, type]);
      const samples = samplesOf(metrics, type === 'histogram' ? `${name}_count` : name);
      expect([name, samples.length > 0]).toEqual([name, true]);
      for (const sample of samples)
        expect([name, Object.keys(sample.labels).sort()]).toEqual([name, [...labels].sort()]);
    }
  });

  it('exposes the default process and Node metrics', async () => {
    const metrics = await scrape();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect([name, metrics.types.has(name)]).toEqual([name, true]);
    }
  });

  it('counts parcels by source, level and outcome, with compute times and deadlines', async () => {
    const metrics = await scrape();
    const routes = (labels: Record<string, string>) =>
      valueOf(metrics, 'parcel_routes_total', { source: 'sync', ...labels });
    expect(routes({ service_level: 'express', outcome: 'routed' })).toBe(2);
    expect(routes({ service_level: 'standard', outcome: 'routed' })).toBe(1);
    expect(routes({ service_level: 'standard', outcome: 'no_route' })).toBe(1);
    expect(routes({ service_level: 'standard', outcome: 'invalid' })).toBe(1);
    expect(routes({ service_level: 'unknown', outcome: 'invalid' })).toBe(1);
    expect(routes({ outcome: 'error' })).toBe(0);
    expect(valueOf(metrics, 'parcel_routes_total', { source: 'batch' })).toBe(0);
    expect(valueOf(metrics, 'parcel_route_compute_seconds_count', { service_level: 'express' })).toBe(2);
    expect(valueOf(metrics, 'parcel_route_compute_seconds_count', { service_level: 'standard' })).toBe(2);
    expect(valueOf(metrics, 'parcel_deadline_total', { service_level: 'express', met: 'true' })).toBe(2);
    expect(valueOf(metrics, 'parcel_deadline_total', { service_level: 'standard', met: 'false' })).toBe(1);
  });

  it('labels HTTP calls with the route pattern, and unknown paths as "unmatched"', async () => {
    const metrics = await scrape();
    const routes = new Set(samplesOf(metrics, 'http_request_duration_seconds_count').map((s) => s.labels.route));
    expect(routes).toEqual(new Set(['/v1/routes', '/v1/hubs/:id', 'unmatched', '/metrics']));
    expect(
      valueOf(metrics, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/routes',
        status_code: '200',
      }),
    ).toBe(3);
    expect(
      valueOf(metrics, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/routes',
        status_code: '422',
      }),
    ).toBe(2);
    expect(
      valueOf(metrics, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: 'unmatched',
        status_code: '404',
      }),
    ).toBe(1);
  });

  it('puts no parcel, batch or hub id into any label', async () => {
    const metrics = await scrape();
    const values = metrics.samples.flatMap((sample) => Object.values(sample.labels));
    for (const value of values) expect(value).not.toMatch(/PARCEL-7781|HGH|SVO|NOPE|batch-/);
  });

  it('shows the active network: info with its version, hubs and legs', async () => {
    const metrics = await scrape();
    expect(samplesOf(metrics, 'parcel_network_info')).toEqual([
      { name: 'parcel_network_info', labels: { version: h.live.current?.version }, value: 1 },
    ]);
    expect(valueOf(metrics, 'parcel_network_hubs')).toBe(5);
    expect(valueOf(metrics, 'parcel_network_legs')).toBe(3);
    expect(valueOf(metrics, 'parcel_daily_volume_target')).toBe(1e9);
  });

  it('projects the daily volume from the last minute', async () => {
    // Six parcels answered (routed, no route or invalid) in a process younger than a minute.
    expect(valueOf(await scrape(), 'parcel_daily_volume_projection')).toBe(6 * 1440);
  });

  it('labels the network info with the version being served, and only that one, after a switch', async () => {
    const old = h.live.current?.version;
    const put = await h.app.inject({
      method: 'PUT',
      url: '/v1/network',
      payload: tinyNetwork('tiny-2'),
      headers: h.admin,
    });
    expect(put.statusCode).toBe(200);
    await waitFor(() => h.live.current?.version !== old);
    const scraped = await scrape();
    expect(samplesOf(scraped, 'parcel_network_info').map((s) => s.labels.version)).toEqual([h.live.current?.version]);
  });

  it('counts batches and their parcels', async () => {
    const before = await scrape();
    recordBatch('queued');
    recordBatchParcels(250);
    const after = await scrape();
    expect(valueOf(after, 'parcel_batches_total', { state: 'queued' })).toBe(
      valueOf(before, 'parcel_batches_total', { state: 'queued' }) + 1,
    );
    expect(valueOf(after, 'parcel_batch_parcels_total')).toBe(valueOf(before, 'parcel_batch_parcels_total') + 250);
  });

  it("shows BullMQ's job counts per queue and state, at most one second old", async () => {
    const waiting = async () => valueOf(await scrape(), 'parcel_queue_jobs', { queue: queue.name, state: 'waiting' });
    await queue.add('chunk', { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await waiting()).toBe(1);
    await queue.add('chunk', { n: 2 });
    expect(await waiting()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await waiting()).toBe(2);
    expect(valueOf(await scrape(), 'parcel_queue_jobs', { queue: queue.name, state: 'active' })).toBe(0);
  });
});

describe('the metrics server of a worker process', () => {
  it('serves GET /metrics, with the network it routes on, and nothing else', async () => {
    const h = await startApp({ network: tinyNetwork() });
    const server = await startMetricsServer(0, '127.0.0.1', h.live);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const metrics = parseExposition(await res.text());
      for (const name of Object.keys(FAMILIES)) expect([name, metrics.types.has(name)]).toEqual([name, true]);
      expect(valueOf(metrics, 'parcel_network_hubs')).toBe(5);
      expect(samplesOf(metrics, 'parcel_network_info').map((s) => s.labels.version)).toEqual([h.live.current?.version]);
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
      await h.close();
    }
  });
});
