/**
 * The threads that plan, off the worker process's event loop (piscina): one plan at a
 * time per thread, `threads` threads (the LP solve is single-threaded and holds up to
 * 2 GB of WebAssembly memory, so one per process by default).
 */
import { extname, join } from 'node:path';
import Piscina from 'piscina';
import type { SearchThreadOptions } from './search-threads';
import { planThreadLimits } from './thread-limits';
import type { PlanTask, PlanTaskResult } from './task';

export interface PlansPoolOptions {
  /** @defaultValue 1 */
  threads?: number;
  /** The worker script. @defaultValue worker.js (or .ts when run from the sources) beside this file */
  workerFile?: string;
  /** Each thread's heap (old generation), in MB: a plan past it fails (ERR_WORKER_OUT_OF_MEMORY), not the process. Its search helper's too. @defaultValue Node's */
  heapMb?: number;
  /** The search helper's script (search-threads.ts). @defaultValue search-thread.js (or .ts) beside it */
  searchFile?: string;
}

export class PlansPool {
  private readonly pool: Piscina<PlanTask, PlanTaskResult>;

  constructor(options: PlansPoolOptions = {}) {
    this.pool = new Piscina({
      filename: options.workerFile ?? join(__dirname, `worker${extname(__filename)}`),
      minThreads: 0,
      maxThreads: options.threads ?? 1,
      idleTimeout: 60_000,
      workerData: { file: options.searchFile, heapMb: options.heapMb } satisfies SearchThreadOptions,
      resourceLimits: planThreadLimits(options.heapMb),
    });
  }

  plan(task: PlanTask): Promise<PlanTaskResult> {
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
