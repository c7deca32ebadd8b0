/** Cleaning up after a test or a bench: every key under a prefix. */
import { Cluster } from 'ioredis';
import type { RedisClient } from '../../src/redis/connection';

/** Deletes every key under `prefix:`, on every master of a cluster. */
export async function deleteKeys(redis: RedisClient, prefix: string): Promise<void> {
  for (const node of redis instanceof Cluster ? redis.nodes('master') : [redis]) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      await Promise.all(found.map((key) => node.del(key)));
      cursor = next;
    } while (cursor !== '0');
  }
}
