/**
 * LuaScript on the request path's client (auto-pipelining): a call sent `with-turn` goes
 * out with the turn's other commands, from ioredis's `setImmediate`; one sent `at-once`
 * is written when it is made, so it reaches Redis before them. Both fall back to EVAL
 * when Redis does not know the script.
 */
import { randomUUID } from 'node:crypto';
import { closeRedis, createRedis, type RedisClient } from '../../src/redis/connection';
import { LuaScript } from '../../src/redis/lua-script';
import { DEFAULT_REDIS_URL } from '../support/app-harness';

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
      const script = new LuaScript(`${PUSH} -- ${sending} ${randomUUID()}`, sending);
      await redis.script('FLUSH');
      expect(await script.run(redis, [key], ['x'])).toBe(1);
      expect(await script.run(redis, [key], ['y'])).toBe(2);
      expect(await redis.lrange(key, 0, -1)).toEqual(['x', 'y']);
    },
  );
});
