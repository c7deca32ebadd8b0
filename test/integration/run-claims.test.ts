/**
 * A run's claim on a booked chunk or a booked plan, sent again because its reply was lost
 * (ioredis resends what a dropped connection left unanswered): the second call must name
 * the same runs before it as the first, never the run itself. Were the run among them, it
 * would release its own holds when a date refuses a parcel, and record lines as booked
 * that the ledger no longer holds.
 */
import { Redis } from 'ioredis';
import { BatchStatusStore, SUBMISSION_LEASE_SECONDS } from '../../src/batch/batch-status';
import { BookingRuns } from '../../src/batch/booking-runs';
import { PlanStore } from '../../src/plan-jobs/plan-store';
import { keys } from '../../src/redis/keys';
import { DEFAULT_REDIS_URL } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';

const prefix = `test:run-claims:${process.pid}`;
const k = keys(prefix);
const redis = new Redis(DEFAULT_REDIS_URL);
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

/** A batch being submitted whose chunk `chunk` run-a has claimed, and may hold on 2026-11-24. */
async function claimedByRunA(batchId: string, chunk: number) {
  const status = new BatchStatusStore(redis, k, 86_400);
  await status.begin(batchId, new Date().toISOString());
  const runs = new BookingRuns(redis, k, 86_400);
  await runs.claim(batchId, chunk, 'run-a');
  await runs.setDates(batchId, chunk, 'run-a', ['2026-11-24']);
  return { status, runs };
}

describe('a claim sent again', () => {
  it("names a chunk's runs before it, not itself", async () => {
    const { runs } = await claimedByRunA('batch-1', 0);
    const first = await runs.claim('batch-1', 0, 'run-b');
    const again = await runs.claim('batch-1', 0, 'run-b');
    const earlier = [{ token: 'run-a', dates: ['2026-11-24'] }];
    expect({ first, again }).toEqual({ first: { kind: 'claimed', earlier }, again: { kind: 'claimed', earlier } });
    // The run still owns the chunk, once.
    expect(await runs.setDates('batch-1', 0, 'run-b', ['2026-11-25'])).toBe(true);
    expect(await runs.claim('batch-1', 0, 'run-c')).toEqual({
      kind: 'claimed',
      earlier: [{ token: 'run-b', dates: ['2026-11-25'] }, ...earlier],
    });
  });

  it("names a chunk's runs when its batch is gone, for the claiming run to release", async () => {
    const { status, runs } = await claimedByRunA('batch-2', 3);
    await status.discard('batch-2');
    expect(await runs.claim('batch-2', 3, 'run-b')).toEqual({
      kind: 'abandoned',
      runs: [{ token: 'run-a', dates: ['2026-11-24'] }],
    });
    expect(await runs.all('batch-2')).toEqual(new Map([[3, [{ token: 'run-a', dates: ['2026-11-24'] }]]]));
  });

  it("names a plan's runs before it, not itself", async () => {
    const store = new PlanStore(redis, k, 60);
    await store.begin('plan-1', new Date().toISOString(), true, { latePenalty: 1, unplannedPenalty: 1 });
    expect(await store.claimRun('plan-1', 'run-a')).toEqual({ kind: 'claimed', earlier: [] });
    expect(await store.claimRun('plan-1', 'run-a')).toEqual({ kind: 'claimed', earlier: [] });
    await store.setRunDates('plan-1', 'run-a', ['2026-11-24']);
    const earlier = [{ token: 'run-a', dates: ['2026-11-24'] }];
    expect(await store.claimRun('plan-1', 'run-b')).toEqual({ kind: 'claimed', earlier });
    expect(await store.claimRun('plan-1', 'run-b')).toEqual({ kind: 'claimed', earlier });
  });
});

