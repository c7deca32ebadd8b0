/**
 * A booked batch (book=true) whose submitting API process is killed (SIGKILL) while the
 * client is still sending it: the chunks it had queued are booked and recorded by the
 * workers, then the submission's lease runs out with no one to commit or clean it up.
 * Another API process's sweeps of the register of booked submissions release what
 * those chunks hold, on the second sweep that finds the submission gone; a committed
 * booked batch keeps its holds.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { BatchStatusStore } from '../../src/batch/batch-status';
import { BookedSubmissions } from '../../src/batch/booked-submissions';
import { BookingRuns } from '../../src/batch/booking-runs';
import { keys } from '../../src/redis/keys';
import { parcelMix } from '../../src/synthetic/parcel-mix';
import { waitFor } from '../support/app-harness';
import { NDJSON, chunkBookingDeps, finished, ndjson, startBatchApp, type BatchHarness } from '../support/batch-harness';
import { freePort } from '../support/free-port';
import { auditLedger, heldIds } from '../support/ledger-audit';
import { ServiceProcess } from '../support/service-process';

/** One round of chunks (the submitter queues 8 chunks at a time). */
const PARCELS = 800;
const CHUNK_SIZE = '100';

describe('a booked batch whose submitting process is killed', () => {
  let h: BatchHarness;
  let api: ServiceProcess | undefined;
  const silent = { warn: () => undefined };

  beforeAll(async () => {
    h = await startBatchApp({ workers: true, env: { QUEUE_SHARDS: '1', BATCH_CHUNK_SIZE: CHUNK_SIZE } });
  });
  afterAll(async () => {
    await api?.stop();
    await h.close();
  });

  const heldOf = async (batchId: string) =>
    [...heldIds(await auditLedger(h.redis, h.keys, h.live.require().doc))].filter((id) => id.startsWith(`${batchId}.`));

  it('has what its recorded chunks booked released once its lease runs out', async () => {
    const port = await freePort();
    api = ServiceProcess.start('src/api-main.ts', {
      REDIS_URL: h.config.redisUrl,
      KEY_PREFIX: h.prefix,
      NETWORK_FILE: join(__dirname, '..', '..', 'data', 'cn-global-demo.json'),
      EVENT_LOOP_LAG_MS: '0',
      QUEUE_SHARDS: '1',
      BATCH_CHUNK_SIZE: CHUNK_SIZE,
      PORT: String(port),
    });
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
      30_000,
    );
    // The client sends a round of chunks and goes on sending (the body never ends).
    const upload = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/batches?book=true', headers: NDJSON });
    upload.on('error', () => undefined);
    upload.write(`${ndjson([...parcelMix(h.live.require().doc, PARCELS, { seed: 5 })])}\n`);
    const register = () => h.redis.hkeys(h.keys.bookedSubmissions);
    await waitFor(async () => (await register()).length === 1, 30_000);
    const [batchId] = await register();
    const k = h.keys.batch(batchId);
    // The workers book and record the round's chunks; then the submitting process dies.
    await waitFor(async () => (await h.redis.hlen(k.results)) === PARCELS / Number(CHUNK_SIZE), 30_000);
    api.kill('SIGKILL');
    await api.exited;
    upload.destroy();
    const held = await heldOf(batchId);
    expect(held.length).toBeGreaterThan(0);

    // Its lease runs out (the keys it renewed expire; here at once, not 60 s on): no batch names those holds.
    await h.redis.del(k.status, k.chunkCounts, k.results);
    // The other API process (the harness's app) finds it gone on one of its sweeps, every 10 s, and
    // releases it on the next (the submitter's own cleanup, were it alive, would come first).
    await waitFor(async () => (await heldOf(batchId)).length === 0, 40_000);
    expect(await register()).toEqual([]);
    const audit = await auditLedger(h.redis, h.keys, h.live.require().doc);
    expect({ over: audit.overCapacity, mismatches: audit.mismatches }).toEqual({ over: [], mismatches: [] });
  }, 120_000);

  it('leaves a committed booked batch its holds, even once its status expired, and takes it off the register', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches?book=true',
      headers: NDJSON,
      payload: ndjson([...parcelMix(h.live.require().doc, 300, { seed: 6 })]),
    });
    expect(res.statusCode).toBe(202);
    const { batchId } = res.json<{ batchId: string }>();
    await finished(h, batchId);
    const held = await heldOf(batchId);
    expect(held.length).toBeGreaterThan(0);
    // Its submitter took it off the register once it committed it.
    expect(await h.redis.hkeys(h.keys.bookedSubmissions)).toEqual([]);
    // Had that process died between the commit and that step, a sweep finds it committed, and
    // still does once its status expired with its results (here at once, not RESULTS_TTL on).
    const booked = new BookedSubmissions(h.redis, h.keys, chunkBookingDeps(h), silent);
    for (const expired of [false, true]) {
      await booked.register(batchId, Number(CHUNK_SIZE));
      if (expired) await h.redis.del(h.keys.batch(batchId).status);
      await booked.sweep();
      await booked.sweep();
      expect(await heldOf(batchId)).toEqual(held);
      expect(await h.redis.hkeys(h.keys.bookedSubmissions)).toEqual([]);
    }
  });

  it('takes a submission found gone for abandoned only on the next sweep, and leaves one still submitting alone', async () => {
    // A prefix of its own: no app sweeps it meanwhile.
    const k = keys(`${h.prefix}:grace`);
    const deps = { ...chunkBookingDeps(h), runs: new BookingRuns(h.redis, k, 60) };
    const booked = new BookedSubmissions(h.redis, k, deps, silent);
    await new BatchStatusStore(h.redis, k, 60).begin('alive', new Date().toISOString());
    await booked.register('alive', 100);
    await booked.register('gone', 100);
    await booked.sweep();
    expect((await h.redis.hkeys(k.bookedSubmissions)).sort()).toEqual(['alive', 'gone']);
    await booked.sweep();
    expect(await h.redis.hkeys(k.bookedSubmissions)).toEqual(['alive']);
    await h.redis.del(k.bookedSubmissions, k.batch('alive').status);
  });
});
