/**
 * A 10,000-parcel batch through real Redis and BullMQ: every parcel comes back
 * exactly once, in submission order, with the very answer POST /v1/routes gives;
 * and routing never blocks the event loop for long enough to starve BullMQ's
 * lock renewals.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { routeParcel } from '../../src/api/route-parcel';
import { toRouteResponse } from '../../src/api/route-response';
import { parseRouteRequest } from '../../src/api/route-request';
import { LOCK_MS } from '../../src/batch/worker-pool';
import { AppError } from '../../src/errors';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import {
  NDJSON,
  demoNetwork,
  finished,
  ndjson,
  results,
  startBatchApp,
  type BatchHarness,
} from '../support/batch-harness';

describe('a batch of 10,000 parcels', () => {
  let h: BatchHarness;
  beforeAll(async () => {
    h = await startBatchApp({ workers: true, env: { QUEUE_SHARDS: '2', WORKER_CONCURRENCY: '2' } });
  });
  afterAll(() => h.close());

  /** The line POST /v1/routes would answer for `parcel`, computed with the same router. */
  function singleAnswer(parcel: ParcelRequest): unknown {
    const parsed = parseRouteRequest(parcel);
    if (!parsed.ok) throw parsed.error;
    const network = h.live.require();
    try {
      return toRouteResponse(routeParcel('batch', network.router, parsed.query), network.version, parcel.parcelId);
    } catch (err) {
      const { code, message } = err as AppError;
      return { parcelId: parcel.parcelId, error: { code, message } };
    }
  }

  it('returns each parcel exactly once, in order, equal to the single-route answers', async () => {
    const parcels = [...parcelMix(await demoNetwork(), 10_000, { seed: 42 })];
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const started = Date.now();

    const res = await h.app.inject({ method: 'POST', url: '/v1/batches', headers: NDJSON, payload: ndjson(parcels) });
    expect(res.statusCode).toBe(202);
    const { batchId, total, statusUrl, resultsUrl } = res.json();
    expect(total).toBe(10_000);
    expect(statusUrl).toBe(`/v1/batches/${batchId}`);
    expect(resultsUrl).toBe(`/v1/batches/${batchId}/results`);
    expect(res.headers.location).toBe(statusUrl);

    const status = await finished(h, batchId);
    lag.disable();
    const longestBlockMs = lag.max / 1e6;
    console.log(
      `10,000 parcels in ${Date.now() - started} ms; longest event-loop block ${longestBlockMs.toFixed(1)} ms (lock ${LOCK_MS} ms)`,
    );
    // BullMQ renews a chunk's lock every LOCK_MS / 2: the event loop never blocks for anywhere near that.
    expect(longestBlockMs).toBeLessThan(LOCK_MS / 4);

    const lines = await results(h, batchId);
    expect(lines).toHaveLength(10_000);
    expect(lines.map((line) => line.parcelId)).toEqual(parcels.map((p) => p.parcelId));
    lines.forEach((line, i) => expect(line).toEqual(singleAnswer(parcels[i])));

    const routed = lines.filter((line) => !('error' in line)).length;
    expect(status).toMatchObject({ batchId, state: 'completed', total: 10_000, routed, failed: 10_000 - routed });
    expect(Date.parse(status.createdAt)).toBeLessThanOrEqual(Date.parse(status.completedAt as string));
  });

  it('takes JSON {"parcels": [...]} too, assigning ids to parcels without one', async () => {
    const parcels = [...parcelMix(await demoNetwork(), 25, { seed: 7, withIds: false })];
    const res = await h.app.inject({ method: 'POST', url: '/v1/batches', payload: { parcels } });
    expect(res.statusCode).toBe(202);
    const { batchId } = res.json();
    await finished(h, batchId);
    const lines = await results(h, batchId);
    expect(lines.map((line) => line.parcelId)).toEqual(parcels.map((_, i) => `${batchId}-${i + 1}`));
    lines.forEach((line, i) => expect(line).toEqual(singleAnswer({ ...parcels[i], parcelId: `${batchId}-${i + 1}` })));
  });

  it('keeps the status and results for RESULTS_TTL', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { parcels: [{ origin: 'HGH', destination: 'SVO', weightKg: 1 }] },
    });
    const { batchId } = res.json();
    await finished(h, batchId);
    const keys = h.keys.batch(batchId);
    for (const key of [keys.status, keys.chunkCounts, keys.results]) {
      const ttl = await h.redis.ttl(key);
      expect(ttl).toBeGreaterThan(h.config.resultsTtlSeconds - 60);
      expect(ttl).toBeLessThanOrEqual(h.config.resultsTtlSeconds);
    }
  });
});
