/** `npm run start:worker`: the batch workers alone, for scaling out, with GET /metrics on METRICS_PORT. */
import { startBatchWorkers } from './batch/worker-pool';
import { startMetricsServer } from './metrics/metrics-server';
import { runProcess, type Closable } from './process';

runProcess(async ({ config, runtime, logger }) => {
  const parts: Closable[] = [];
  if (config.metricsPort > 0) parts.push(await startMetricsServer(config.metricsPort, config.host));
  parts.push(startBatchWorkers(config, runtime, logger));
  return parts;
});
