/**
 * One app instance on real Redis, under a key prefix of its own (or a shared
 * one, for two instances of the same deployment). close() shuts everything
 * and deletes the prefix's keys.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { createCapacity, type Capacity } from '../../src/capacity/capacity-runtime';
import { loadConfig, type Config } from '../../src/config';
import { buildApp, type App } from '../../src/http/app';
import { ClosureStore } from '../../src/network/closure-store';
import { LiveNetwork } from '../../src/network/live-network';
import { NetworkStore } from '../../src/network/store';
import { createRedis, type RedisClient } from '../../src/redis/connection';
import { keys, type Keys } from '../../src/redis/keys';
import type { NetworkDocument } from '../../src/routing/types';
import { deleteKeys } from './delete-keys';

export const ADMIN_TOKEN = 'test-admin-token';
/** The tours pool's worker, run from the TypeScript sources (jest's transform does not reach worker threads). */
export const TOURS_WORKER = join(__dirname, 'tours-worker.js');
export const DEFAULT_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface HarnessOptions {
  /** The app's logger. @defaultValue none */
  logger?: FastifyBaseLogger;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
  /** Uploaded (and activated) before the app starts; none = no active network. */
  network?: NetworkDocument;
  /** Share another instance's prefix. */
  prefix?: string;
  redisUrl?: string;
}

export interface Harness {
  app: App;
  config: Config;
  live: LiveNetwork;
  redis: RedisClient;
  capacity: Capacity;
  keys: Keys;
  store: NetworkStore;
  prefix: string;
  admin: { authorization: string };
  close(): Promise<void>;
}

export async function startApp(options: HarnessOptions = {}): Promise<Harness> {
  const prefix = options.prefix ?? `test:${randomUUID().slice(0, 8)}`;
  const redisUrl = options.redisUrl ?? DEFAULT_REDIS_URL;
  const config = loadConfig({
    REDIS_URL: redisUrl,
    KEY_PREFIX: prefix,
    ADMIN_TOKEN,
    NETWORK_POLL_MS: '500',
    // Load shedding stays off unless a test turns it on: a busy CI machine lags past 200 ms.
    EVENT_LOOP_LAG_MS: '0',
    ...options.env,
  });
  const redis = createRedis(config, 'command');
  await redis.connect();
  const subscriber = createRedis(config, 'subscriber');
  const k = keys(prefix);
  const store = new NetworkStore(redis, k, config.networkVersionsKept);
  if (options.network) await store.upload(options.network);
  const capacity = createCapacity(config, redis);
  await capacity.start();
  const live = new LiveNetwork({
    store,
    closures: new ClosureStore(redis, k),
    subscriber,
    keys: k,
    logger: pino({ level: 'silent' }),
    pollMs: config.networkPollMs,
    loads: capacity.view,
  });
  await live.start();
  const app = await buildApp({ config, live, redis, capacity, logger: options.logger, toursWorkerFile: TOURS_WORKER });
  await app.ready();
  return {
    app,
    config,
    live,
    redis,
    capacity,
    keys: k,
    store,
    prefix,
    admin: { authorization: `Bearer ${ADMIN_TOKEN}` },
    async close() {
      await app.close();
      await live.stop();
      await capacity.stop();
      if (redis.status === 'ready' && !options.prefix) await deleteKeys(redis, prefix);
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}

/** Polls `check` every 20 ms until it holds; returns the ms waited; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}
