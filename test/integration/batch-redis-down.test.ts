/**
 * Redis goes away while a batch is being submitted (a private redis-server that
 * keeps its data on disk, killed mid-body, then started again): the request
 * answers 503 with Retry-After at once, and once Redis is back nothing of the
 * half-submitted batch is left: no status, no results, no queued chunk, no
 * Idempotency-Key. And results read while a batch runs end with 503 when Redis
 * goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WAIT_MS } from '../../src/batch/results-stream';
import { waitFor } from '../support/app-harness';
import { NDJSON, ndjson, startBatchApp, type BatchHarness } from '../support/batch-harness';
import { PrivateRedis } from '../support/private-redis';

const PARCEL = { origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };
const LINES = `${ndjson(Array.from({ length: 1000 }, () => PARCEL))}\n`;

describe('Redis down while a batch is submitted', () => {
  let dir: string;
  let server: PrivateRedis;
  let h: BatchHarness;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcel-redis-'));
    server = await PrivateRedis.start(['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always']);
    h = await startBatchApp({ redisUrl: server.url, env: { QUEUE_SHARDS: '1', BATCH_CHUNK_SIZE: '100' } });
  });
  afterAll(async () => {
    await h.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const waitingChunks = () => h.redis.llen(`${h.keys.chunkQueuePrefix(0)}:chunks-0:wait`);
  const batchKeys = () => h.redis.keys(`${h.prefix}:batch*`);

  it('answers 503 with Retry-After, and leaves nothing once Redis is back', async () => {
    const body = new PassThrough();
    const answer = h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...NDJSON, 'idempotency-key': 'nightly-1' },
      payload: body,
    });
    body.write(LINES);
    await waitFor(async () => (await waitingChunks()) >= 8, 5000);
    expect(await batchKeys()).toHaveLength(2);

    await server.stop();
    const stoppedAt = Date.now();
    body.end(LINES);
    const res = await answer;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json().error).toBe('UNAVAILABLE');
    expect(Date.now() - stoppedAt).toBeLessThan(2000);

    const whileDown = await h.app.inject({ method: 'POST', url: '/v1/batches', headers: NDJSON, payload: LINES });
    expect(whileDown.statusCode).toBe(503);

    // The data written before the outage comes back with Redis, and is cleaned up then.
    await server.start();
    await waitFor(
      async () => h.redis.status === 'ready' && (await batchKeys()).length === 0 && (await waitingChunks()) === 0,
      5000,
    );

    const retry = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...NDJSON, 'idempotency-key': 'nightly-1' },
      payload: LINES,
    });
    expect(retry.statusCode).toBe(202);
    expect(retry.json().total).toBe(1000);
  });

  it('ends results waiting for a chunk with 503 and Retry-After when Redis goes away', async () => {
    const submitted = await h.app.inject({ method: 'POST', url: '/v1/batches', payload: { parcels: [PARCEL] } });
    expect(submitted.statusCode).toBe(202);
    // No workers: the stream waits for the batch's only chunk.
    const waiting = h.app.inject({ method: 'GET', url: `/v1/batches/${submitted.json().batchId}/results` });
    await sleep(2 * WAIT_MS);
    await server.stop();
    const stoppedAt = Date.now();
    const res = await waiting;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json().error).toBe('UNAVAILABLE');
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    await server.start();
  });
});
