/**
 * The network as every API and worker process serves it: the active version's
 * document, index and router, held in memory and never read from Redis per
 * request. A change announced on the networkChanges channel (or found by the
 * periodic poll that backs pub/sub up) builds the next snapshot off to the side,
 * then switches to it with one reference swap. A change of closures only builds
 * a new Router over the same index.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { BaseLogger } from 'pino';
import { AppError } from '../errors';
import type { ClosureRecord } from '../wire/closure';
import { isoToMinutes } from '../wire/time';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import type { Loads } from '../routing/capacity/loads';
import { prepareNetwork, type NetworkIndex } from '../routing/network/network-index';
import { LowerBoundCache } from '../routing/search/lower-bounds';
import { Router } from '../routing/router/router';
import type { Closure, NetworkDocument } from '../routing/types';
import type { ClosureStore } from './closure-store';
import { readNetworkFile } from './network-file';
import type { ActiveVersion, NetworkStore } from './store';

/** Longest wait in start() for the subscription, with Redis up. */
const SUBSCRIBE_WAIT_MS = 5000;

export interface NetworkSnapshot {
  readonly version: string;
  readonly activatedAt: string;
  readonly doc: NetworkDocument;
  readonly index: NetworkIndex;
  /** The index's lower bounds, kept across the Routers of a change of closures. */
  readonly bounds: LowerBoundCache;
  /** What the Routers of this index read as booked; kept across a change of closures. */
  readonly loads: Loads | undefined;
  readonly router: Router;
  readonly closures: readonly ClosureRecord[];
  readonly closuresRevision: number;
}

export interface LiveNetworkOptions {
  store: NetworkStore;
  closures: ClosureStore;
  /** A connection of its own: it enters subscriber mode. */
  subscriber: RedisClient;
  keys: Keys;
  logger: BaseLogger;
  /** Backstop poll interval. @defaultValue 5000 */
  pollMs?: number;
  /** Loaded into Redis when no version is active there (NETWORK_FILE). @defaultValue none */
  seedFile?: string;
  /** What is booked (CONTRACT §5), as each network version's Router reads it. @defaultValue nothing booked */
  loads?: LoadsSource;
}

/** Where a network version's Router reads what is booked: the process's view of the capacity ledger. */
export interface LoadsSource {
  tableFor(index: NetworkIndex): Loads;
}

export class LiveNetwork {
  private snapshot: NetworkSnapshot | undefined;
  private seed: { file: string; doc: NetworkDocument } | undefined;
  private loading: Promise<void> | undefined;
  private loadAgain = false;
  private redisDown = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onMessage = (channel: string): void => {
    if (channel === this.options.keys.networkChanges) void this.refresh();
  };
  private readonly onReconnect = (): void => void this.refresh();

  constructor(private readonly options: LiveNetworkOptions) {}

  /** The versions in Redis this network is loaded from (admin calls upload and roll back through it). */
  get store(): NetworkStore {
    return this.options.store;
  }

  /** The closures in Redis this network applies. */
  get closureStore(): ClosureStore {
    return this.options.closures;
  }

  /** The snapshot being served; undefined until a network is active. */
  get current(): NetworkSnapshot | undefined {
    return this.snapshot;
  }

  /** The snapshot being served; throws 503 UNAVAILABLE while no network is active. */
  require(): NetworkSnapshot {
    if (!this.snapshot) throw new AppError('UNAVAILABLE', 'no network is active yet');
    return this.snapshot;
  }

  /**
   * Reads the seed file (rejecting when it is unreadable or invalid), subscribes
   * to changes, loads the active network and starts the poll. With Redis up, it
   * resolves once subscribed, so that no change made after start() is missed
   * until the next poll (a cluster client finds its nodes first, which can take
   * longer than the load). Resolves even when Redis is down: the poll and the
   * reconnection keep trying, and the seed is stored as soon as Redis answers
   * without an active network.
   */
  async start(): Promise<void> {
    const { subscriber, keys, seedFile, pollMs = 5000 } = this.options;
    if (seedFile) this.seed = { file: seedFile, doc: await readNetworkFile(seedFile) };
    subscriber.on('message', this.onMessage);
    subscriber.on('ready', this.onReconnect);
    const subscribed = subscriber.subscribe(keys.networkChanges).then(
      () => undefined,
      () => undefined,
    );
    await this.refresh();
    if (!this.redisDown) await Promise.race([subscribed, delay(SUBSCRIBE_WAIT_MS, undefined, { ref: false })]);
    this.timer = setInterval(() => void this.refresh(), pollMs);
    this.timer.unref();
  }

