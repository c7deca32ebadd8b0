/**
 * The runs of booked chunks (book=true): a run claims its chunk with a token of its own
 * before it books, records the dates it may hold before each reservation, and records
 * its results only while it still owns the chunk (RECORD_CHUNK). A chunk run twice (a
 * retry, or a stalled worker's run beside its successor) therefore books each parcel
 * once: the later run releases what the earlier ones held (every run before it that
 * never recorded, src/capacity/run-chain.ts), and they can no longer record.
 */
import { runsOf, type EarlierRun } from '../capacity/run-chain';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { SUBMISSION_LEASE_SECONDS } from './batch-status';
import { CLAIM_BOOKING_RUN, COMMITTED_FIELD, SET_RUN_DATES } from './batch-scripts';

/**
 * The shortest time a chunk's runs are kept from each claim, whatever RESULTS_TTL: past
 * the lease of a submission whose process died, and the sweeps that then release what
 * its chunks booked (booked-submissions.ts).
 */
const RUNS_KEPT_AT_LEAST_SECONDS = 3 * SUBMISSION_LEASE_SECONDS;

export type RunClaim =
  /** The batch is gone (its submission abandoned): the chunk's runs, whose holds nothing will record. */
  | { kind: 'abandoned'; runs: EarlierRun[] }
  /** The chunk's results are recorded, or its committed batch has expired: it is final. */
  | { kind: 'recorded' }
  /** Claimed; the runs before it, newest first, with the dates each may hold (none for a first run). */
  | { kind: 'claimed'; earlier: EarlierRun[] };

export class BookingRuns {
  /** How long a chunk's runs are kept from each claim. */
  private readonly keepSeconds: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** RESULTS_TTL: the runs are kept as long, or RUNS_KEPT_AT_LEAST_SECONDS. */
    resultsTtlSeconds: number,
  ) {
    this.keepSeconds = Math.max(resultsTtlSeconds, RUNS_KEPT_AT_LEAST_SECONDS);
  }

  async claim(batchId: string, chunk: number, token: string): Promise<RunClaim> {
    const k = this.keys.batch(batchId);
    const [kind, before] = (await this.redis.eval(
      CLAIM_BOOKING_RUN,
      3,
      k.status,
      k.results,
      k.bookingRuns,
      chunk,
      token,
      this.keepSeconds,
    )) as [RunClaim['kind'], string?];
    if (kind === 'claimed') return { kind, earlier: runsOf(before ?? '') };
    return kind === 'abandoned' ? { kind, runs: runsOf(before ?? '') } : { kind };
  }

  /** Every chunk's runs (an abandoned submission's, to release). */
  async all(batchId: string): Promise<Map<number, EarlierRun[]>> {
    const entries = await this.redis.hgetall(this.keys.batch(batchId).bookingRuns);
    delete entries[COMMITTED_FIELD];
    return new Map(Object.entries(entries).map(([chunk, entry]) => [Number(chunk), runsOf(entry)]));
  }

  /** Whether the batch was committed (its runs hash says so, for as long as the runs are kept). */
  async committed(batchId: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys.batch(batchId).bookingRuns, COMMITTED_FIELD)) === 1;
  }

  /** Records the dates the run may hold; false when a later run has claimed the chunk. */
  async setDates(batchId: string, chunk: number, token: string, dates: readonly string[]): Promise<boolean> {
    return (
      (await this.redis.eval(SET_RUN_DATES, 1, this.keys.batch(batchId).bookingRuns, chunk, token, dates.join(','))) ===
      1
    );
  }
}
