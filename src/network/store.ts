/**
 * The network store: every upload becomes an immutable version in Redis (its id
 * is a hash of its content), a pointer names the active version, and a short
 * history keeps the previous ones for rollback. Every change is announced on the
 * networkChanges channel, atomically with the change itself.
 */
import { createHash } from 'node:crypto';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import type { NetworkDocument } from '../routing/types';
import { ACTIVATE, ROLLBACK } from './store-scripts';

export interface ActiveVersion {
  version: string;
  /** ISO time the version became active. */
  activatedAt: string;
}

/** A kept version; activatedAt is unknown for versions stored before activations were recorded. */
export interface KeptVersion {
  version: string;
  activatedAt: string | undefined;
}

export interface StoredUpload extends ActiveVersion {
  /** False when `onlyIfNoneActive` was asked and another version was already active. */
  activated: boolean;
}

export class NetworkStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** Versions kept, the active one included. @defaultValue 5 */
    private readonly versionsKept = 5,
  ) {}

  /** Stores a validated document as a version and makes it active. */
  upload(doc: NetworkDocument, options: { onlyIfNoneActive?: boolean } = {}): Promise<StoredUpload> {
    const json = JSON.stringify(doc);
    const version = createHash('sha256').update(json).digest('hex').slice(0, 16);
    const activatedAt = new Date().toISOString();
    const k = this.keys;
    return needRedis(this.redis, async () => {
      const done = await this.redis.eval(
        ACTIVATE,
        4,
        k.networkVersion(version),
        k.activeNetwork,
        k.networkHistory,
        k.networkActivations,
        version,
        json,
        activatedAt,
        this.versionsKept,
        k.networkVersionPrefix,
        k.networkChanges,
        options.onlyIfNoneActive ? '1' : '0',
      );
      return { version, activatedAt, activated: done === 1 };
    });
  }

  /** The active version, or undefined when none was ever uploaded. */
  active(): Promise<ActiveVersion | undefined> {
    return needRedis(this.redis, async () => {
      const [version, activatedAt] = await this.redis.hmget(this.keys.activeNetwork, 'version', 'activatedAt');
      return version && activatedAt ? { version, activatedAt } : undefined;
    });
  }

  /** The document of a kept version, or undefined when it is not (or no longer) stored. */
  document(version: string): Promise<NetworkDocument | undefined> {
    return needRedis(this.redis, async () => {
      const json = await this.redis.get(this.keys.networkVersion(version));
      return json === null ? undefined : (JSON.parse(json) as NetworkDocument);
    });
  }

  /** Version ids kept, the active one first. */
  history(): Promise<string[]> {
    return needRedis(this.redis, () => this.redis.lrange(this.keys.networkHistory, 0, -1));
  }

  /** The versions kept, the active one first, each with the time it last became active. */
  versions(): Promise<KeptVersion[]> {
    return needRedis(this.redis, async () => {
      const [[, ids], [, times]] = (await this.redis
        .multi()
        .lrange(this.keys.networkHistory, 0, -1)
        .hgetall(this.keys.networkActivations)
        .exec()) as [[null, string[]], [null, Record<string, string>]];
      return ids.map((version) => ({ version, activatedAt: times[version] }));
    });
  }

  /** Re-activates the previous version; undefined when there is none. */
  rollback(): Promise<ActiveVersion | undefined> {
    const activatedAt = new Date().toISOString();
    const k = this.keys;
    return needRedis(this.redis, async () => {
      const version = (await this.redis.eval(
        ROLLBACK,
        3,
        k.networkHistory,
        k.activeNetwork,
        k.networkActivations,
        activatedAt,
        k.networkVersionPrefix,
        k.networkChanges,
      )) as string | null;
      return version ? { version, activatedAt } : undefined;
    });
  }
}
