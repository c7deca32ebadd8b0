/**
 * BullMQ's queues keep off the request path's Redis client. BullMQ defines its Lua
 * scripts on the client a queue is given, and ioredis copies every script a client
 * defines onto each pipeline it makes, auto-pipelines included: on the request path's
 * client that cost about 70 µs of CPU a round of commands (bench/README.md, "HTTP",
 * stop 41). The queues have a client of their own (`parcel-route:producer`); a batch and a plan
 * still go through them.
 */
import { NDJSON, finished, ndjson, startBatchApp, type BatchHarness } from '../support/batch-harness';

const PARCEL = { origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };

describe("the request path's Redis client", () => {
  let h: BatchHarness;
  beforeAll(async () => {
    h = await startBatchApp({ workers: true });
  });
  afterAll(() => h.close());

  it('carries no script of BullMQ, while batches and plans are queued', async () => {
    const batch = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: NDJSON,
      payload: ndjson([PARCEL]),
    });
    expect(batch.statusCode).toBe(202);
    expect((await finished(h, batch.json().batchId)).state).toBe('completed');
    const plan = await h.app.inject({ method: 'POST', url: '/v1/plans', headers: NDJSON, payload: ndjson([PARCEL]) });
    expect(plan.statusCode).toBe(202);
    expect(await h.redis.llen(`${h.keys.planQueuePrefix}:plans:wait`)).toBe(1);

    expect(Object.keys(h.redis.scriptsSet)).toEqual([]);
  });
});
