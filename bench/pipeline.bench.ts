/**
 * bench:pipeline — PARCELS (200,000) parcels end to end on this machine: NDJSON
 * streamed to POST /v1/batches on an API process, routed by BENCH_WORKERS (2)
 * worker processes (at the lower CPU priority `npm start` gives them), until
 * GET /v1/batches/:id says completed; then the results
 * are read back and counted. The parcels are the realistic mix of
 * src/synthetic/parcel-mix.ts on the demo network.
 *
 * Side by side in the same run: the same parcels as a booked batch
 * (POST /v1/batches?book=true: every parcel booked against the demo network's
 * capacities, CONTRACT §5), on a fresh key prefix; and a naive pipeline, one
 * BullMQ job per parcel (NAIVE_PARCELS, 20,000; added with addBulk, a worker
 * process at concurrency 50), routed with the same Router on the same network.
 *
 * The quote and booked batches run ROUNDS (3) times, alternating, each on a fresh key
 * prefix: the ratios are given for each round and as their median, so that a noisy
 * neighbour slowing one batch does not decide them. The tables show the median round.
 *
 * Redis is a redis-server of the bench's own (no persistence, as CI's), so that
 * its commands (INFO commandstats) and CPU are the pipeline's alone; REDIS_URL
 * points the bench at another one instead.
 *
 * Reports parcels/s, the projected parcels/day, peak RSS of the API and of each
 * worker, the workers' longest event-loop delay, CPU and Redis commands per
 * parcel, and Redis memory per million parcels of results. Last line: one JSON
 * object of the figures.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { WORKER_NICENESS } from '../src/batch/worker-processes';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { parcelMix, type ParcelRequest } from '../src/synthetic/parcel-mix';
import { stopChild } from '../src/stop-child';
import { deleteKeys } from '../test/support/delete-keys';
import { freePort } from '../test/support/free-port';
import { PrivateRedis } from '../test/support/private-redis';
import { cpuSeconds, residentMB, startService, until } from './support/processes';
import { round } from './support/stats';

const PARCELS = Number(process.env.PARCELS ?? 200_000);
const NAIVE_PARCELS = Number(process.env.NAIVE_PARCELS ?? 20_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
let REDIS_URL = process.env.REDIS_URL ?? '';
const PIECE_BYTES = 64 * 1024;
const DAY_SECONDS = 86_400;
const BILLION_A_DAY = 1e9 / DAY_SECONDS;

interface PipelineFigures {
  parcels: number;
  workers: number;
  seconds: number;
  parcelsPerSecond: number;
  parcelsPerDay: number;
  submitSeconds: number;
  resultsSeconds: number;
  apiPeakRssMB: number;
  workerPeakRssMB: number[];
  workerMaxEventLoopDelayMs: number;
  redisMBPerMillion: number;
  resultsHashMBPerMillion: number;
  /** CPU time per parcel from the POST to completed, by process (Redis: the whole server, other users included). */
  cpuMicrosPerParcel: { api: number; workers: number; redis: number };
  /** Redis commands per parcel from the POST to completed, and the commands that make most of them. */
  redisCommandsPerParcel: number;
  topCommandsPer1000: Record<string, number>;
  routed: number;
  failed: number;
}

async function main(): Promise<void> {
  const own = REDIS_URL ? undefined : await PrivateRedis.start();
  REDIS_URL ||= (own as PrivateRedis).url;
  try {
    await run();
  } finally {
    await own?.stop();
  }
}

