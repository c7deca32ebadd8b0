/** What the route plugins are given: the configuration and the network, in memory and in Redis. */
import type { Config } from '../config';
import { ClosureStore } from '../network/closure-store';
import type { LiveNetwork } from '../network/live-network';
import { NetworkStore } from '../network/store';
import type { RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';

export interface Services {
  config: Config;
  live: LiveNetwork;
  /** The request-path client: fails fast while Redis is down. */
  redis: RedisClient;
  store: NetworkStore;
  closures: ClosureStore;
}

export function createServices(config: Config, live: LiveNetwork, redis: RedisClient): Services {
  const k = keys(config.keyPrefix);
  return {
    config,
    live,
    redis,
    store: new NetworkStore(redis, k, config.networkVersionsKept),
    closures: new ClosureStore(redis, k),
  };
}
