/** What the route plugins are given: the configuration and the network, in memory and in Redis. */
import type { Config } from '../config';
import type { ClosureStore } from '../network/closure-store';
import type { LiveNetwork } from '../network/live-network';
import type { NetworkStore } from '../network/store';
import type { RedisClient } from '../redis/connection';

export interface Services {
  config: Config;
  live: LiveNetwork;
  /** The request-path client: fails fast while Redis is down. */
  redis: RedisClient;
  store: NetworkStore;
  closures: ClosureStore;
}

/** The stores are the live network's own, over the same request-path client. */
export function createServices(config: Config, live: LiveNetwork, redis: RedisClient): Services {
  return { config, live, redis, store: live.store, closures: live.closureStore };
}
