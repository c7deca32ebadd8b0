/**
 * A batch's results as one NDJSON stream, chunk after chunk in submission order.
 * It may be opened while the batch runs: a chunk not recorded yet is looked for
 * again every WAIT_MS until it is, so a reader can start at once and still gets
 * exactly one line per parcel. A chunk is fetched from Redis only when the reader
 * asks for more, so a slow client holds one chunk in memory, not the batch. The
 * wait ends when the stream is destroyed (the client went away, or the server is
 * closing), or with an error when the batch is finished and the chunk is not
 * there (its results expired). Redis failing before the first line answers 503
 * UNAVAILABLE with Retry-After, as the other batch calls do.
 */
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { BatchStatusStore } from './batch-status';
import type { ResultsStore } from './results-store';

/** How often a chunk not recorded yet is looked for again. */
export const WAIT_MS = 200;

export class ResultsStream extends Readable {
  private next = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly results: ResultsStore,
    private readonly status: BatchStatusStore,
    private readonly batchId: string,
    private readonly chunks: number,
  ) {
    super();
  }

  override _read(): void {
    if (this.next === this.chunks) this.push(null);
    else this.fetch(this.next).catch((err: Error) => this.destroy(err));
  }

  /** Pushes the chunk's lines once they are recorded; throws when the batch is finished without them. */
  private async fetch(chunk: number): Promise<void> {
    let lines = await this.readChunk(chunk);
    while (!lines && !this.destroyed && (await this.running())) {
      await delay(WAIT_MS, undefined, { ref: false });
      if (this.destroyed) return;
      lines = await this.readChunk(chunk);
    }
    if (this.destroyed) return;
    // Finished (or gone): the chunk may have been recorded since the last look.
    lines ??= await this.readChunk(chunk);
    if (!lines) throw new Error(`results of chunk ${chunk} of batch ${this.batchId} are gone (expired?)`);
    if (this.destroyed) return;
    this.next++;
    this.push(lines);
  }

  private readChunk(chunk: number): Promise<Buffer | undefined> {
    return needRedis(this.redis, () => this.results.read(this.batchId, chunk));
  }

  private async running(): Promise<boolean> {
    const status = await needRedis(this.redis, () => this.status.read(this.batchId));
    return status?.state === 'queued' || status?.state === 'running';
  }
}
