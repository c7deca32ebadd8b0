/**
 * LuaScript on the request path's client (auto-pipelining): a call sent `with-turn` goes
 * out with the turn's other commands, from ioredis's `setImmediate`; one sent `at-once`
 * is written when it is made, so it reaches Redis before them. Both fall back to EVAL
 * when Redis does not know the script. At-once calls made inside inOneWrite leave in one
 * write: Redis reads them in one go (counted on a redis-server of the test's own).
 */
import { randomUUID } from 'node:crypto';
import { closeRedis, createRedis, inOneWrite, type RedisClient } from '../../src/redis/connection';
import { LuaScript } from '../../src/redis/lua-script';
import { DEFAULT_REDIS_URL } from '../support/app-harness';
import { PrivateRedis } from '../support/private-redis';

const PUSH = "return redis.call('RPUSH', KEYS[1], ARGV[1])";

describe('LuaScript', () => {
  let redis: RedisClient;
  const key = `test:lua-script:${randomUUID()}`;
  beforeAll(async () => {
    redis = createRedis({ redisUrl: DEFAULT_REDIS_URL, redisClusterNodes: [] }, 'command', 'test:lua-script');
    await redis.connect();
  });
  afterEach(() => redis.del(key));
  afterAll(() => closeRedis(redis));

  it('writes an at-once call when it is made, ahead of the commands the turn auto-pipelines', async () => {
    const withTurn = new LuaScript(PUSH, 'with-turn');
    const atOnce = new LuaScript(PUSH, 'at-once');
    // Known to Redis first, so that neither call needs its EVAL fallback.
    await Promise.all([withTurn.run(redis, [key], ['warm']), atOnce.run(redis, [key], ['warm'])]);
    await redis.del(key);

    await Promise.all([withTurn.run(redis, [key], ['first made']), atOnce.run(redis, [key], ['second made'])]);
    expect(await redis.lrange(key, 0, -1)).toEqual(['second made', 'first made']);

    await Promise.all([withTurn.run(redis, [key], ['a']), withTurn.run(redis, [key], ['b'])]);
    expect(await redis.lrange(key, 2, -1)).toEqual(['a', 'b']);
  });

  it.each(['with-turn', 'at-once'] as const)(
    'sends the whole script when Redis does not know it (%s)',
    async (sending) => {
      // A source of its own, whose SHA1 Redis has never seen: no need to flush the scripts of a shared Redis.
      const script = new LuaScript(`${PUSH} -- ${sending} ${randomUUID()}`, sending);
      expect(await script.run(redis, [key], ['x'])).toBe(1);
      expect(await script.run(redis, [key], ['y'])).toBe(2);
      expect(await redis.lrange(key, 0, -1)).toEqual(['x', 'y']);
    },
  );
});

describe('inOneWrite', () => {
  let server: PrivateRedis;
  let redis: RedisClient;
  beforeAll(async () => {
    server = await PrivateRedis.start();
    redis = createRedis({ redisUrl: server.url, redisClusterNodes: [] }, 'command', 'test:one-write');
    await redis.connect();
  });
  afterAll(async () => {
    await closeRedis(redis);
    await server.stop();
  });

  /** Reads Redis has processed so far (this call's own included). */
  const reads = async () => Number(/total_reads_processed:(\d+)/.exec(await redis.info('stats'))?.[1]);

  it('sends the at-once calls made inside it in one write', async () => {
    const push = new LuaScript(PUSH, 'at-once');
    await push.run(redis, ['warm'], ['x']);
    const before = await reads();
    let calls: Promise<unknown>[] = [];
    inOneWrite(redis, () => {
      calls = ['a', 'b', 'c', 'd'].map((value) => push.run(redis, ['one-write'], [value]));
    });
    expect(await Promise.all(calls)).toEqual([1, 2, 3, 4]);
    // One read for the four calls, one for the INFO that counts them.
    expect((await reads()) - before).toBe(2);
    expect(await redis.lrange('one-write', 0, -1)).toEqual(['a', 'b', 'c', 'd']);
  });
});
