/**
 * A booked batch whose submission is abandoned half way (the client went away, a parcel
 * over BATCH_MAX_PARCELS, Redis lost): the chunks that workers booked meanwhile, recorded
 * or not, are released with it, so that no hold is left that no result line names.
 */
import pino from 'pino';
import { createBatchApi } from '../../src/batch/batch-api';
import type { RawParcel } from '../../src/batch/parcel-intake';
import { closeRedis, connectRedis, type RedisClient } from '../../src/redis/connection';
import { parcelMix } from '../../src/synthetic/parcel-mix';
import { waitFor } from '../support/app-harness';
import { startBatchApp, type BatchHarness } from '../support/batch-harness';
import { ledgerCounters } from '../support/ledger-counters';

const CHUNK = 50;

describe('an abandoned booked submission', () => {
  let h: BatchHarness;
  let producer: RedisClient;
  beforeAll(async () => {
    h = await startBatchApp({ workers: true, env: { BATCH_CHUNK_SIZE: String(CHUNK) } });
    producer = await connectRedis(h.config, pino({ level: 'silent' }), 'test-producer');
  });
  afterAll(async () => {
    await closeRedis(producer);
    await h.close();
  });

  it('gives back what its chunks booked before it was abandoned', async () => {
    const counters = () => ledgerCounters(h.capacity.ledger);
    const before = await counters();
    const batches = createBatchApi(h.config, h.redis, producer, h.capacity, pino({ level: 'silent' }));
    const parcels = [...parcelMix(h.live.require().doc, 16 * CHUNK, { seed: 31, waves: 2 })];
    // The body: a round of chunks, then (once the workers have booked some of them) the client goes away.
    async function* body(): AsyncGenerator<RawParcel[]> {
      yield parcels.slice(0, 8 * CHUNK).map((p) => ({ value: p }));
      await waitFor(async () => (await counters()).size > before.size, 20_000);
      yield parcels.slice(8 * CHUNK).map((p) => ({ value: p }));
      throw new Error('the client went away');
    }
    try {
      await expect(batches.submitter.submit(body(), { requestId: 'abandoned', book: true })).rejects.toThrow(
        'the client went away',
      );
      // Runs still going when it was abandoned cannot record, and give back what they hold themselves.
      await waitFor(async () => JSON.stringify([...(await counters())]) === JSON.stringify([...before]), 20_000);
      expect(await counters()).toEqual(before);
    } finally {
      await batches.close();
    }
  }, 60_000);
});
