/**
 * bench:http — POST /v1/routes under autocannon (50 connections), on the demo
 * network and on a 2,000-hub synthetic one, each side by side with bare Fastify
 * and with the same app whose router answers one precomputed route (the HTTP
 * layer alone). Bare Fastify runs three ways, because a route's answer (1.3 KB
 * on the demo network, 2.3 KB on 2,000 hubs) is far larger than its request
 * (≈100 B): echoing the same request bodies (the strictest baseline); replying
 * to them with an answer-sized object, serialised per call (the app's own bytes
 * in and out); and echoing answer-sized bodies (real answers, posted and sent
 * back). Beside POST /v1/routes, the same realistic parcels are booked
 * (POST /v1/bookings, CONTRACT §5) on a server of their own, and compared with the
 * routes' rate. The server runs in a child process. Two sets of parcels:
 * - realistic (what the targets are judged on): src/synthetic/parcel-mix.ts,
 *   as bench:pipeline uses it, with readyAt left out (a courier posts a parcel
 *   when it is ready; the service takes now, to the minute) and pickup waves
 *   from about one hub in ten (see realisticBodies);
 * - all distinct (the worst case): random O/D pairs, levels and weights, readyAt
 *   over a week, so that the sweeps never help.
 * Last line: one JSON object of the figures. BENCH_SECONDS sets the duration (10),
 * BENCH_PICKUP_SHARE the share of hubs handing in at once (0.1; 0 = parcel-mix's 24 waves),
 * BENCH_STEADY_AFTER how long the realistic mix runs on before it is measured again,
 * for a whole minute (60 s): the first measurement is of a server a few seconds old,
 * the second of one that has run a while.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { routeParcel } from '../src/api/route-parcel';
import { routeJson } from '../src/api/route-response';
import { parseRouteRequest } from '../src/api/route-request';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { prepareNetwork } from '../src/routing/network/network-index';
import { Router } from '../src/routing/router/router';
import type { NetworkDocument } from '../src/routing/types';
import { generateNetwork } from '../src/synthetic/generate';
import { parcelMix } from '../src/synthetic/parcel-mix';
import { createRng } from '../src/synthetic/prng';
import type { TargetUsage } from './support/http-target';
import { round } from './support/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/**
 * Seconds of the realistic mix between its first measurement and the steady one
 * (BENCH_STEADY_AFTER; 0 = none). On 2,000 hubs the sweeps are all made about 60–70 s
 * after the server starts: green parcels (5 %) earn their origins' CO2 sweeps last.
 */
const STEADY_AFTER_SECONDS = Number(process.env.BENCH_STEADY_AFTER ?? 60);
/**
 * The steady measurement lasts a whole minute: readyAt is now, to the minute, so at
 * each full minute every parcel's readyAt moves on and sweeps are made again for the
 * origins whose first departures have gone (several seconds of slower answers).
 */
const STEADY_SECONDS = 60;
const CONNECTIONS = 50;
/**
 * More than a run sends (the realistic mix's 133 s at up to 27,000/s; 13 s of all
 * distinct at up to 60,000/s): bodies never repeat.
 */
const REALISTIC_BODIES = 3_600_000;
const DISTINCT_BODIES = 800_000;
/** Distinct answers the answer-sized echo sends back and forth. */
const ANSWER_SAMPLE = 20_000;
const LEVELS: [string, number][] = [
  ['standard', 0.55],
  ['express', 0.2],
  ['economy', 0.15],
  ['green', 0.1],
];
const READY_FROM = Date.parse('2026-11-23T00:00:00Z');
/**
 * Pickup points handing in at any one moment, as a share of the hubs: each hub
 * hands in at 4 times a day (parcel-mix's handover times), scanned over about
 * half an hour each, so ≈ 4 × 0.5 h / 24 h ≈ 8 % of them at once (BENCH_PICKUP_SHARE).
 * parcel-mix's default of 24 waves (a day's batch) is kept where that is more.
 */
const CONCURRENT_PICKUP_SHARE = Number(process.env.BENCH_PICKUP_SHARE ?? 0.1);
const MIN_WAVES = 24;

export interface Figures {
  rps: number;
  /** Server CPU time (user + system) per request: steadier than rps on a busy machine. */
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** The non-2xx answers by status code, e.g. 422 NO_ROUTE, 503 shed under load. */
  non2xxByStatus?: Record<string, number>;
  errors: number;
}

/**
 * Realistic request bodies: parcel-mix's parcels (pickup waves, destinations
 * weighted to city and rural hubs, log-normal weights in 0.1 kg steps, 70 %
 * standard / 15 % express / 10 % economy / 5 % green) without readyAt, with
 * waves from CONCURRENT_PICKUP_SHARE of the hubs.
 */
