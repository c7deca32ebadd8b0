import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      redisUrl: 'redis://127.0.0.1:6379',
      redisUrlIsDefault: true,
      redisClusterNodes: [],
      adminToken: undefined,
      networkFile: join(__dirname, '..', '..', 'data', 'cn-global-demo.json'),
      logLevel: 'info',
      apiKeys: [],
      rateLimitPerMinute: 0,
      bodyLimitBytes: 16_384,
      networkBodyLimitBytes: 50 * 1024 * 1024,
      eventLoopLagMs: 200,
      keyPrefix: 'parcel',
      networkVersionsKept: 5,
      networkPollMs: 5000,
      shutdownTimeoutMs: 10_000,
      requestTimeoutMs: 120_000,
    });
  });

  it('reads the environment, frozen', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://:secret@redis:6380/4',
      ADMIN_TOKEN: 't',
      API_KEYS: ' a, b ,,c',
      LOG_LEVEL: 'debug',
      REQUEST_TIMEOUT_MS: '600000',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrl: 'redis://:secret@redis:6380/4',
      redisUrlIsDefault: false,
      adminToken: 't',
      apiKeys: ['a', 'b', 'c'],
      logLevel: 'debug',
      requestTimeoutMs: 600_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses invalid values in one line naming each variable, never echoing a Redis URL', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'http://:pw@host/x',
        KEY_PREFIX: 'a b',
        EVENT_LOOP_LAG_MS: '-5',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'KEY_PREFIX', 'EVENT_LOOP_LAG_MS'])
      expect(message).toContain(name);
    expect(message).not.toContain('pw');
  });

  it('limits routing calls only where API keys are set, unless RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(0);
    expect(loadConfig({ API_KEYS: 'a' }).rateLimitPerMinute).toBe(60_000);
    expect(loadConfig({ API_KEYS: 'a', RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '100' }).rateLimitPerMinute).toBe(100);
  });

  it('takes Redis Cluster nodes as host:port pairs, and then starts no embedded Redis', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: 'redis-0:6379, 10.0.0.2:7000' });
    expect(config).toMatchObject({ redisClusterNodes: ['redis-0:6379', '10.0.0.2:7000'], redisUrlIsDefault: false });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-0:6379,redis-1' })).toThrow(
      /REDIS_CLUSTER_NODES .*'redis-1'/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-0:70000' })).toThrow(/REDIS_CLUSTER_NODES/);
  });
});
