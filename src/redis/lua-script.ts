/**
 * A Lua script called by its SHA1 (EVALSHA), sent whole (EVAL) only when the server
 * does not know it yet (after a start, a restart or a failover): scripts called per
 * chunk or per group of bookings are kilobytes, which EVAL would send every time.
 * On a Redis Cluster the call goes to the node of the first key, as EVAL's does.
 */
import { createHash } from 'node:crypto';
import { Command } from 'ioredis';
import type { RedisClient } from './connection';

/**
 * When a call is written to Redis:
 * - `with-turn`: with the other commands of the event loop's turn, in one write (the
 *   request path's client auto-pipelines: ioredis sends them from a `setImmediate`);
 * - `at-once`: as soon as it is made, for calls that carry a group of their own (the
 *   capacity ledger's). A group is sent from a `setImmediate` of its own, once the turn's
 *   requests have joined it; auto-pipelined from there, the call would wait for the next
 *   turn's `setImmediate`, after that turn's requests have all been handled.
 */
export type Sending = 'with-turn' | 'at-once';

export class LuaScript {
  readonly sha: string;

  constructor(
    readonly source: string,
    private readonly sending: Sending = 'with-turn',
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(
    redis: RedisClient,
    keys: readonly string[],
    args: readonly (string | number | Buffer)[],
  ): Promise<unknown> {
    try {
      return await this.send(redis, 'evalsha', this.sha, keys, args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return this.send(redis, 'eval', this.source, keys, args);
    }
  }

  private send(
    redis: RedisClient,
    name: 'evalsha' | 'eval',
    script: string,
    keys: readonly string[],
    args: readonly (string | number | Buffer)[],
  ): Promise<unknown> {
    const argv = [script, keys.length, ...keys, ...args];
    if (this.sending === 'with-turn') return redis.call(name, ...argv);
    // What the client's call does when it does not auto-pipeline: the command, written now.
    const command = new Command(name, argv, { replyEncoding: 'utf8' });
    redis.sendCommand(command);
    return command.promise;
  }
}
