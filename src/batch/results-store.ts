/**
 * The results of a batch, one entry per chunk: the chunk's NDJSON result lines,
 * compressed. Writing a chunk and moving the batch's counters is one atomic
 * step (RECORD_CHUNK), so the counters stay exact when a chunk runs twice.
 */
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { RECORD_CHUNK } from './batch-scripts';
import { toSettled, type Settled } from './batch-status';
import { decodeLines, encodeLines } from './result-codec';

export interface ChunkResults {
  /** One line per parcel, each ending with a newline, in the chunk's order. */
  lines: string;
  routed: number;
  failed: number;
  /** True when the chunk failed its last attempt and every line is an INTERNAL error. */
  lost: boolean;
}

export class ResultsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /**
   * Records a chunk; undefined when the batch is unknown (abandoned or expired), 'superseded'
   * when `runToken` names a run of a booked chunk that a later run has claimed: then nothing
   * was written.
   */
  async record(
    batchId: string,
    chunk: number,
    results: ChunkResults,
    runToken = '',
  ): Promise<Settled | 'superseded' | undefined> {
    const k = this.keys.batch(batchId);
    const stored = await encodeLines(results.lines);
    const now = new Date().toISOString();
    const reply = await this.redis.eval(
      RECORD_CHUNK,
      4,
      k.status,
      k.chunkCounts,
      k.results,
      k.bookingRuns,
      chunk,
      results.routed,
      results.failed,
      results.lost ? 1 : 0,
      stored,
      now,
      runToken,
    );
    return reply === 'superseded' ? reply : toSettled(reply);
  }

  /** A chunk's result lines; undefined when they are not (or no longer) stored. */
  async read(batchId: string, chunk: number): Promise<Buffer | undefined> {
    const stored = await this.redis.hgetBuffer(this.keys.batch(batchId).results, String(chunk));
    return stored ? decodeLines(stored) : undefined;
  }
}
