/**
 * A booked batch (book=true) whose worker process is killed (SIGKILL) in the middle of
 * it, on the demo network with saturated capacities: the chunk it held is taken over by
 * another worker process, which releases whatever the killed run had reserved before
 * booking the chunk again. At the end every parcel has exactly one line, and the ledger
 * holds exactly the booked lines (each once, as its route takes it), within capacity.
 */
import { Queue } from 'bullmq';
import { chunkQueueName } from '../../src/batch/queues';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix } from '../../src/synthetic/parcel-mix';
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
import { auditLedger, heldIds } from '../support/ledger-audit';
import { ServiceProcess } from '../support/service-process';

const PARCELS = 8000;

describe('a booked batch with its worker killed mid-chunk', () => {
  let h: BatchHarness;
  const workers: ServiceProcess[] = [];
  let queue: Queue;

  beforeAll(async () => {
    h = await startBatchApp({
      network: withCapacities(await demoNetwork(), 'saturated'),
      env: { QUEUE_SHARDS: '1', BATCH_CHUNK_SIZE: '100' },
    });
    queue = new Queue(chunkQueueName(0), { connection: h.redis, prefix: h.keys.chunkQueuePrefix(0) });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await queue.close();
    await h.close();
  });

  function startWorker(): ServiceProcess {
    const env = {
      REDIS_URL: h.config.redisUrl,
      KEY_PREFIX: h.prefix,
      QUEUE_SHARDS: '1',
      WORKER_CONCURRENCY: '1',
      BATCH_CHUNK_SIZE: '100',
    };
    const worker = ServiceProcess.start('src/worker-main.ts', env);
    workers.push(worker);
    return worker;
  }

  it('books every parcel exactly once', async () => {
    const doc = h.live.require().doc;
    const parcels = [...parcelMix(doc, PARCELS, { seed: 21 })];
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches?book=true',
      headers: NDJSON,
      payload: ndjson(parcels),
    });
    expect(res.statusCode).toBe(202);
    const batchId = res.json().batchId;
    const first = startWorker();
    await waitFor(async () => (await batchStatus(h, batchId)).routed > 0, 30_000);
    first.kill('SIGKILL');
    await first.exited;
    expect((await batchStatus(h, batchId)).state).toBe('running');
    // It died holding a chunk: only the stalled-job check frees it, for the next worker to book again.
    expect(await queue.getActiveCount()).toBe(1);
    startWorker();

    const status = await finished(h, batchId, 60_000);
    expect(status).toMatchObject({ state: 'completed', total: PARCELS });
    const lines = await results(h, batchId);
    expect(lines.map((line) => line.parcelId)).toEqual(parcels.map((p) => p.parcelId));
    const booked = lines.filter((line) => line.bookingId);
    expect(booked.length).toBe(status.routed);

    const audit = await auditLedger(h.redis, h.keys, doc);
    expect(audit.overCapacity).toEqual([]);
    expect(audit.mismatches).toEqual([]);
    expect(audit.unsettled).toEqual([]);
    const withLegs = booked.filter((line) => (line.route as { legs: unknown[] }).legs.length > 0);
    expect([...heldIds(audit)].sort()).toEqual(withLegs.map((line) => line.bookingId as string).sort());
  }, 120_000);
});
