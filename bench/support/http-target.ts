/**
 * The server side of bench:http, run in a child process so that it has a core
 * of its own: `bare` (Fastify echoing a JSON body on /echo, and on /answer
 * replying to any body with the object in BENCH_ANSWER, serialised per call as
 * Fastify does: the app's own bytes in and out), `app` (the real app with the
 * network in NETWORK_FILE, seeded into Redis under KEY_PREFIX) or `app-fixed`
 * (the same app whose router answers one precomputed route, its JSON text written
 * once: what is left is the HTTP layer's own cost). It tells its port to the
 * parent, answers 'cpu' with the CPU time it has used (µs), and on 'stop' closes and deletes every key
 * under its KEY_PREFIX (network versions, and the batch queues the app creates).
 */
import Fastify from 'fastify';
import { parseRouteRequest } from '../../src/api/route-request';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { startNetworkRuntime } from '../../src/network/runtime';
import { deleteKeys } from '../../test/support/delete-keys';

/** What the parent is told on 'cpu'. */
export interface TargetUsage {
  cpuMicros: number;
}

interface Target {
  port: number;
  stop(): Promise<void>;
}

async function bare(): Promise<Target> {
  const app = Fastify();
  const answer: unknown = JSON.parse(process.env.BENCH_ANSWER ?? '{}');
  app.post('/echo', (request, reply) => {
    reply.send(request.body);
  });
  app.post('/answer', (_request, reply) => {
    reply.send(answer);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (app.server.address() as { port: number }).port, stop: () => app.close() };
}

async function real(fixed: boolean): Promise<Target> {
  const config = loadConfig();
  const runtime = await startNetworkRuntime(config, createLogger({ logLevel: 'warn' }));
  if (fixed) {
    const parsed = parseRouteRequest(JSON.parse(process.env.BENCH_FIXED_PARCEL ?? '{}'));
    if (!parsed.ok) throw parsed.error;
    const { router } = runtime.live.require();
    const outcome = router.route(parsed.query);
    router.route = () => outcome;
  }
  const app = await buildApp({ config, live: runtime.live, redis: runtime.redis, capacity: runtime.capacity });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    port: (app.server.address() as { port: number }).port,
    async stop() {
      await app.close();
      await deleteKeys(runtime.redis, config.keyPrefix);
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
      const usage: TargetUsage = { cpuMicros: user + system };
      process.send?.(usage);
    } else {
      void server.stop().then(() => process.exit(0));
    }
  });
}

void main();
