/** `npm start`: the API, and WORKERS batch worker processes beside it. */
import { startWorkerProcesses } from './batch/worker-processes';
import { startApi } from './http/server';
import { runProcess } from './process';

// Parts close in reverse order: the API stops taking requests before the workers stop.
runProcess(async ({ config, runtime, logger }) => [
  startWorkerProcesses(config, logger),
  await startApi(config, runtime, logger),
]);
