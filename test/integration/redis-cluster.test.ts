/**
 * The service on a real three-master Redis Cluster (REDIS_CLUSTER_NODES):
 * network upload, hot reload across two instances by pub/sub, closures,
 * rollback, routes — and a batch through the chunk-queue shards and a real
 * worker process, its keys spread over more than one node; bookings, one at a
 * time and in a booked batch, over dates whose ledgers sit on different nodes.
 */
import { Cluster } from 'ioredis';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import {
  NDJSON,
  demoNetwork,
  finished,
  ndjson,
  results,
  startBatchApp,
  type BatchHarness,
  type StatusBody,
} from '../support/batch-harness';
import { auditUnmarked, faultsOf, heldIds, NO_FAULTS } from '../support/ledger-audit';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster';
import { tinyNetwork } from '../support/tiny-network';
import { ServiceProcess } from '../support/service-process';

const EXPRESS = {
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
};

let cluster: RedisCluster;
let clusterEnv: Record<string, string>;
beforeAll(async () => {
  cluster = await startRedisCluster();
  clusterEnv = { REDIS_CLUSTER_NODES: cluster.nodes.join(',') };
}, 60_000);
afterAll(() => cluster?.stop());

/** The keys under `prefix` on each master, in the order of cluster.ports. */
function keysPerNode(prefix: string): Promise<string[][]> {
  return Promise.all(
    cluster.ports.map(async (port) =>
      (await cluster.cli(port, '--scan', '--pattern', `${prefix}:*`)).split('\n').filter(Boolean),
    ),
  );
}