export function realisticBodies(doc: NetworkDocument, count: number): string[] {
  const waves = Math.max(MIN_WAVES, Math.round(doc.hubs.length * CONCURRENT_PICKUP_SHARE));
  return Array.from(parcelMix(doc, count, { seed: 7, waves }), ({ readyAt: _, ...parcel }) => JSON.stringify(parcel));
}

/** All-distinct request bodies: random O/D pairs, the service-level mix above, 0.2–20 kg, readyAt over a week. */
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

/** Routed in-process: a request body and the JSON text the app answers it with. */
interface Answered {
  body: string;
  answer: string;
}

/** The answers to the first `count` of `bodies` that have a route (for the app-fixed target and the answer-sized baselines). */
function answered(doc: NetworkDocument, bodies: string[], count: number): Answered[] {
  const router = new Router(prepareNetwork(doc));
  const found: Answered[] = [];
  for (const body of bodies) {
    if (found.length === count) break;
    const parsed = parseRouteRequest(JSON.parse(body));
    if (!parsed.ok) continue;
    try {
      found.push({ body, answer: routeJson(routeParcel('sync', router, parsed.query), 'bench', parsed.parcelId) });
    } catch {
      // NO_ROUTE: the app answers it with a short error; not an answer-sized body.
    }
  }
  return found;
}

export function startTarget(
  mode: Mode,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'support', 'http-target.js'), [mode], { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, port: (message as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
}

export function usage(child: ChildProcess): Promise<TargetUsage> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as TargetUsage));
    child.send('cpu');
  });
}

export function stopTarget(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

/** Loads the target for `seconds`, taking bodies from `next` (one stream across warm-up and measurement). */
async function load(port: number, path: string, next: () => string, seconds: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ path, setupRequest: (request) => ({ ...request, body: next() }) }],
  });
  return {
    total: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    ...(result.non2xx && { non2xxByStatus: non2xxByStatus(result.statusCodeStats) }),
    errors: result.errors,
  };
}

function non2xxByStatus(stats: Record<string, { count: number }>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(stats)
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, { count }]) => [status, count]),
  );
}

/**
 * Starts the target, warms it up, and measures SECONDS of load; with `steadyAfter`,
 * goes on loading it for that many seconds more and measures STEADY_SECONDS: a server
 * that has run a while (its sweeps made, its code optimised), as a service is.
 */
export async function measure(
  mode: Mode,
  path: string,
  bodies: string[],
  env?: Record<string, string>,
  steadyAfter = 0,
): Promise<Figures & { steady?: Figures }> {
  const { child, port } = await startTarget(mode, env);
  // The measured seconds go on where the warm-up stopped: no body is sent twice before the list runs out.
  let sent = 0;
  const next = (): string => bodies[sent++ % bodies.length];
  const window = async (seconds: number): Promise<Figures> => {
    const before = await usage(child);
    const { total, ...figures } = await load(port, path, next, seconds);
    const after = await usage(child);
    return { ...figures, cpuMicrosPerRequest: round((after.cpuMicros - before.cpuMicros) / total, 1) };
  };
  try {
    await load(port, path, next, WARMUP_SECONDS);
    const first = await window(SECONDS);
    if (steadyAfter <= 0) return first;
    await load(port, path, next, steadyAfter);
    return { ...first, steady: await window(STEADY_SECONDS) };
  } finally {
    await stopTarget(child);
  }
}

/** The answer of median length: the answer-sized reply's object. */
function medianBySize(texts: string[]): string {
  return [...texts].sort((a, b) => a.length - b.length)[texts.length >> 1];
}

