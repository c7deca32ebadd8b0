/** What the route plugins are given: the configuration, the network in memory and in Redis, and the capacity ledger. */
import { BookingService } from '../capacity/booking-service';
import type { Capacity } from '../capacity/capacity-runtime';
import type { Config } from '../config';
import type { ClosureStore } from '../network/closure-store';
import type { LiveNetwork } from '../network/live-network';
import type { NetworkStore } from '../network/store';
import type { RedisClient } from '../redis/connection';
import { IdempotencyKeys } from '../redis/idempotency-keys';
import { keys } from '../redis/keys';

export interface Services {
  config: Config;
  live: LiveNetwork;
  /** The request-path client: fails fast while Redis is down. */
  redis: RedisClient;
  /** The client the batch and plan queues add jobs with (connectRedis, 'parcel-route:producer'): not the request path's. */
  producer: RedisClient;
  store: NetworkStore;
  closures: ClosureStore;
  capacity: Capacity;
  bookings: BookingService;
}

/** The stores are the live network's own, over the same request-path client. */
export function createServices(
  config: Config,
  live: LiveNetwork,
  redis: RedisClient,
  producer: RedisClient,
  capacity: Capacity,
): Services {
  const { ledger, view, groups, resolver } = capacity;
  const idempotency = new IdempotencyKeys(redis, keys(config.keyPrefix).bookingIdempotency, config.resultsTtlSeconds);
  const bookings = new BookingService({ redis, ledger, view, groups, resolver, network: live, idempotency });
  return { config, live, redis, producer, store: live.store, closures: live.closureStore, capacity, bookings };
}
