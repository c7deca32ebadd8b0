/**
 * bench:metrics — what the metrics cost POST /v1/routes: bench:http's app on
 * the demo network with metrics on (a scrape rendered every 5 s) and off
 * (bench/support/metrics-off.ts: no Registry, no hook, no recording at all).
 * Each round runs both, one right after the other, in alternating order; the
 * overhead is the median over the rounds of each round's pair, so that drift
 * in the machine's load weighs on both sides alike: by requests per second
 * (1 − on/off) and by server CPU time per request (on/off − 1), with the
 * lowest and highest round beside it to show how noisy the machine was.
 * The limit is 3%.
 * Last line: one JSON object. BENCH_SECONDS (10, as bench:http) and BENCH_ROUNDS (6).
 */
import { join } from 'node:path';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { measure, parcelBodies, type Figures } from './http.bench';
import { round } from './support/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const BODIES = 400_000;
const LIMIT = 0.03;

type Side = 'on' | 'off';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const networkFile = join(packageRoot(), 'data', 'cn-global-demo.json');
  const bodies = parcelBodies(await readNetworkFile(networkFile), BODIES);
  const env = (side: Side) => ({
    NETWORK_FILE: networkFile,
    KEY_PREFIX: `bench:metrics:${process.pid}:${side}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    NODE_OPTIONS: `--require ${join(__dirname, 'support', side === 'on' ? 'metrics-scrape.js' : 'metrics-off.js')}`,
  });
  console.log(`bench:metrics — POST /v1/routes on the demo network, metrics on and off, ${ROUNDS} rounds`);
  const pairs: Record<Side, Figures>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const pair = {} as Record<Side, Figures>;
    for (const side of r % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      pair[side] = await measure('app', '/v1/routes', bodies, env(side));
    }
    pairs.push(pair);
    const { on, off } = pair;
    console.log(
      `  round ${String(r + 1).padStart(2)}  on ${on.rps}/s ${on.cpuMicrosPerRequest} µs   off ${off.rps}/s ${off.cpuMicrosPerRequest} µs` +
        `   non-2xx ${on.non2xx + off.non2xx}`,
    );
  }
  const spread = (ratios: number[]) => ({
    median: round(median(ratios), 4),
    min: round(Math.min(...ratios), 4),
    max: round(Math.max(...ratios), 4),
  });
  const overhead = {
    byRate: spread(pairs.map(({ on, off }) => 1 - on.rps / off.rps)),
    byCpu: spread(pairs.map(({ on, off }) => on.cpuMicrosPerRequest / off.cpuMicrosPerRequest - 1)),
  };
  const side = (s: Side) => ({
    rps: median(pairs.map((pair) => pair[s].rps)),
    cpuMicrosPerRequest: median(pairs.map((pair) => pair[s].cpuMicrosPerRequest)),
    p99: median(pairs.map((pair) => pair[s].p99)),
  });
  const pct = (x: number): string => `${round(x * 100, 2)}%`;
  const line = (r: { median: number; min: number; max: number }) =>
    `${pct(r.median)} (rounds ${pct(r.min)} … ${pct(r.max)})`;
  console.log(
    `  overhead, median of the rounds: ${line(overhead.byRate)} by rate, ${line(overhead.byCpu)} by CPU; limit ${pct(LIMIT)}`,
  );
  console.log(
    JSON.stringify({ scenario: 'metrics', rounds: ROUNDS, on: side('on'), off: side('off'), overhead, limit: LIMIT }),
  );
}

void main();
