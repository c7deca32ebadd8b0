/**
 * The worker pool `npm start` runs beside the API: WORKERS child processes, each
 * running src/worker-main (as `npm run start:worker` does), so that routing
 * batches uses other cores than the API's. They run at a lower CPU priority
 * (WORKER_NICENESS): when the cores are busy, the API (single routes, batch
 * intake, status) goes first and the workers take what is left. A child that
 * dies is started again after a second; close() sends SIGTERM to each (it
 * finishes its chunks) and waits for them to exit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { stopChild } from '../stop-child';

const RESTART_DELAY_MS = 1000;

/**
 * Niceness of the worker processes: below the API's priority, so that workers
 * routing a batch never starve the API taking it in (bench/README.md).
 */
export const WORKER_NICENESS = 10;

export interface WorkerProcesses {
  close(): Promise<void>;
}

/** Worker i serves its metrics on METRICS_PORT + i (none when METRICS_PORT is 0). */
export function startWorkerProcesses(config: Pick<Config, 'workers' | 'metricsPort'>, logger: Logger): WorkerProcesses {
  const entry = require.resolve('../worker-main');
  const children = new Map<number, ChildProcess>();
  let closing = false;

  const start = (i: number): void => {
    const metricsPort = config.metricsPort > 0 ? config.metricsPort + i : 0;
    const child = fork(entry, [], { env: { ...process.env, METRICS_PORT: String(metricsPort) } });
    if (child.pid !== undefined) setPriority(child.pid, WORKER_NICENESS);
    children.set(i, child);
    child.once('exit', (code, signal) => {
      if (closing) return;
      logger.error({ worker: i, pid: child.pid, code, signal }, 'worker process %d exited; starting it again', i);
      setTimeout(() => closing || start(i), RESTART_DELAY_MS).unref();
    });
  };
  for (let i = 0; i < config.workers; i++) start(i);
  if (config.workers > 0) logger.info({ workers: config.workers }, 'started %d worker processes', config.workers);

  return {
    async close() {
      closing = true;
      await Promise.all([...children.values()].map(stopChild));
    },
  };
}
