/**
 * The threads that solve tours, off the API's event loop (piscina): at most
 * `threads` solves at once and `queue` waiting; one more answers 503 at once
 * rather than waiting behind them. The API thread only copies the body into a
 * buffer of its own and hands it over; decoding, checking and solving happen in
 * the thread.
 */
import { extname, join } from 'node:path';
import Piscina from 'piscina';
import { AppError, type ErrorCode } from '../errors';
import type { ToursLimits } from '../api/tours/solve-request';
import type { ToursTask, ToursTaskResult } from './task';

export interface ToursPoolOptions {
  threads: number;
  queue: number;
  limits: ToursLimits;
  /** The worker script. @defaultValue worker.js (or .ts when run from the sources) beside this file */
  workerFile?: string;
}

export class ToursPool {
  private readonly pool: Piscina<ToursTask, ToursTaskResult>;

  constructor(private readonly options: ToursPoolOptions) {
    this.pool = new Piscina({
      filename: options.workerFile ?? join(__dirname, `worker${extname(__filename)}`),
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 60_000,
    });
  }

  /** Solves accepted and not finished: running, or waiting for a thread. */
  private inFlight = 0;

  /** The answer's JSON text. */
  async solve(body: Buffer, hubs: [string, number, number][]): Promise<string> {
    if (this.inFlight >= this.options.threads + this.options.queue) throw busy(this.options);
    const own = new Uint8Array(body);
    this.inFlight++;
    let result: ToursTaskResult;
    try {
      result = await this.pool.run({ body: own, hubs, limits: this.options.limits }, { transferList: [own.buffer] });
    } finally {
      this.inFlight--;
    }
    if ('error' in result)
      throw new AppError(result.error.code as ErrorCode, result.error.message, result.error.details);
    return result.json;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

function busy(options: ToursPoolOptions): AppError {
  return new AppError(
    'UNAVAILABLE',
    `the tour solver is busy: ${options.threads} solving and ${options.queue} waiting; try again shortly`,
  );
}
