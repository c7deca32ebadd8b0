/** `npm run start:api`: the API alone, for scaling out. */
import { startApi } from './http/server';
import { runProcess } from './process';

runProcess(async ({ config, runtime, logger }) => [await startApi(config, runtime, logger)]);