  /** Stops listening and polling; the last snapshot stays readable. */
  async stop(): Promise<void> {
    const { subscriber, keys } = this.options;
    clearInterval(this.timer);
    subscriber.off('message', this.onMessage);
    subscriber.off('ready', this.onReconnect);
    if (subscriber.status === 'ready') await subscriber.unsubscribe(keys.networkChanges).catch(() => undefined);
    await this.loading;
  }

  /**
   * Brings the snapshot up to date with Redis. Calls made while a load runs are
   * answered by one more load after it. Never rejects: on failure the current
   * snapshot stays, and the failure is logged once until Redis answers again.
   */
  refresh(): Promise<void> {
    if (this.loading) {
      this.loadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.loadAgain = false;
        await this.loadLogged();
      } while (this.loadAgain);
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Stores the seed document when no version is active; returns the active version. */
  private async activeOrSeeded(): Promise<ActiveVersion | undefined> {
    const { store, logger } = this.options;
    const active = await store.active();
    if (active || !this.seed) return active;
    const upload = await store.upload(this.seed.doc, { onlyIfNoneActive: true });
    if (upload.activated)
      logger.info({ version: upload.version }, 'no active network in Redis: loaded %s', this.seed.file);
    return store.active();
  }

  private async loadLogged(): Promise<void> {
    try {
      await this.load();
      if (this.redisDown) this.options.logger.info('network store reachable again');
      this.redisDown = false;
    } catch (err) {
      if (!this.redisDown) this.options.logger.warn({ err }, 'cannot refresh the network; serving the one in memory');
      this.redisDown = true;
    }
  }

  private async load(): Promise<void> {
    const { store, closures } = this.options;
    const [active, revision] = await Promise.all([this.activeOrSeeded(), closures.revision()]);
    if (!active) return;
    const current = this.snapshot;
    const sameVersion = current?.version === active.version;
    if (sameVersion && current.closuresRevision === revision) {
      if (current.activatedAt !== active.activatedAt) this.snapshot = { ...current, activatedAt: active.activatedAt };
      return;
    }
    let prepared = sameVersion ? { index: current.index, bounds: current.bounds, loads: current.loads } : undefined;
    if (!prepared) {
      const doc = await store.document(active.version);
      if (!doc) return;
      const index = prepareNetwork(doc);
      prepared = { index, bounds: new LowerBoundCache(index), loads: this.options.loads?.tableFor(index) };
      // At start, before any query: each destination's first queries would otherwise wait
      // for its bounds. A later version switches at once and fills them by use.
      if (!current) prepared.bounds.warm();
    }
    const { index, bounds, loads } = prepared;
    const closureSet =
      current && current.closuresRevision === revision
        ? { revision, closures: current.closures }
        : await closures.list();
    this.snapshot = {
      version: active.version,
      activatedAt: active.activatedAt,
      doc: index.doc,
      index,
      bounds,
      loads,
      router: new Router(index, closureSet.closures.map(toCoreClosure), bounds, loads),
      closures: closureSet.closures,
      closuresRevision: closureSet.revision,
    };
    this.options.logger.info(
      { version: active.version, closuresRevision: this.snapshot.closuresRevision },
      'network switched',
    );
  }
}

/** A closure as the core takes it: its window rounded outwards to whole minutes. */
export function toCoreClosure(record: ClosureRecord): Closure {
  return {
    hubId: record.hubId,
    legId: record.legId,
    from: isoToMinutes(record.from, 'down') ?? 0,
    until: isoToMinutes(record.until, 'up') ?? 0,
  };
}
