/** The connection factory's choice: one server, or a Cluster when nodes are given, with the role's options. No connection is made. */
import { Cluster, Redis } from 'ioredis';
import { createRedis } from '../../src/redis/connection';

const single = { redisUrl: 'redis://:secret@redis:6380/4', redisClusterNodes: [] };
const cluster = { redisUrl: 'rediss://app:secret@ignored:6379', redisClusterNodes: ['redis-0:6379', '10.0.0.2:7000'] };

it('gives a client of the one server at REDIS_URL, its db index honoured', () => {
  const client = createRedis(single, 'command');
  expect(client).toBeInstanceOf(Redis);
  expect((client as Redis).options).toMatchObject({
    host: 'redis',
    port: 6380,
    db: 4,
    password: 'secret',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  client.disconnect();
});

it('gives a Cluster from the nodes when REDIS_CLUSTER_NODES is set, with REDIS_URL lending only its credentials and TLS', () => {
  const client = createRedis(cluster, 'command') as Cluster;
  expect(client).toBeInstanceOf(Cluster);
  expect(client.options).toMatchObject({ enableOfflineQueue: false, lazyConnect: true });
  expect(client.options.redisOptions).toMatchObject({
    username: 'app',
    password: 'secret',
    tls: {},
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
  });
  client.disconnect();
});

it.each(['subscriber', 'queue'] as const)(
  'lets %s clients wait while Redis is away, as pub/sub and BullMQ need',
  (role) => {
    const client = createRedis(cluster, role) as Cluster;
    expect(client.options.enableOfflineQueue).toBe(true);
    expect(client.options.redisOptions).toMatchObject({ maxRetriesPerRequest: null });
    expect(client.options.redisOptions).not.toHaveProperty('commandTimeout');
    client.disconnect();
  },
);
