/**
 * Real worker processes (src/worker-main.ts), stopped the two ways production
 * stops them. SIGKILL mid-batch: the chunk it held is taken over by another
 * worker within seconds. SIGTERM under load: it finishes its chunk and exits.
 * Either way every parcel has exactly one result line.
 */
import { parcelMix } from '../../src/synthetic/parcel-mix';
import { Queue } from 'bullmq';
import { chunkQueueName } from '../../src/batch/queues';
import { LOCK_MS, STALLED_CHECK_MS } from '../../src/batch/worker-pool';
import { waitFor } from '../support/app-harness';
import {
  NDJSON,
  batchStatus,
  demoNetwork,
  finished,
  ndjson,
  results,
  startBatchApp,
  type BatchHarness,
} from '../support/batch-harness';
import { ServiceProcess } from '../support/service-process';

const PARCELS = 30_000;

describe('worker processes stopped mid-batch', () => {
  let h: BatchHarness;
  let queue: Queue;
  const workers: ServiceProcess[] = [];
  let body: string;

  beforeAll(async () => {
    // One shard, one chunk at a time, small chunks: the batch takes long enough to stop a worker in it.
    h = await startBatchApp({ env: { QUEUE_SHARDS: '1', BATCH_CHUNK_SIZE: '100' } });
    queue = new Queue(chunkQueueName(0), { connection: h.redis, prefix: h.keys.chunkQueuePrefix(0) });
    body = ndjson([...parcelMix(await demoNetwork(), PARCELS, { seed: 3 })]);
  });
  // Each test starts the workers it needs and stops them all when done.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(async () => {
    await queue.close();
    await h.close();
  });

  function startWorker(): ServiceProcess {
    const worker = ServiceProcess.start('src/worker-main.ts', {
      REDIS_URL: h.config.redisUrl,
      KEY_PREFIX: h.prefix,
      QUEUE_SHARDS: '1',
      WORKER_CONCURRENCY: '1',
    });
    workers.push(worker);
    return worker;
  }

  async function submit(): Promise<string> {
    const res = await h.app.inject({ method: 'POST', url: '/v1/batches', headers: NDJSON, payload: body });
    expect(res.statusCode).toBe(202);
    return res.json().batchId;
  }

  /** Waits until some chunks have results, but not all. */
  async function midBatch(batchId: string): Promise<void> {
    await waitFor(async () => (await batchStatus(h, batchId)).routed > 0, 20_000);
  }

  async function expectEveryParcelOnce(batchId: string): Promise<void> {
    const status = await finished(h, batchId, 30_000);
    expect(status).toMatchObject({ state: 'completed', total: PARCELS });
    expect(status.routed + status.failed).toBe(PARCELS);
    const lines = await results(h, batchId);
    expect(lines.map((line) => line.parcelId)).toEqual(Array.from({ length: PARCELS }, (_, i) => `P-${i + 1}`));
    expect(await h.redis.hlen(h.keys.batch(batchId).results)).toBe(PARCELS / 100);
  }

  it('SIGKILL: the chunk of the killed worker is taken over within seconds', async () => {
    const batchId = await submit();
    const first = startWorker();
    await midBatch(batchId);
    first.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    expect((await batchStatus(h, batchId)).state).toBe('running');
    // The killed worker still holds its chunk's lock: only the stalled-job check frees it.
    expect(await queue.getActiveCount()).toBe(1);

    startWorker();
    await expectEveryParcelOnce(batchId);
    const recoveryMs = Date.now() - killedAt;
    console.log(
      `SIGKILL: batch completed ${recoveryMs} ms after the kill (lock ${LOCK_MS} ms, stalled check every ${STALLED_CHECK_MS} ms)`,
    );
    // The rest is a new worker's start and the rest of the batch: 16.4 s in all on a slow day's machine (2026-12-07).
    // A lock left to run its default 30 s would still fail this.
    expect(recoveryMs).toBeLessThan(LOCK_MS + STALLED_CHECK_MS + 20_000);
  }, 60_000);

  it('SIGTERM: the worker finishes its chunk, exits, and loses nothing', async () => {
    const busy = startWorker();
    const batchId = await submit();
    await midBatch(batchId);
    busy.kill('SIGTERM');
    const { code, ms } = await busy.exited;
    console.log(`SIGTERM: the worker exited with code ${code} after ${ms} ms`);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(h.config.shutdownTimeoutMs);
    // Its chunk is finished (or returned) well before its lock could lapse; a chunk left
    // behind would stay active for the whole lock (LOCK_MS) and fail this. Only this
    // batch's chunks count: the chunk the SIGKILLed worker held may still be active, its
    // lock not yet lapsed, when that worker was killed after recording it.
    const activeChunks = async () => (await queue.getActive()).filter((job) => job.data.batchId === batchId).length;
    await waitFor(async () => (await activeChunks()) === 0, LOCK_MS / 5);
    expect((await batchStatus(h, batchId)).state).toBe('running');

    startWorker();
    await expectEveryParcelOnce(batchId);
  }, 60_000);
});