describe('the network on a Redis Cluster', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    const env = { ...clusterEnv, NETWORK_POLL_MS: '60000', NETWORK_VERSIONS_KEPT: '2' };
    a = await startApp({ network: tinyNetwork(), env });
    b = await startApp({ prefix: a.prefix, env });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const route = (h: Harness) => h.app.inject({ method: 'POST', url: '/v1/routes', payload: EXPRESS });

  it('is ready and routes from the network stored in the cluster', async () => {
    expect(a.redis).toBeInstanceOf(Cluster);
    expect((await a.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    const res = await route(b);
    expect(res.statusCode).toBe(200);
    expect(res.json().route.hubs).toEqual(['HGH', 'SVO']);
  });

  // The 1 s hot-reload bound is held on one Redis (hot-reload.test.ts); here a busy CI machine gets 3 s.
  // The poll is off (60 s): only pub/sub can tell b, which start() subscribes before resolving.
  it('announces uploads, closures and rollbacks to the other instance by pub/sub', async () => {
    const upload = await a.app.inject({
      method: 'PUT',
      url: '/v1/network',
      payload: tinyNetwork('second'),
      headers: a.admin,
    });
    expect(upload.statusCode).toBe(200);
    await waitFor(() => b.live.current?.version === upload.json().version, 3000);

    const closure = await a.app.inject({
      method: 'POST',
      url: '/v1/network/closures',
      headers: a.admin,
      payload: { legId: 'AIR-HGH-SVO-1', from: '2026-11-25T00:00:00Z', until: '2026-11-25T12:00:00Z', reason: 'storm' },
    });
    expect(closure.statusCode).toBe(201);
    await waitFor(async () => (await route(b)).json().route.hubs.length === 3, 3000);

    const rollback = await a.app.inject({ method: 'POST', url: '/v1/network/rollback', headers: a.admin });
    expect(rollback.statusCode).toBe(200);
    await waitFor(() => b.live.current?.doc.name === 'tiny', 3000);
  });

  it('drops the versions that fall off the history, in the same hash slot', async () => {
    for (const name of ['third', 'fourth', 'fifth']) {
      const upload = await a.app.inject({
        method: 'PUT',
        url: '/v1/network',
        payload: tinyNetwork(name),
        headers: a.admin,
      });
      expect(upload.statusCode).toBe(200);
    }
    const kept = await a.store.history();
    expect(kept).toHaveLength(2);
    const stored = (await keysPerNode(a.prefix)).flat().filter((key) => key.includes(':version:'));
    expect(stored.sort()).toEqual(kept.map(a.keys.networkVersion).sort());
  });
});

describe('a batch on a Redis Cluster', () => {
  const PARCELS = 2_000;
  let h: BatchHarness;
  let worker: ServiceProcess;
  beforeAll(async () => {
    const env = { ...clusterEnv, QUEUE_SHARDS: '4', BATCH_CHUNK_SIZE: '100' };
    h = await startBatchApp({ env });
    worker = ServiceProcess.start('src/worker-main.ts', { ...env, KEY_PREFIX: h.prefix });
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  /** Submits PARCELS parcels (chunks on every shard) and waits until the worker has finished the batch. */
  async function routeBatch(): Promise<{ parcels: ParcelRequest[]; batchId: string; status: StatusBody }> {
    const parcels = [...parcelMix(await demoNetwork(), PARCELS, { seed: 5 })];
    const res = await h.app.inject({ method: 'POST', url: '/v1/batches', headers: NDJSON, payload: ndjson(parcels) });
    expect(res.statusCode).toBe(202);
    const batchId = res.json().batchId;
    return { parcels, batchId, status: await finished(h, batchId, 30_000) };
  }

  it('is routed by a worker process through every queue shard, one result line per parcel', async () => {
    const { parcels, batchId, status } = await routeBatch();
    expect(status).toMatchObject({ state: 'completed', total: PARCELS });
    expect(status.routed + status.failed).toBe(PARCELS);
    expect((await results(h, batchId)).map((line) => line.parcelId)).toEqual(parcels.map((parcel) => parcel.parcelId));
  });

  it('spreads its keys over more than one node: the network and each queue shard have a hash tag of their own', async () => {
    expect((await routeBatch()).status.state).toBe('completed');
    const perNode = await keysPerNode(h.prefix);
    expect(perNode.filter((found) => found.length > 0).length).toBeGreaterThan(1);
    const tags = new Set(perNode.flat().map((key) => key.match(/\{([^}]*)\}/)?.[1]));
    for (const tag of ['network', 'q0', 'q1', 'q2', 'q3']) expect(tags).toContain(tag);
  });
});

describe('bookings on a Redis Cluster', () => {
  const doc = withCapacities(tinyNetwork('capacity'), 'saturated');
  let h: BatchHarness;
  let worker: ServiceProcess;
  beforeAll(async () => {
    const env = { ...clusterEnv, QUEUE_SHARDS: '2', BATCH_CHUNK_SIZE: '50' };
    h = await startBatchApp({ network: doc, env });
    worker = ServiceProcess.start('src/worker-main.ts', { ...env, KEY_PREFIX: h.prefix });
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('books, reads, releases and counts bookings over several dates, one hash slot a date, within capacity', async () => {
    const made: string[] = [];
    // Day after day: each date's ledger under its own hash tag.
    for (const day of ['24', '25', '26', '27']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/bookings',
        payload: { ...EXPRESS, readyAt: `2026-11-${day}T08:00:00Z` },
      });
      expect(res.statusCode).toBe(201);
      made.push(res.json().bookingId);
    }
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${made[0]}` })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'DELETE', url: `/v1/bookings/${made[0]}` })).statusCode).toBe(204);
    const capacity = await h.app.inject({ method: 'GET', url: '/v1/capacity?date=2026-11-25' });
    expect(capacity.statusCode).toBe(200);
    expect(capacity.json().hubs.find((hub: { hubId: string }) => hub.hubId === 'HGH').booked).toBeGreaterThan(0);

    const parcels = Array.from({ length: 300 }, (_, i) => ({
      ...EXPRESS,
      parcelId: `C-${i}`,
      readyAt: `2026-11-2${4 + (i % 4)}T08:00:00Z`,
    }));
    const submitted = await h.app.inject({
      method: 'POST',
      url: '/v1/batches?book=true',
      headers: NDJSON,
      payload: ndjson(parcels),
    });
    expect(submitted.statusCode).toBe(202);
    const status = await finished(h, submitted.json().batchId, 60_000);
    expect(status.state).toBe('completed');
    const lines = await results(h, submitted.json().batchId);
    expect(lines.filter((line) => line.bookingId).length).toBe(status.routed);

    const audit = await auditUnmarked(h.redis, h.keys, doc);
    expect(faultsOf(audit)).toEqual(NO_FAULTS);
    expect([...heldIds(audit)].sort()).toEqual(
      [...made.slice(1), ...lines.filter((l) => l.bookingId).map((l) => l.bookingId as string)].sort(),
    );
    const tags = new Set(
      (await keysPerNode(h.prefix)).flatMap((found, node) =>
        found.filter((key) => key.includes(':cap:')).map((key) => `${node} ${key.match(/\{([^}]*)\}/)?.[1]}`),
      ),
    );
    const nodes = new Set([...tags].map((tag) => tag.split(' ')[0]));
    expect(nodes.size).toBeGreaterThan(1);
  }, 90_000);
});