async function run(): Promise<void> {
  const network = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
  const parcels = [...parcelMix(network, Math.max(PARCELS, NAIVE_PARCELS), { seed: 2026 })];
  const cpuOf = (f: PipelineFigures) =>
    f.cpuMicrosPerParcel.api + f.cpuMicrosPerParcel.workers + f.cpuMicrosPerParcel.redis;
  const rounds: { batch: PipelineFigures; booked: PipelineFigures; rate: number; cpu: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const quoted = await pipeline(parcels.slice(0, PARCELS), false);
    const bookedRound = await pipeline(parcels.slice(0, PARCELS), true);
    rounds.push({
      batch: quoted,
      booked: bookedRound,
      rate: round(bookedRound.parcelsPerSecond / quoted.parcelsPerSecond, 2),
      cpu: round(cpuOf(bookedRound) / cpuOf(quoted), 2),
    });
  }
  const { batch, booked } = [...rounds].sort((a, b) => a.rate - b.rate)[rounds.length >> 1];
  const naive = NAIVE_PARCELS > 0 ? await naivePipeline(parcels.slice(0, NAIVE_PARCELS)) : undefined;
  const batchCpu = cpuOf(batch);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const figures = {
    batch,
    booked,
    bookedToQuote: median(rounds.map((r) => r.rate)),
    bookedCpuToQuote: median(rounds.map((r) => r.cpu)),
    rounds: rounds.map((r) => ({
      quote: r.batch.parcelsPerSecond,
      booked: r.booked.parcelsPerSecond,
      rate: r.rate,
      cpu: r.cpu,
    })),
    naive,
    speedUp: naive && round(batch.parcelsPerSecond / naive.parcelsPerSecond, 1),
    cpuRatio: naive && round(naive.cpuMicrosPerParcel / batchCpu, 1),
  };

  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  for (const [name, f] of [
    ['quote batch', batch],
    ['booked batch (book=true)', booked],
  ] as const) {
    console.log(`\n${name}: ${n(f.parcels)} parcels, ${f.workers} worker processes`);
    console.log(
      `  end to end      ${f.seconds} s = ${n(f.parcelsPerSecond)} parcels/s = ${(f.parcelsPerDay / 1e9).toFixed(2)} billion/day (floor ${n(BILLION_A_DAY)}/s)`,
    );
    console.log(`  submit (202)    ${f.submitSeconds} s; results read back in ${f.resultsSeconds} s`);
    console.log(`  routed/failed   ${n(f.routed)} / ${n(f.failed)}`);
    console.log(`  peak RSS        API ${f.apiPeakRssMB} MB, workers ${f.workerPeakRssMB.join(', ')} MB`);
    console.log(`  event loop      longest delay in a worker ${f.workerMaxEventLoopDelayMs} ms`);
    const cpu = f.cpuMicrosPerParcel;
    console.log(`  CPU per parcel  API ${cpu.api} µs, workers ${cpu.workers} µs, Redis ${cpu.redis} µs`);
    console.log(
      `  Redis commands  ${f.redisCommandsPerParcel} per parcel; per 1,000 parcels: ${JSON.stringify(f.topCommandsPer1000)}`,
    );
    console.log(
      `  Redis           ${f.redisMBPerMillion} MB per million parcels (used_memory), results hash ${f.resultsHashMBPerMillion} MB per million`,
    );
  }
  for (const [i, r] of figures.rounds.entries()) {
    console.log(
      `round ${i + 1}: quote ${n(r.quote)}/s, booked ${n(r.booked)}/s: ${r.rate}× the rate, ${r.cpu}× the CPU per parcel`,
    );
  }
  console.log(
    `booked / quote, median of ${ROUNDS} rounds: ${figures.bookedToQuote}× the rate (target ≥ 0.7), ${figures.bookedCpuToQuote}× the CPU per parcel`,
  );
  if (naive) {
    console.log(
      `naive pipeline (one job per parcel): ${n(naive.parcels)} parcels in ${naive.seconds} s = ${n(naive.parcelsPerSecond)} parcels/s; ` +
        `CPU ${naive.cpuMicrosPerParcel} µs per parcel; Redis ${naive.redisMBPerMillion} MB per million`,
    );
    console.log(`batch / naive: ${figures.speedUp}× the rate, ${figures.cpuRatio}× less CPU per parcel`);
  }
  console.log(JSON.stringify(figures));
}

