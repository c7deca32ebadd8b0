/**
 * Idempotency-Key → batch id, kept as long as batches are. A key is stored as
 * a hash of the client (its API key, when API keys are in use) and the header,
 * so one client's keys never meet another's and no raw header lands in Redis.
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';

/**
 * Replaces (or with an empty ARGV[2], deletes) the batch id a key names, only if
 * it still names ARGV[1].
 * KEYS[1] the idempotency key; ARGV[1] the batch id expected, ARGV[2] the new
 * batch id or '', ARGV[3] time to live (s). Returns 1 when done, 0 otherwise.
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
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  /** Binds the key to `batchId` unless it is bound already; returns the batch id it names now. */
  async bind(hash: string, batchId: string): Promise<string> {
    const key = this.keys.batchIdempotency(hash);
    if ((await this.redis.set(key, batchId, 'EX', this.ttlSeconds, 'NX')) === 'OK') return batchId;
    return (await this.redis.get(key)) ?? (await this.bind(hash, batchId));
  }

  /** Rebinds the key from `from` to `to`; false when it no longer names `from`. */
  async rebind(hash: string, from: string, to: string): Promise<boolean> {
    return (await this.redis.eval(SWAP, 1, this.keys.batchIdempotency(hash), from, to, this.ttlSeconds)) === 1;
  }

  /** Deletes the key if it still names `batchId`. */
  async release(hash: string, batchId: string): Promise<void> {
    await this.redis.eval(SWAP, 1, this.keys.batchIdempotency(hash), batchId, '', this.ttlSeconds);
  }
}
