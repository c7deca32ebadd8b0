/** `npm run start:worker`: the batch workers alone, for scaling out, with GET /metrics on METRICS_PORT. */
import { startBatchWorkers } from './batch/worker-pool';
import { startMetricsServer } from './metrics/metrics-server';
import { runProcess, type Closable } from './process';

// Forked by `npm start`: the IPC channel must not keep this process alive once it has
// shut down, and the process stops (finishing its chunks) when that parent goes, even if killed.
process.channel?.unref();
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

runProcess(async ({ config, runtime, logger }) => {
  const parts: Closable[] = [];
  if (config.metricsPort > 0) parts.push(await startMetricsServer(config.metricsPort, config.host, runtime.live));
  parts.push(startBatchWorkers(config, runtime, logger));
  return parts;
});