async function scenario(name: string, doc: NetworkDocument, dir: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const realistic = realisticBodies(doc, REALISTIC_BODIES);
  const distinct = parcelBodies(doc, DISTINCT_BODIES);
  const avgBytes = (bodies: string[]) => Math.round(bodies.reduce((sum, b) => sum + b.length, 0) / bodies.length);
  const sample = answered(doc, realistic, ANSWER_SAMPLE);
  const answers = sample.map(({ answer }) => answer);
  const env = {
    NETWORK_FILE: file,
    KEY_PREFIX: `bench:http:${process.pid}:${name}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    BENCH_FIXED_PARCEL: sample[0].body,
  };
  const loadBefore = loadavg()[0];
  const bare = await measure('bare', '/echo', realistic);
  const bareAnswer = await measure('bare', '/answer', realistic, { BENCH_ANSWER: medianBySize(answers) });
  const bareAnswerEcho = await measure('bare', '/echo', answers);
  const httpOnly = await measure('app-fixed', '/v1/routes', realistic, env);
  const { steady, ...routes } = await measure('app', '/v1/routes', realistic, env, STEADY_AFTER_SECONDS);
  // The same parcels booked (CONTRACT §5): routed over what has room and booked, on a server of its own.
  const bookings = await measure('app', '/v1/bookings', realistic, env);
  const worst = await measure('app', '/v1/routes', distinct, env);
  const loadAfter = loadavg()[0];
  /** Ratios to a baseline: of requests per second, and of CPU time per request (baseline ÷ app). */
  const ratiosTo = (base: Figures) => (f: Figures) => ({
    rps: round(f.rps / base.rps, 2),
    cpu: round(base.cpuMicrosPerRequest / f.cpuMicrosPerRequest, 2),
  });
  const baselines = {
    requestEcho: ratiosTo(bare),
    answerReply: ratiosTo(bareAnswer),
    answerEcho: ratiosTo(bareAnswerEcho),
  };
  const ratios = (f: Figures) => ({
    ...baselines.requestEcho(f),
    toAnswerReply: baselines.answerReply(f),
    toAnswerEcho: baselines.answerEcho(f),
  });
  const shown = ({ toAnswerReply, toAnswerEcho, ...toRequestEcho }: ReturnType<typeof ratios>) =>
    [toRequestEcho, toAnswerReply, toAnswerEcho].map((r) => `${r.rps}/${r.cpu}`).join(' | ');
  const line = (label: string, f: Figures, ratio?: ReturnType<typeof ratios>): string =>
    `  ${label.padEnd(34)} ${String(f.rps).padStart(6)}/s  p50 ${f.p50} ms  p99 ${String(f.p99).padStart(2)} ms  ` +
    `${String(f.cpuMicrosPerRequest).padStart(6)} µs CPU/request` +
    (ratio ? `  of bare: ${shown(ratio)}` : '') +
    (f.non2xx ? `  non-2xx ${f.non2xx} ${JSON.stringify(f.non2xxByStatus)}` : '') +
    (f.errors ? `  errors ${f.errors}` : '');
  console.log(
    `${name}: ${doc.hubs.length} hubs, ${doc.legs.length} legs; request body ${avgBytes(realistic)} B realistic, ` +
      `${avgBytes(distinct)} B all distinct; answer ${avgBytes(answers)} B; load average ${round(loadBefore, 2)} → ${round(loadAfter, 2)}`,
  );
  console.log('  (of bare: rate/CPU ratios to the request echo | the answer-sized reply | the answer-sized echo)');
  console.log(line('bare Fastify echo, request', bare));
  console.log(line('bare Fastify, answer-sized reply', bareAnswer));
  console.log(line('bare Fastify echo, answer-sized', bareAnswerEcho));
  console.log(line('HTTP layer only (fixed answer)', httpOnly, ratios(httpOnly)));
  console.log(line('POST /v1/routes, realistic', routes, ratios(routes)));
  if (steady)
    console.log(line(`  the same ${STEADY_AFTER_SECONDS} s on, over ${STEADY_SECONDS} s`, steady, ratios(steady)));
  const toRoutes = {
    rps: round(bookings.rps / routes.rps, 2),
    cpu: round(routes.cpuMicrosPerRequest / bookings.cpuMicrosPerRequest, 2),
  };
  console.log(
    `${line('POST /v1/bookings, realistic', bookings, ratios(bookings))}  of routes: ${toRoutes.rps}/${toRoutes.cpu}`,
  );
  console.log(line('POST /v1/routes, all distinct (worst)', worst, ratios(worst)));
  return {
    name,
    hubs: doc.hubs.length,
    legs: doc.legs.length,
    answerBytes: avgBytes(answers),
    loadAverage: [round(loadBefore, 2), round(loadAfter, 2)],
    bare,
    bareAnswerReply: bareAnswer,
    bareAnswerEcho,
    httpOnly: { ...httpOnly, ratio: ratios(httpOnly) },
    routes: { ...routes, ratio: ratios(routes) },
    ...(steady && {
      routesSteady: { afterSeconds: STEADY_AFTER_SECONDS, seconds: STEADY_SECONDS, ...steady, ratio: ratios(steady) },
    }),
    bookings: { ...bookings, ratio: ratios(bookings), toRoutes },
    worstCase: { ...worst, ratio: ratios(worst) },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  try {
    console.log(
      `bench:http — autocannon ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, node ${process.version}`,
    );
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
