/**
 * A run's claim on a booked chunk or a booked plan, sent again because its reply was lost
 * (ioredis resends what a dropped connection left unanswered): the second call must name
 * the same runs before it as the first, never the run itself. Were the run among them, it
 * would release its own holds when a date refuses a parcel, and record lines as booked
 * that the ledger no longer holds.
 */
import { Redis } from 'ioredis';
import { BatchStatusStore } from '../../src/batch/batch-status';
import { BookingRuns } from '../../src/batch/booking-runs';
import { PlanStore } from '../../src/plan-jobs/plan-store';
import { keys } from '../../src/redis/keys';
import { DEFAULT_REDIS_URL } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';

const prefix = `test:run-claims:${process.pid}`;
const k = keys(prefix);

describe('a claim sent again', () => {
  const redis = new Redis(DEFAULT_REDIS_URL);
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it("names a chunk's runs before it, not itself", async () => {
    await new BatchStatusStore(redis, k, 60).begin('batch-1', new Date().toISOString());
    const runs = new BookingRuns(redis, k);
    await runs.claim('batch-1', 0, 'run-a');
    await runs.setDates('batch-1', 0, 'run-a', ['2026-11-24']);
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
