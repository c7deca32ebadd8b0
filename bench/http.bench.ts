/**
 * bench:http — POST /v1/routes under autocannon (50 connections), on the demo
 * network and on a 2,000-hub synthetic one, each side by side with a bare
 * Fastify route echoing request bodies of the same size, and with the same app
 * whose router answers one precomputed route (the HTTP layer alone). The server
 * runs in a child process; every request is a different parcel (O/D pair,
 * service level, weight, readyAt), so the router's answer cache does not help.
 * Last line: one JSON object of the figures. BENCH_SECONDS sets the duration (10).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parseRouteRequest } from '../src/api/route-request';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { prepareNetwork } from '../src/routing/prepare';
import { Router } from '../src/routing/router';
import type { NetworkDocument } from '../src/routing/types';
import { generateNetwork } from '../src/synthetic/generate';
import { createRng } from '../src/synthetic/prng';
import { round } from './support/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 50;
const BODIES = 400_000;
const LEVELS: [string, number][] = [['standard', 0.55], ['express', 0.2], ['economy', 0.15], ['green', 0.1]];
const READY_FROM = Date.parse('2026-11-23T00:00:00Z');

export interface Figures {
  rps: number;
  /** Server CPU time (user + system) per request: steadier than rps on a busy machine. */
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Request bodies: random O/D pairs, the service-level mix above, 0.2–20 kg, readyAt over a week. */
export function parcelBodies(doc: NetworkDocument, count: number): string[] {
  const rng = createRng(7);
  const level = (): string => {
    let x = rng.next();
    for (const [name, share] of LEVELS) if ((x -= share) < 0) return name;
    return 'standard';
  };
  return Array.from({ length: count }, (_, i) => {
    const origin = rng.pick(doc.hubs).id;
    let destination = rng.pick(doc.hubs).id;
    while (destination === origin) destination = rng.pick(doc.hubs).id;
    return JSON.stringify({
      parcelId: `P-${i}`,
      origin,
      destination,
      weightKg: round(rng.float(0.2, 20), 2),
      readyAt: new Date(READY_FROM + rng.int(0, 7 * 1440 - 1) * 60_000).toISOString().replace('.000Z', 'Z'),
      serviceLevel: level(),
    });
  });
}

type Mode = 'bare' | 'app' | 'app-fixed';

/** The first body that has a route, for the app-fixed target. */
function routableParcel(doc: NetworkDocument, bodies: string[]): string {
  const router = new Router(prepareNetwork(doc));
  const routes = (body: string): boolean => {
    const parsed = parseRouteRequest(JSON.parse(body));
    try {
      return parsed.ok && router.route(parsed.query) !== undefined;
    } catch {
      return false;
    }
  };
  return bodies.find(routes) ?? bodies[0];
}

function startTarget(mode: Mode, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'support', 'http-target.js'), [mode], { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, port: (message as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
}

function cpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send('cpu');
  });
}

function stopTarget(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

async function load(port: number, path: string, bodies: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ path, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  return {
    total: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export async function measure(mode: Mode, path: string, bodies: string[], env?: Record<string, string>): Promise<Figures> {
  const { child, port } = await startTarget(mode, env);
  try {
    await load(port, path, bodies, WARMUP_SECONDS);
    const cpuBefore = await cpuMicros(child);
    const { total, ...figures } = await load(port, path, bodies, SECONDS);
    const cpu = (await cpuMicros(child)) - cpuBefore;
    return { ...figures, cpuMicrosPerRequest: round(cpu / total, 1) };
  } finally {
    await stopTarget(child);
  }
}

async function scenario(name: string, doc: NetworkDocument, dir: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const bodies = parcelBodies(doc, BODIES);
  const avgBytes = Math.round(bodies.reduce((sum, b) => sum + b.length, 0) / bodies.length);
  const env = {
    NETWORK_FILE: file,
    KEY_PREFIX: `bench:http:${process.pid}:${name}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    BENCH_FIXED_PARCEL: routableParcel(doc, bodies),
  };
  const bare = await measure('bare', '/echo', bodies);
  const httpOnly = await measure('app-fixed', '/v1/routes', bodies, env);
  const app = await measure('app', '/v1/routes', bodies, env);
  /** Ratios to bare Fastify: of requests per second, and of CPU time per request (bare ÷ app). */
  const ratios = (f: Figures) => ({
    rps: round(f.rps / bare.rps, 2),
    cpu: round(bare.cpuMicrosPerRequest / f.cpuMicrosPerRequest, 2),
  });
  const ratio = ratios(app);
  const httpRatio = ratios(httpOnly);
  const of = (r: { rps: number; cpu: number }): string => `  (${r.rps} of bare by rate, ${r.cpu} by CPU)`;
  const line = (label: string, f: Figures): string =>
    `  ${label.padEnd(32)} ${String(f.rps).padStart(6)}/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ` +
    `${String(f.cpuMicrosPerRequest).padStart(6)} µs CPU/request  non-2xx ${f.non2xx}  errors ${f.errors}`;
  console.log(`${name}: ${doc.hubs.length} hubs, ${doc.legs.length} legs, request body ${avgBytes} B on average`);
  console.log(line('bare Fastify echo', bare));
  console.log(line('app, router answer precomputed', httpOnly) + of(httpRatio));
  console.log(line('app, POST /v1/routes', app) + of(ratio));
  return { name, hubs: doc.hubs.length, legs: doc.legs.length, bodyBytes: avgBytes, bare, httpOnly, routes: app, ratio, httpRatio };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  try {
    console.log(`bench:http — autocannon ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, node ${process.version}`);
    const demo = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
    const results = [
      await scenario('demo', demo, dir),
      await scenario('synthetic-2000', generateNetwork({ hubs: 2000, seed: 1 }), dir),
    ];
    console.log(JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, results }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
