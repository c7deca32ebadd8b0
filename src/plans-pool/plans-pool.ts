/**
 * The threads that plan, off the worker process's event loop (piscina): one plan at a
 * time per thread, `threads` threads (the LP solve is single-threaded and holds up to
 * 2 GB of WebAssembly memory, so one per process by default), each with greedy on a
 * thread of its own beside it while it plans (greedy-thread.ts).
 */
import { extname, join } from 'node:path';
import Piscina from 'piscina';
import type { PlanTask, PlanTaskResult } from './task';

export interface PlansPoolOptions {
  /** @defaultValue 1 */
  threads?: number;
  /** The worker script. @defaultValue worker.js (or .ts when run from the sources) beside this file */
  workerFile?: string;
}

export class PlansPool {
  private readonly pool: Piscina<PlanTask, PlanTaskResult>;
  private readonly workerFile: string;

  constructor(options: PlansPoolOptions = {}) {
    this.workerFile = options.workerFile ?? join(__dirname, `worker${extname(__filename)}`);
    this.pool = new Piscina({
      filename: this.workerFile,
      minThreads: 0,
      maxThreads: options.threads ?? 1,
      idleTimeout: 60_000,
    });
  }

  plan(task: Omit<PlanTask, 'threadFile'>): Promise<PlanTaskResult> {
    return this.pool.run({ ...task, threadFile: this.workerFile });
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
