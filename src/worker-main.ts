/**
 * `npm run start:worker`: the batch and plan workers alone, for scaling out, with GET /metrics
 * on METRICS_PORT (or on a free port, when another process holds that one).
 */
import { startBatchWorkers } from './batch/worker-pool';
import { startPlanWorkers } from './plan-jobs/plan-workers';
import { utilisationOf } from './capacity/utilisation';
import { startWorkerMetrics } from './metrics/metrics-server';
import { runProcess, type Closable } from './process';

// Forked by `npm start`: the IPC channel must not keep this process alive once it has
// shut down, and the process stops (finishing its chunks) when that parent goes, even if killed.
process.channel?.unref();
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

runProcess(async ({ config, runtime, logger }) => {
  const parts: Closable[] = [];
  if (config.metricsPort > 0) {
    parts.push(
      await startWorkerMetrics(config, runtime.live, utilisationOf(runtime.capacity.view, runtime.live), logger),
    );
  }
  parts.push(startBatchWorkers(config, runtime, logger));
  parts.push(startPlanWorkers(config, runtime, logger));
  return parts;
});
