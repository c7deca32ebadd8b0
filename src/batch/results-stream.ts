/**
 * A finished batch's results as one NDJSON stream, chunk after chunk in
 * submission order. A chunk is fetched from Redis only when the reader asks for
 * more, so a slow client holds one chunk in memory, not the batch.
 */
import { Readable } from 'node:stream';
import type { ResultsStore } from './results-store';

export class ResultsStream extends Readable {
  private next = 0;

  constructor(
    private readonly results: ResultsStore,
    private readonly batchId: string,
    private readonly chunks: number,
  ) {
    super();
  }

  override _read(): void {
    if (this.next === this.chunks) {
      this.push(null);
      return;
    }
    const chunk = this.next++;
    this.results.read(this.batchId, chunk).then(
      (lines) => {
        if (lines) this.push(lines);
        else this.destroy(new Error(`results of chunk ${chunk} of batch ${this.batchId} are gone (expired?)`));
      },
      (err: Error) => this.destroy(err),
    );
  }
}
