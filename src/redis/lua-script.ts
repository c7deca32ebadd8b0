/**
 * A Lua script called by its SHA1 (EVALSHA), sent whole (EVAL) only when the server
 * does not know it yet (after a start, a restart or a failover): scripts called per
 * chunk or per group of bookings are kilobytes, which EVAL would send every time.
 * On a Redis Cluster the call goes to the node of the first key, as EVAL's does.
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './connection';

export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
