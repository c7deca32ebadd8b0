/**
 * Idempotency-Key → what the first request with it made (a batch id, a booking), kept
 * for a time to live. A key is stored as a hash of the client (its API key, when API
 * keys are in use) and the header, so one client's keys never meet another's and no
 * raw header lands in Redis.
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './connection';

/**
 * Replaces (or with an empty ARGV[2], deletes) the value a key names, only if it
 * still names ARGV[1].
 * KEYS[1] the idempotency key; ARGV[1] the value expected, ARGV[2] the new value
 * or '', ARGV[3] time to live (s). Returns 1 when done, 0 otherwise.
 */
const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return 1
`;

export function idempotencyHash(client: string, key: string): string {
  return createHash('sha256').update(client).update('\n').update(key).digest('hex');
}

export class IdempotencyKeys {
  constructor(
    private readonly redis: RedisClient,
    /** The Redis key of a hashed Idempotency-Key (src/redis/keys.ts). */
    private readonly keyOf: (hash: string) => string,
    private readonly ttlSeconds: number,
  ) {}

  /** Binds the key to `value` unless it is bound already; returns the value it names now. */
  async bind(hash: string, value: string): Promise<string> {
    const key = this.keyOf(hash);
    if ((await this.redis.set(key, value, 'EX', this.ttlSeconds, 'NX')) === 'OK') return value;
    return (await this.redis.get(key)) ?? (await this.bind(hash, value));
  }

  /** What the key names, if anything. */
  async current(hash: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyOf(hash))) ?? undefined;
  }

  /** Rebinds the key from `from` to `to`; false when it no longer names `from`. */
  async rebind(hash: string, from: string, to: string): Promise<boolean> {
    return (await this.redis.eval(SWAP, 1, this.keyOf(hash), from, to, this.ttlSeconds)) === 1;
  }

  /** Deletes the key if it still names `value`. */
  async release(hash: string, value: string): Promise<void> {
    await this.redis.eval(SWAP, 1, this.keyOf(hash), value, '', this.ttlSeconds);
  }
}
