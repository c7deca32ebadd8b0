/**
 * The server side of bench:http, run in a child process so that it has a core
 * of its own: `bare` (Fastify echoing a JSON body), `app` (the real app with the
 * network in NETWORK_FILE, seeded into Redis under KEY_PREFIX) or `app-fixed`
 * (the same app whose router answers one precomputed route: what is left is the
 * HTTP layer's own cost). It tells its port to the parent, answers 'cpu' with
 * the CPU time it has used (µs), and on 'stop' closes and deletes every key
 * under its KEY_PREFIX (network versions, and the batch queues the app creates).
 */
import Fastify from 'fastify';
import { parseRouteRequest } from '../../src/api/route-request';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { startNetworkRuntime } from '../../src/network/runtime';

async function bare(): Promise<{ port: number; stop(): Promise<void> }> {
  const app = Fastify();
  app.post('/echo', (request, reply) => {
    reply.send(request.body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (app.server.address() as { port: number }).port, stop: () => app.close() };
}

async function real(fixed: boolean): Promise<{ port: number; stop(): Promise<void> }> {
  const config = loadConfig();
  const runtime = await startNetworkRuntime(config, createLogger({ logLevel: 'warn' }));
  if (fixed) {
    const parsed = parseRouteRequest(JSON.parse(process.env.BENCH_FIXED_PARCEL ?? '{}'));
    if (!parsed.ok) throw parsed.error;
    const { router } = runtime.live.require();
    const answer = router.route(parsed.query);
    router.route = () => answer;
  }
  const app = await buildApp({ config, live: runtime.live, redis: runtime.redis });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    port: (app.server.address() as { port: number }).port,
    async stop() {
      await app.close();
      let cursor = '0';
      do {
        const [next, found] = await runtime.redis.scan(cursor, 'MATCH', `${config.keyPrefix}:*`, 'COUNT', 1000);
        if (found.length) await runtime.redis.del(...found);
        cursor = next;
      } while (cursor !== '0');
      await runtime.close();
    },
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const server = mode === 'bare' ? await bare() : await real(mode === 'app-fixed');
  process.send?.({ port: server.port });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    } else {
      void server.stop().then(() => process.exit(0));
    }
  });
}

void main();
