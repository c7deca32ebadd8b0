/**
 * The naive pipeline's worker, for bench:pipeline's comparison: one BullMQ job
 * per parcel, routed with the same Router on the same network, the answer kept
 * as the job's return value. Run as a child process:
 * `node naive-worker.js <redisUrl> <prefix> <queue>`.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseRouteRequest } from '../../src/api/route-request';
import { routeParcel } from '../../src/api/route-parcel';
import { toRouteResponse } from '../../src/api/route-response';
import { packageRoot } from '../../src/config';
import { readNetworkFile } from '../../src/network/network-file';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { join } from 'node:path';

const [redisUrl, prefix, queueName] = process.argv.slice(2);

async function main(): Promise<void> {
  const router = new Router(prepareNetwork(await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'))));
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(
    queueName,
    async (job) => {
      const parsed = parseRouteRequest(job.data);
      if (!parsed.ok) return { error: parsed.error.code };
      try {
        return toRouteResponse(routeParcel('batch', router, parsed.query), 'naive', parsed.parcelId);
      } catch (err) {
        return { error: (err as { code?: string }).code ?? 'INTERNAL' };
      }
    },
    { connection, prefix, concurrency: 50 },
  );
  await worker.waitUntilReady();
  process.send?.('ready');
  process.once(
    'SIGTERM',
    () =>
      void worker
        .close()
        .then(() => connection.quit())
        .then(() => process.exit(0)),
  );
}

void main();
