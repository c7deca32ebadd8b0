/** `npm start`: the API and the worker pool in one process (the batch issue adds the workers here). */
import { startApi } from './http/server';
import { runProcess } from './process';

runProcess(async ({ config, runtime, logger }) => [await startApi(config, runtime, logger)]);