async function pipeline(parcels: ParcelRequest[], book: boolean): Promise<PipelineFigures> {
  const prefix = `bench:${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);
  const env = { REDIS_URL, KEY_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startService('api-main', { ...env, PORT: String(port) });
  const metricsPorts = await Promise.all(Array.from({ length: WORKERS }, () => freePort()));
  const workers = metricsPorts.map((metricsPort) =>
    startService('worker-main', { ...env, METRICS_PORT: String(metricsPort) }),
  );
  // As `npm start` runs them: below the API's CPU priority.
  for (const worker of workers) setPriority(worker.pid as number, WORKER_NICENESS);
  try {
    await until(async () => (await fetch(`${base}/health/ready`)).ok, 30_000);
    await until(async () => (await Promise.all(metricsPorts.map(workerLagMs))).every(Number.isFinite), 30_000);
    const body = Buffer.from(parcels.map((p) => `${JSON.stringify(p)}\n`).join(''));
    const usedBefore = await usedMemory(redis);
    const redisPid = await redisProcessId(redis);
    const cpu = () => ({
      api: cpuSeconds(api.pid as number),
      workers: workers.reduce((sum, worker) => sum + cpuSeconds(worker.pid as number), 0),
      redis: cpuSeconds(redisPid),
    });
    const cpuBefore = cpu();
    const commandsBefore = await commandCalls(redis);

    const started = performance.now();
    const accepted = await postStreamed(`${base}/v1/batches${book ? '?book=true' : ''}`, body);
    const submitted = performance.now();
    let status = { state: 'queued', routed: 0, failed: 0 };
    await until(
      async () => {
        status = (await (await fetch(`${base}/v1/batches/${accepted.batchId}`)).json()) as typeof status;
        return status.state === 'completed' || status.state === 'failed';
      },
      600_000,
      20,
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    const commandsAfter = await commandCalls(redis);
    const micros = (part: keyof typeof cpuBefore) =>
      round(((cpuAfter[part] - cpuBefore[part]) / parcels.length) * 1e6, 1);

    const lagMs = Math.max(...(await Promise.all(metricsPorts.map(workerLagMs))));
    const usedAfter = await usedMemory(redis);
    const resultsBytes = Number(
      await redis.call('MEMORY', 'USAGE', `${prefix}:batch:{b:${accepted.batchId}}:results`, 'SAMPLES', '0'),
    );
    const readStarted = performance.now();
    const lines = await countLines(`${base}/v1/batches/${accepted.batchId}/results`);
    if (lines !== parcels.length) throw new Error(`${lines} result lines for ${parcels.length} parcels`);
    const perMillion = (bytes: number) => round(((bytes / parcels.length) * 1e6) / 1048576, 1);
    return {
      parcels: parcels.length,
      workers: WORKERS,
      seconds: round(seconds, 2),
      parcelsPerSecond: Math.round(parcels.length / seconds),
      parcelsPerDay: Math.round((parcels.length / seconds) * DAY_SECONDS),
      submitSeconds: round((submitted - started) / 1000, 2),
      resultsSeconds: round((performance.now() - readStarted) / 1000, 2),
      apiPeakRssMB: round(residentMB(api.pid as number).peak, 0),
      workerPeakRssMB: workers.map((worker) => round(residentMB(worker.pid as number).peak, 0)),
      workerMaxEventLoopDelayMs: round(lagMs, 1),
      redisMBPerMillion: perMillion(usedAfter - usedBefore),
      resultsHashMBPerMillion: perMillion(resultsBytes),
      cpuMicrosPerParcel: { api: micros('api'), workers: micros('workers'), redis: micros('redis') },
      ...commandFigures(commandsBefore, commandsAfter, parcels.length),
      routed: status.routed,
      failed: status.failed,
    };
  } finally {
    await Promise.all([api, ...workers].map(stopChild));
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

interface NaiveFigures {
  parcels: number;
  seconds: number;
  parcelsPerSecond: number;
  redisMBPerMillion: number;
  /** CPU time per parcel of the producer (this process), the worker and Redis together. */
  cpuMicrosPerParcel: number;
}

async function naivePipeline(parcels: ParcelRequest[]): Promise<NaiveFigures> {
  const prefix = `bench:naive-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const worker = fork(join(__dirname, 'support', 'naive-worker.js'), [REDIS_URL, prefix, 'parcels']);
  const queue = new Queue('parcels', { connection: redis, prefix });
  try {
    await new Promise((resolve) => worker.once('message', resolve));
    const usedBefore = await usedMemory(redis);
    const redisPid = await redisProcessId(redis);
    const cpu = () => cpuSeconds(process.pid) + cpuSeconds(worker.pid as number) + cpuSeconds(redisPid);
    const cpuBefore = cpu();
    const started = performance.now();
    for (let i = 0; i < parcels.length; i += 1000) {
      await queue.addBulk(parcels.slice(i, i + 1000).map((data) => ({ name: 'parcel', data })));
    }
    await until(async () => (await queue.getCompletedCount()) === parcels.length, 600_000, 20);
    const seconds = (performance.now() - started) / 1000;
    const cpuMicros = ((cpu() - cpuBefore) / parcels.length) * 1e6;
    const usedAfter = await usedMemory(redis);
    return {
      parcels: parcels.length,
      seconds: round(seconds, 2),
      parcelsPerSecond: Math.round(parcels.length / seconds),
      redisMBPerMillion: round((((usedAfter - usedBefore) / parcels.length) * 1e6) / 1048576, 1),
      cpuMicrosPerParcel: round(cpuMicros, 1),
    };
  } finally {
    await stopChild(worker);
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

/** POSTs `body` as NDJSON in 64 KiB pieces, as a client streaming a file would; resolves with the 202 answer. */
function postStreamed(url: string, body: Buffer): Promise<{ batchId: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (piece: string) => (text += piece));
      res.on('end', () =>
        res.statusCode === 202
          ? resolve(JSON.parse(text) as { batchId: string })
          : reject(new Error(`${res.statusCode}: ${text}`)),
      );
    });
    req.on('error', reject);
    let offset = 0;
    const write = (): void => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + PIECE_BYTES);
        offset += piece.length;
        if (!req.write(piece)) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

async function countLines(url: string): Promise<number> {
  const res = await fetch(url);
  let lines = 0;
  for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
    for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/** nodejs_eventloop_lag_max_seconds of a worker, in ms, since its previous scrape. */
async function workerLagMs(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1]) * 1000;
}

/** Calls of each Redis command so far (INFO commandstats). */
async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const match of (await redis.info('commandstats')).matchAll(/^cmdstat_(\S+?):calls=(\d+)/gm))
    calls.set(match[1], Number(match[2]));
  return calls;
}

function commandFigures(before: Map<string, number>, after: Map<string, number>, parcels: number) {
  const made = [...after]
    .map(([name, calls]) => [name, calls - (before.get(name) ?? 0)] as const)
    .filter(([, calls]) => calls > 0);
  const total = made.reduce((sum, [, calls]) => sum + calls, 0);
  const top = made.sort((a, b) => b[1] - a[1]).slice(0, 8);
  return {
    redisCommandsPerParcel: round(total / parcels, 3),
    topCommandsPer1000: Object.fromEntries(top.map(([name, calls]) => [name, round((calls / parcels) * 1000, 1)])),
  };
}

async function redisProcessId(redis: Redis): Promise<number> {
  return Number(/^process_id:(\d+)/m.exec(await redis.info('server'))?.[1]);
}

async function usedMemory(redis: Redis): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1]);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
