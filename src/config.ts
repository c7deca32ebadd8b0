/**
 * The environment, parsed and validated once into a typed, frozen object
 * (the README's configuration). Every option is read here and nowhere else; an invalid value
 * stops start-up with one line naming the variable, the rule and the value.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Port the API listens on (`PORT`). @defaultValue 3000 */
  readonly port: number;
  /** Address the API listens on (`HOST`). @defaultValue '127.0.0.1' */
  readonly host: string;
  /** The Redis server (`REDIS_URL`); a database index in the path is honoured. @defaultValue 'redis://127.0.0.1:6379' */
  readonly redisUrl: string;
  /** True when neither `REDIS_URL` nor `REDIS_CLUSTER_NODES` was set, so the embedded redis-server may be started. */
  readonly redisUrlIsDefault: boolean;
  /**
   * Redis Cluster nodes to start from (`REDIS_CLUSTER_NODES`, comma-separated `host:port`).
   * When set, every Redis use goes to the cluster; REDIS_URL then only lends its credentials. @defaultValue []
   */
  readonly redisClusterNodes: readonly string[];
  /** Bearer token for admin calls (`ADMIN_TOKEN`); unset = admin calls answer 403. @defaultValue undefined */
  readonly adminToken: string | undefined;
  /** Network loaded when Redis holds no active one (`NETWORK_FILE`). @defaultValue the bundled data/cn-global-demo.json */
  readonly networkFile: string;
  /** pino level (`LOG_LEVEL`). @defaultValue 'info' */
  readonly logLevel: LogLevel;
  /** Keys accepted on routing calls (`API_KEYS`, comma-separated); empty = routing is open. @defaultValue [] */
  readonly apiKeys: readonly string[];
  /**
   * Routing calls per client per minute, counted in each process on its own (`RATE_LIMIT_PER_MINUTE`); 0 = no limit.
   * The client is its API key when API_KEYS is set, else its IP. With API_KEYS unset nothing is limited unless this
   * is set: one address may be a whole proxy's or load test's. @defaultValue 60000 with API_KEYS set, else 0
   */
  readonly rateLimitPerMinute: number;
  /** Largest body of any call but the network upload (`BODY_LIMIT_BYTES`). @defaultValue 16384 */
  readonly bodyLimitBytes: number;
  /** Largest network upload (`NETWORK_BODY_LIMIT_BYTES`). @defaultValue 52428800 (50 MiB) */
  readonly networkBodyLimitBytes: number;
  /** Mean event-loop lag above which calls are shed with 503 (`EVENT_LOOP_LAG_MS`); 0 = never shed. @defaultValue 200 */
  readonly eventLoopLagMs: number;
  /** First part of every Redis key (`KEY_PREFIX`). @defaultValue 'parcel' */
  readonly keyPrefix: string;
  /** Network versions kept for rollback (`NETWORK_VERSIONS_KEPT`). @defaultValue 5 */
  readonly networkVersionsKept: number;
  /** Backstop poll of the active version, besides pub/sub (`NETWORK_POLL_MS`). @defaultValue 5000 */
  readonly networkPollMs: number;
  /** Longest wait for in-flight calls on shutdown before closing anyway (`SHUTDOWN_TIMEOUT_MS`). @defaultValue 10000 */
  readonly shutdownTimeoutMs: number;
  /**
   * Longest time to receive a whole request, body included (`REQUEST_TIMEOUT_MS`): a
   * 50 MB network upload or a million-parcel batch (≈150 MB of NDJSON) must arrive
   * within it. @defaultValue 120000
   */
  readonly requestTimeoutMs: number;
  /**
   * Port of GET /metrics in a worker process, on HOST (`METRICS_PORT`); 0 = not served. When another process
   * holds it, the worker serves on a free port instead and logs which. @defaultValue 9464
   */
  readonly metricsPort: number;
  /** Parcels per queued job of a batch (`BATCH_CHUNK_SIZE`). @defaultValue 1000 */
  readonly batchChunkSize: number;
  /** Most parcels in one batch (`BATCH_MAX_PARCELS`); more answers 413. @defaultValue 1000000 */
  readonly batchMaxParcels: number;
  /** Largest JSON `{"parcels":[…]}` body (`BATCH_JSON_BODY_LIMIT_BYTES`); NDJSON is streamed and has no body limit. @defaultValue 268435456 (256 MiB, about 1M small parcels) */
  readonly batchJsonBodyLimitBytes: number;
  /** Chunk queues; chunk i goes to shard i % QUEUE_SHARDS, each under a hash tag of its own (`QUEUE_SHARDS`). @defaultValue 2 */
  readonly queueShards: number;
  /** Chunks a worker process routes at once, per shard (`WORKER_CONCURRENCY`). @defaultValue 2 */
  readonly workerConcurrency: number;
  /** Worker processes `npm start` runs beside the API, at a lower CPU priority (`WORKERS`); 0 = the API alone. @defaultValue the number of CPU cores */
  readonly workers: number;
  /** Seconds a batch's status and results are kept (`RESULTS_TTL`); also how long an Idempotency-Key names its booking. @defaultValue 86400 */
  readonly resultsTtlSeconds: number;
  /**
   * Old-generation heap of the thread that makes a plan, in MB (`PLANS_HEAP_MB`; its young
   * generation comes on top: thread-limits.ts): a million parcels on 500 hubs peak near
   * 10 GB, far past Node's default of about 4 GB. @defaultValue 12288
   */
  readonly plansHeapMb: number;
  /** Threads solving POST /v1/tours at once, off the event loop (`TOURS_THREADS`). @defaultValue the CPU cores − 1, at least 1 */
  readonly toursThreads: number;
  /** Tour requests waiting for a thread; one more answers 503 (`TOURS_QUEUE`). @defaultValue 4 */
  readonly toursQueue: number;
  /** Largest POST /v1/tours body (`TOURS_BODY_LIMIT_BYTES`). @defaultValue 16777216 (16 MiB) */
  readonly toursBodyLimitBytes: number;
  /** A tour request's time limit when it gives neither timeLimitSeconds nor iterations (`TOURS_DEFAULT_SECONDS`). @defaultValue 5 */
  readonly toursDefaultSeconds: number;
  /** The longest time limit a tour request may have (`TOURS_MAX_SECONDS`); also the limit of one that gives iterations alone. @defaultValue 120 */
  readonly toursMaxSeconds: number;
  /**
   * How often each process reads the bookings the others made into its view of the loads
   * (`CAPACITY_REFRESH_MS`): quotes see bookings at most this plus a Redis round trip late,
   * within the contract's 1 s. @defaultValue 250
   */
  readonly capacityRefreshMs: number;
  /**
   * Days a UTC date's bookings (counters, holds, booking records) are kept after the date
   * has passed, or after its last booking when that came later (`CAPACITY_RETENTION_DAYS`).
   * @defaultValue 3
   */
  readonly capacityRetentionDays: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses and checks the environment; throws one ConfigError listing every invalid variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const apiKeys = reader.list('API_KEYS');
  const config: Config = {
    port: reader.integer('PORT', 3000, 1, 65535),
    host: reader.text('HOST', '127.0.0.1'),
    redisUrl: reader.redisUrl('REDIS_URL', 'redis://127.0.0.1:6379'),
    redisUrlIsDefault: !env.REDIS_URL && !env.REDIS_CLUSTER_NODES,
    redisClusterNodes: reader.hostPorts('REDIS_CLUSTER_NODES'),
    adminToken: env.ADMIN_TOKEN || undefined,
    networkFile: resolve(reader.text('NETWORK_FILE', join(packageRoot(), 'data', 'cn-global-demo.json'))),
    logLevel: reader.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    apiKeys,
    rateLimitPerMinute: reader.integer('RATE_LIMIT_PER_MINUTE', apiKeys.length ? 60_000 : 0, 0, 1e9),
    bodyLimitBytes: reader.integer('BODY_LIMIT_BYTES', 16_384, 256, 1 << 30),
    networkBodyLimitBytes: reader.integer('NETWORK_BODY_LIMIT_BYTES', 50 * 1024 * 1024, 1024, 1 << 30),
    eventLoopLagMs: reader.integer('EVENT_LOOP_LAG_MS', 200, 0, 60_000),
    keyPrefix: reader.matching('KEY_PREFIX', 'parcel', /^[A-Za-z0-9_.:-]{1,64}$/, '1–64 of A-Za-z0-9_.:-'),
    networkVersionsKept: reader.integer('NETWORK_VERSIONS_KEPT', 5, 2, 100),
    networkPollMs: reader.integer('NETWORK_POLL_MS', 5000, 100, 3_600_000),
    shutdownTimeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    requestTimeoutMs: reader.integer('REQUEST_TIMEOUT_MS', 120_000, 1000, 3_600_000),
    metricsPort: reader.integer('METRICS_PORT', 9464, 0, 65535),
    batchChunkSize: reader.integer('BATCH_CHUNK_SIZE', 1000, 10, 10_000),
    batchMaxParcels: reader.integer('BATCH_MAX_PARCELS', 1_000_000, 1, 1_000_000),
    batchJsonBodyLimitBytes: reader.integer('BATCH_JSON_BODY_LIMIT_BYTES', 256 * 1024 * 1024, 1024, 1 << 30),
    queueShards: reader.integer('QUEUE_SHARDS', 2, 1, 64),
    workerConcurrency: reader.integer('WORKER_CONCURRENCY', 2, 1, 64),
    workers: reader.integer('WORKERS', Math.min(availableParallelism(), 64), 0, 64),
    resultsTtlSeconds: reader.integer('RESULTS_TTL', 86_400, 60, 30 * 86_400),
    plansHeapMb: reader.integer('PLANS_HEAP_MB', 12_288, 256, 1 << 20),
    toursThreads: reader.integer('TOURS_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    toursQueue: reader.integer('TOURS_QUEUE', 4, 0, 10_000),
    toursBodyLimitBytes: reader.integer('TOURS_BODY_LIMIT_BYTES', 16 * 1024 * 1024, 1024, 1 << 30),
    toursDefaultSeconds: reader.integer('TOURS_DEFAULT_SECONDS', 5, 1, 3600),
    toursMaxSeconds: reader.integer('TOURS_MAX_SECONDS', 120, 1, 3600),
    capacityRefreshMs: reader.integer('CAPACITY_REFRESH_MS', 250, 20, 750),
    capacityRetentionDays: reader.integer('CAPACITY_RETENTION_DAYS', 3, 1, 400),
  };
  if (problems.length) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return Object.freeze(config);
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  text(name: string, fallback: string): string {
    return this.env[name] || fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (!raw) return fallback;
    const value = Number(raw);
    if (/^\d+$/.test(raw.trim()) && value >= min && value <= max) return value;
    this.problems.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.env[name];
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`);
    return fallback;
  }

  matching(name: string, fallback: string, pattern: RegExp, rule: string): string {
    const raw = this.env[name];
    if (!raw) return fallback;
    if (pattern.test(raw)) return raw;
    this.problems.push(`${name} must be ${rule} (got '${raw}')`);
    return fallback;
  }

  list(name: string): string[] {
    return (this.env[name] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  hostPorts(name: string): string[] {
    const items = this.list(name);
    const bad = items.filter((item) => !/^[^\s:]+:\d{1,5}$/.test(item) || Number(item.split(':')[1]) > 65535);
    if (!bad.length) return items;
    this.problems.push(`${name} must be comma-separated host:port pairs (got '${bad.join(',')}')`);
    return [];
  }

  redisUrl(name: string, fallback: string): string {
    const raw = this.env[name];
    if (!raw) return fallback;
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    const db = url?.pathname.replace(/^\//, '') ?? '';
    if (url && (url.protocol === 'redis:' || url.protocol === 'rediss:') && /^\d*$/.test(db)) return raw;
    this.problems.push(
      `${name} must be a redis:// or rediss:// URL with an optional /<db index> (value not shown: it may hold a password)`,
    );
    return fallback;
  }
}

/** The project directory (holding package.json), from src/ (ts) as from dist/src/ (built). */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
