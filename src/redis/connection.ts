/**
 * Creating ioredis clients. Nothing may hang when Redis is down: commands on the
 * request path fail at once instead of queueing, every command has a time limit,
 * and reconnection never gives up, so the service recovers by itself.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** Longest wait for a TCP connection to Redis. */
const CONNECT_TIMEOUT_MS = 1000;
/** Longest wait for any single command's reply. */
const COMMAND_TIMEOUT_MS = 2000;
/** Reconnect backoff: 100 ms, 200 ms, … capped at 1 s, forever. */
const retryStrategy = (attempt: number): number => Math.min(attempt * 100, 1000);

const COMMON: RedisOptions = {
  lazyConnect: true,
  connectTimeout: CONNECT_TIMEOUT_MS,
  retryStrategy,
};

export type RedisRole =
  /** Request-path commands: fail fast while disconnected (no offline queue, one retry). */
  | 'command'
  /** Pub/sub subscriber: subscribes before the connection is up and resubscribes after it returns. */
  | 'subscriber';

/** A client for `url` (its /db index honoured). Call `connect()` or send a command to start it. */
export function createRedis(url: string, role: RedisRole, name = `parcel-route:${role}`): Redis {
  const options: RedisOptions =
    role === 'command'
      ? { ...COMMON, connectionName: name, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS }
      : { ...COMMON, connectionName: name, enableOfflineQueue: true, maxRetriesPerRequest: null };
  return new Redis(url, options);
}
