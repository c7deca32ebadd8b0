/**
 * Closures in Redis: a hash of closure id → closure, and a revision counter
 * bumped with every change. Each change and its announcement on the
 * networkChanges channel go out in one MULTI.
 */
import { randomBytes } from 'node:crypto';
import type { ClosureRecord } from '../wire/closure';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';

export interface ClosureSet {
  revision: number;
  closures: ClosureRecord[];
}

export class ClosureStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Stores a closure under a new id and returns it. */
  add(closure: Omit<ClosureRecord, 'id' | 'createdAt'>): Promise<ClosureRecord> {
    const record: ClosureRecord = {
      id: randomBytes(8).toString('hex'),
      ...closure,
      createdAt: new Date().toISOString(),
    };
    return needRedis(this.redis, async () => {
      await this.change((tx) => tx.hset(this.keys.closures, record.id, JSON.stringify(record)));
      return record;
    });
  }

  /** Reopens: deletes a closure, and only then bumps the revision. False when there was no such closure. */
  remove(id: string): Promise<boolean> {
    return needRedis(this.redis, async () => {
      const { closures, closuresRevision, networkChanges } = this.keys;
      const deleted = await this.redis.eval(REMOVE, 2, closures, closuresRevision, id, networkChanges);
      return deleted === 1;
    });
  }

  /** Every closure with the revision they belong to, read atomically. */
  list(): Promise<ClosureSet> {
    return needRedis(this.redis, async () => {
      const replies = await this.redis.multi().get(this.keys.closuresRevision).hvals(this.keys.closures).exec();
      const [revision, values] = execValues(replies) as [string | null, string[]];
      const closures = values.map((json) => JSON.parse(json) as ClosureRecord).sort(byStart);
      return { revision: Number(revision ?? 0), closures };
    });
  }

  /** The revision alone, cheap to poll. */
  revision(): Promise<number> {
    return needRedis(this.redis, async () => Number((await this.redis.get(this.keys.closuresRevision)) ?? 0));
  }

  /** Runs `write`, bumps the revision and announces it, in one MULTI; returns the replies. */
  private async change(write: (tx: ReturnType<RedisClient['multi']>) => unknown): Promise<unknown[]> {
    const tx = this.redis.multi();
    write(tx);
    const replies = await tx.incr(this.keys.closuresRevision).publish(this.keys.networkChanges, 'closures').exec();
    return execValues(replies);
  }
}

/**
 * Deletes a closure; when there was one, bumps the revision and announces it.
 * KEYS[1] closures   KEYS[2] closuresRevision   ARGV[1] closure id   ARGV[2] networkChanges channel
 * Returns 1 when a closure was deleted, else 0.
 */
const REMOVE = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[2], 'closures')
return 1
`;

/** The values of a MULTI's replies; throws the first error among them. */
function execValues(replies: [Error | null, unknown][] | null): unknown[] {
  return (replies ?? []).map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

function byStart(a: ClosureRecord, b: ClosureRecord): number {
  return a.from.localeCompare(b.from) || a.id.localeCompare(b.id);
}
