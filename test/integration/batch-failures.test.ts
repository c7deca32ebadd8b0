/**
 * Counters stay exact when a chunk is recorded twice (a retry, or a chunk run
 * again after a stall), and a chunk that fails every attempt still gives each
 * of its parcels one line (INTERNAL), with the batch reported `failed`.
 */
import { randomUUID } from 'node:crypto';
import { BatchStatusStore, SUBMISSION_LEASE_SECONDS } from '../../src/batch/batch-status';
import { ResultsStore } from '../../src/batch/results-store';
import { NDJSON, finished, ndjson, results, startBatchApp, type BatchHarness } from '../support/batch-harness';

const lines = (...ids: string[]) => ids.map((id) => `{"parcelId":"${id}"}\n`).join('');

describe('recording a chunk twice', () => {
  let h: BatchHarness;
  let status: BatchStatusStore;
  let store: ResultsStore;
  beforeAll(async () => {
    h = await startBatchApp();
    status = new BatchStatusStore(h.redis, h.keys, 3600);
    store = new ResultsStore(h.redis, h.keys);
  });
  afterAll(() => h.close());

  it('overwrites and never counts twice, before and after the commit', async () => {
    const batchId = randomUUID();
    await status.begin(batchId, new Date().toISOString());
    // Chunk 0 is routed while the submission still runs, then again (a retry) after the commit.
    expect(await store.record(batchId, 0, { lines: lines('a', 'b'), routed: 1, failed: 1, lost: false })).toEqual({
      state: 'submitting',
      changed: false,
    });
    expect(await status.read(batchId)).toBeUndefined();
    expect(await status.commit(batchId, 4, 2)).toEqual({ state: 'running', changed: true });
    expect(await store.record(batchId, 0, { lines: lines('a', 'B'), routed: 2, failed: 0, lost: false })).toEqual({
      state: 'running',
      changed: false,
    });
    expect(await status.read(batchId)).toMatchObject({
      state: 'running',
      total: 4,
      routed: 2,
      failed: 0,
      completedAt: null,
    });

    expect(await store.record(batchId, 1, { lines: lines('c', 'd'), routed: 0, failed: 2, lost: true })).toEqual({
      state: 'failed',
      changed: true,
    });
    expect(await store.record(batchId, 1, { lines: lines('c', 'D'), routed: 1, failed: 1, lost: false })).toEqual({
      state: 'completed',
      changed: true,
    });
    const done = await status.read(batchId);
    expect(done).toMatchObject({ state: 'completed', total: 4, routed: 3, failed: 1, chunks: 2 });
    expect(done?.completedAt).toEqual(expect.any(String));
    expect((await store.read(batchId, 0))?.toString()).toBe(lines('a', 'B'));
    expect((await store.read(batchId, 1))?.toString()).toBe(lines('c', 'D'));
  });

  it("renews a submission's lease, but never cuts a committed batch's time to live", async () => {
    const batchId = randomUUID();
    const { status: key, results } = h.keys.batch(batchId);
    await status.begin(batchId, new Date().toISOString());
    await store.record(batchId, 0, { lines: lines('a'), routed: 1, failed: 0, lost: false });
    await h.redis.expire(key, 5);
    await status.renew(batchId);
    expect(await h.redis.ttl(key)).toBe(SUBMISSION_LEASE_SECONDS);
    expect(await h.redis.ttl(results)).toBe(SUBMISSION_LEASE_SECONDS);
    await status.commit(batchId, 1, 1);
    await status.renew(batchId);
    expect(await h.redis.ttl(key)).toBeGreaterThan(3500);
    expect(await h.redis.ttl(results)).toBeGreaterThan(3500);
  });

  it('writes nothing for a batch that is gone', async () => {
    const batchId = randomUUID();
    expect(await store.record(batchId, 0, { lines: lines('a'), routed: 1, failed: 0, lost: false })).toBeUndefined();
    expect(await h.redis.keys(`${h.prefix}:batch:{b:${batchId}}*`)).toEqual([]);
  });
});

describe('a chunk that fails every attempt', () => {
  let h: BatchHarness;
  beforeAll(async () => {
    // No network is active: every attempt to route fails (503 UNAVAILABLE), 1 s then 2 s apart.
    h = await startBatchApp({ network: undefined, workers: true });
  });
  afterAll(() => h.close());

  it('gives each of its parcels an INTERNAL line, and the batch is failed', async () => {
    const parcel = { origin: 'HGH', destination: 'SVO', weightKg: 1 };
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: NDJSON,
      payload: ndjson([parcel, parcel, parcel]),
    });
    const { batchId } = res.json();
    const status = await finished(h, batchId, 10_000);
    expect(status).toMatchObject({ state: 'failed', total: 3, routed: 0, failed: 3 });
    const out = await results(h, batchId);
    expect(out.map((line) => line.parcelId)).toEqual([1, 2, 3].map((n) => `${batchId}-${n}`));
    for (const line of out) {
      expect(line.error).toEqual({
        code: 'INTERNAL',
        message: expect.stringContaining('3 attempts failed (no network is active yet)'),
      });
    }
  });
});