describe('a plan run that a later run superseded', () => {
  const store = new PlanStore(redis, k, 60);
  const read = async (planId: string) => (await store.readResults(planId, 0))?.toString('utf8');

  it("stores no results over the later run's: they would name bookings the ledger does not hold", async () => {
    await store.begin('plan-2', new Date().toISOString(), true, { latePenalty: 1, unplannedPenalty: 1 });
    await store.claimRun('plan-2', 'run-a');
    await store.claimRun('plan-2', 'run-b');
    expect(await store.writeResults('plan-2', 0, '{"by":"b"}\n', 'run-b')).toBe(true);
    // The first run wakes from a stall and writes what it booked: refused.
    expect(await store.writeResults('plan-2', 0, '{"by":"a"}\n', 'run-a')).toBe(false);
    expect(await read('plan-2')).toBe('{"by":"b"}\n');
  });

  it('leaves no results behind when the plan fails: their bookings were given back', async () => {
    await store.begin('plan-3', new Date().toISOString(), true, { latePenalty: 1, unplannedPenalty: 1 });
    await store.claimRun('plan-3', 'run-a');
    expect(await store.writeResults('plan-3', 0, '{"by":"a"}\n', 'run-a')).toBe(true);
    expect(await store.fail('plan-3', 'out of memory')).toBe(true);
    expect(await read('plan-3')).toBeUndefined();
  });
});

describe("a booked batch's submission", () => {
  it('finds a chunk of a committed batch that has expired over, and gives back nothing its runs hold', async () => {
    const { status, runs } = await claimedByRunA('batch-6', 0);
    expect(await status.commit('batch-6', 1, 1)).toEqual({ state: 'queued', changed: false });
    // Its status expires with its results (here at once, not RESULTS_TTL on); a late retry of the chunk comes.
    await redis.del(k.batch('batch-6').status);
    expect(await runs.claim('batch-6', 0, 'run-b')).toEqual({ kind: 'recorded' });
    expect(await runs.all('batch-6')).toEqual(new Map([[0, [{ token: 'run-a', dates: ['2026-11-24'] }]]]));
  });

  it("keeps its chunks' runs past its lease, for the release of a submission abandoned after it ran out", async () => {
    const { runs } = await claimedByRunA('batch-3', 0);
    const ttl = (key: string) => redis.ttl(key);
    expect(await ttl(k.batch('batch-3').status)).toBeLessThanOrEqual(SUBMISSION_LEASE_SECONDS);
    // Before, the runs took the lease's time left at the claim, and went with the lease.
    expect(await ttl(k.batch('batch-3').bookingRuns)).toBeGreaterThan(86_000);
    // Redis out of reach past the lease: the submission's keys are gone, its runs are not.
    await redis.del(k.batch('batch-3').status);
    expect(await runs.all('batch-3')).toEqual(new Map([[0, [{ token: 'run-a', dates: ['2026-11-24'] }]]]));
  });

  it('is not discarded once committed: a commit whose reply was lost stands, and is answered again', async () => {
    const status = new BatchStatusStore(redis, k, 86_400);
    await status.begin('batch-4', new Date().toISOString());
    expect(await status.commit('batch-4', 10, 1)).toEqual({ state: 'queued', changed: false });
    // The same commit sent again: it finds the batch committed, by itself.
    expect(await status.commit('batch-4', 10, 1)).toEqual({ state: 'queued', changed: false });
    expect(await status.discard('batch-4')).toBe(false);
    expect((await status.read('batch-4'))?.total).toBe(10);
    // Without an Idempotency-Key no client could find it: then it goes.
    expect(await status.discard('batch-4', true)).toBe(true);
    expect(await status.exists('batch-4')).toBe(false);
    await status.begin('batch-5', new Date().toISOString());
    expect(await status.discard('batch-5')).toBe(true);
    expect(await status.exists('batch-5')).toBe(false);
  });
});

describe('a plan that fails', () => {
  it("keeps a plan's results when it books nothing: only a booked plan's lines name bookings given back", async () => {
    const store = new PlanStore(redis, k, 60);
    await store.begin('plan-4', new Date().toISOString(), false, { latePenalty: 1, unplannedPenalty: 1 });
    expect(await store.writeResults('plan-4', 0, '{"quote":1}\n')).toBe(true);
    expect(await store.fail('plan-4', 'the plans thread stopped')).toBe(true);
    expect((await store.readResults('plan-4', 0))?.toString('utf8')).toBe('{"quote":1}\n');
  });
});
