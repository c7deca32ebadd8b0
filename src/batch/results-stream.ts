/**
 * A batch's results as one NDJSON stream, chunk after chunk in submission order.
 * It may be opened while the batch runs: a chunk not recorded yet is looked for
 * again every WAIT_MS until it is, so a reader can start at once and still gets
 * exactly one line per parcel. A chunk is fetched from Redis only when the reader
 * asks for more, so a slow client holds one chunk in memory, not the batch. The
 * wait ends when the stream is destroyed (the client went away, or the server is
 * closing), or with an error when the batch is finished and the chunk is not
 * there (its results expired).
 */
import { Readable } from 'node:stream';
import type { BatchStatusStore } from './batch-status';
import type { ResultsStore } from './results-store';

/** How often a chunk not recorded yet is looked for again. */
export const WAIT_MS = 200;

export class ResultsStream extends Readable {
  private next = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
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

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    clearTimeout(this.timer);
    callback(err);
  }

  private async fetch(chunk: number): Promise<void> {
    let lines = await this.results.read(this.batchId, chunk);
    if (!lines && !this.destroyed) {
      const status = await this.status.read(this.batchId);
      if (status?.state === 'queued' || status?.state === 'running') {
        this.timer = setTimeout(() => this.fetch(chunk).catch((err: Error) => this.destroy(err)), WAIT_MS);
        return;
      }
      // Finished (or gone): the chunk may have been recorded since the first look.
      lines = await this.results.read(this.batchId, chunk);
      if (!lines) throw new Error(`results of chunk ${chunk} of batch ${this.batchId} are gone (expired?)`);
    }
    if (this.destroyed || !lines) return;
    this.next++;
    this.push(lines);
  }
}
