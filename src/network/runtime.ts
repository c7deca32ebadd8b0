/**
 * What every API and worker process shares: the Redis clients, the live network
 * and the capacity ledger's parts (whose view of the loads the network's Routers
 * read), started from the configuration and closed in order.
 */
import type { Logger } from 'pino';
import { createCapacity, type Capacity } from '../capacity/capacity-runtime';
import type { Config } from '../config';
import { closeRedis, connectRedis, createRedis, type RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';
import { ClosureStore } from './closure-store';
import { LiveNetwork } from './live-network';
import { NetworkStore } from './store';

export interface NetworkRuntime {
  /** Request-path client (fails fast while Redis is down). */
  readonly redis: RedisClient;
  readonly live: LiveNetwork;
  readonly capacity: Capacity;
  close(): Promise<void>;
}

/**
 * Connects to Redis and loads the active network (seeding it from NETWORK_FILE
 * when Redis has none). When Redis is down it still starts: the clients keep
 * reconnecting and the network loads as soon as Redis answers.
 */
export async function startNetworkRuntime(config: Config, logger: Logger): Promise<NetworkRuntime> {
  const subscriber = createRedis(config, 'subscriber');
  subscriber.on('error', () => undefined);
  const redis = await connectRedis(config, logger);
  const k = keys(config.keyPrefix);
  const capacity = createCapacity(config, redis, logger);
  await capacity.start();
  const live = new LiveNetwork({
    store: new NetworkStore(redis, k, config.networkVersionsKept),
    closures: new ClosureStore(redis, k),
    subscriber,
    keys: k,
    logger,
    pollMs: config.networkPollMs,
    seedFile: config.networkFile,
    loads: capacity.view,
  });
  await live.start();
  return {
    redis,
    live,
    capacity,
    async close() {
      await live.stop();
      await capacity.stop();
      await Promise.all([closeRedis(redis), closeRedis(subscriber)]);
    },
  };
}
