/**
 * Creating ioredis clients: one Redis server, or a Redis Cluster when
 * REDIS_CLUSTER_NODES is set — decided here and nowhere else. Nothing may hang
 * when Redis is down: commands on the request path fail at once instead of
 * queueing, every command has a time limit, and reconnection never gives up,
 * so the service recovers by itself. Request-path commands issued in the same turn
 * of the event loop go out in one write (auto-pipelining), but for the capacity
 * ledger's grouped calls, which are written at once (lua-script.ts, `at-once`).
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config';

/** A client of either kind; both speak the same commands. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: the cluster's nodes when there are any, else the one server at redisUrl. */
export type RedisServer = Pick<Config, 'redisUrl' | 'redisClusterNodes'>;

/** Longest wait for a TCP connection to Redis. */
const CONNECT_TIMEOUT_MS = 1000;
/** Longest wait for any single command's reply. */
const COMMAND_TIMEOUT_MS = 2000;
/** Reconnect backoff: 100 ms, 200 ms, … capped at 1 s, forever. */
const retryStrategy = (attempt: number): number => Math.min(attempt * 100, 1000);

export type RedisRole =
  /** Request-path commands: fail fast while disconnected (no offline queue, one retry). */
  | 'command'
  /** Pub/sub subscriber: subscribes before the connection is up and resubscribes after it returns. */
  | 'subscriber'
  /** BullMQ (queues, workers, events): blocking commands, so no command time limit and no retry limit, as BullMQ requires. */
  | 'queue';

/** A client for `server` (a /db index in redisUrl honoured). Call `connect()` or send a command to start it. */
export function createRedis(server: RedisServer, role: RedisRole, name = `parcel-route:${role}`): RedisClient {
  const failFast = role === 'command';
  const options: RedisOptions = {
    connectTimeout: CONNECT_TIMEOUT_MS,
    connectionName: name,
    maxRetriesPerRequest: failFast ? 1 : null,
    ...(failFast ? { commandTimeout: COMMAND_TIMEOUT_MS } : {}),
  };
  if (!server.redisClusterNodes.length) {
    return new Redis(server.redisUrl, {
      ...options,
      lazyConnect: true,
      retryStrategy,
      enableOfflineQueue: !failFast,
      enableAutoPipelining: failFast,
    });
  }
  return new Cluster(server.redisClusterNodes.map(hostPort), {
    lazyConnect: true,
    clusterRetryStrategy: retryStrategy,
    enableOfflineQueue: !failFast,
    enableAutoPipelining: failFast,
    redisOptions: { ...options, ...credentials(server.redisUrl) },
  });
}

/**
 * A client with the request path's rules (fails fast, a time limit a command), connected
 * when Redis answers; when it does not, a warning, and the client goes on reconnecting
 * in the background. Closed by the caller.
 *
 * The API has two: the request path's, and the one its BullMQ producers (the chunk and
 * plan queues) add jobs with, `parcel-route:producer`. BullMQ defines its Lua scripts
 * (64) on the client it is given, and ioredis copies every script a client defines onto
 * each pipeline it makes, auto-pipelines included: on the request path's client that
 * cost about 70 µs of CPU a round of commands, a booking's among them (bench/README.md,
 * "Stop 41").
 */
export async function connectRedis(
  server: RedisServer,
  log: { warn(obj: object, msg: string): void },
  name?: string,
): Promise<RedisClient> {
  const client = createRedis(server, 'command', name);
  client.on('error', () => undefined);
  await client
    .connect()
    .catch((err: Error) =>
      log.warn(
        { err, client: name ?? 'parcel-route:command' },
        'Redis is not reachable yet; retrying in the background',
      ),
    );
  return client;
}

/**
 * Closes a client: QUIT when Redis answers, else at once. A client that fails fast
 * cannot send QUIT while Redis is down, and would otherwise go on reconnecting.
 */
export async function closeRedis(client: RedisClient): Promise<void> {
  await client.quit().then(
    () => undefined,
    () => client.disconnect(),
  );
}

function hostPort(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
}

/** REDIS_URL's user, password and TLS, which every cluster node shares. */
function credentials(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Runs `send` with the client's connections corked, so that the commands it writes at
 * once (lua-script.ts, `at-once`) leave in one system call a connection, as an
 * auto-pipeline's do: a write to a socket costs more than the bytes it carries.
 */
export function inOneWrite(redis: RedisClient, send: () => void): void {
  const streams = (redis instanceof Cluster ? redis.nodes() : [redis]).map((node) => node.stream).filter(Boolean);
  for (const stream of streams) stream.cork();
  try {
    send();
  } finally {
    for (const stream of streams) stream.uncork();
  }
}
