/**
 * bench:promises — one POST /v1/promises from an origin to every hub at every
 * level, against the same cells asked as separate POST /v1/routes calls over
 * 10 connections (autocannon), side by side on one server (the real app, in a
 * child process as bench:http runs it), on the demo network and on a 2,000-hub
 * synthetic one. Each round takes another origin and a readyAt a day later than
 * the round before, so that neither side finds routes or sweeps the other made;
 * the side that goes first alternates. The ratio is the separate calls' time
 * over the table's (wall clock, and the server's CPU time). Last line: one JSON
 * object of the figures. BENCH_ROUNDS sets the rounds per network (4).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { SERVICE_LEVELS, type NetworkDocument } from '../src/routing/types';
import { generateNetwork } from '../src/synthetic/generate';
import { startTarget, stopTarget, usage } from './http.bench';
import { round } from './support/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = 10;
const WEIGHT_KG = 1.5;
const FIRST_READY_AT = Date.parse('2026-11-23T06:00:00Z');
const DAY_MS = 86_400_000;

interface Side {
  ms: number;
  cpuMs: number;
  cells: number;
  non2xx: number;
}

interface Round {
  origin: string;
  readyAt: string;
  table: Side;
  routes: Side;
}

const isoAt = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Wall clock and server CPU time of `run`, which answers how many cells it got and how many calls were not 2xx. */
async function timed(
  child: Parameters<typeof usage>[0],
  run: () => Promise<{ cells: number; non2xx: number }>,
): Promise<Side> {
  const before = await usage(child);
  const start = process.hrtime.bigint();
  const { cells, non2xx } = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const after = await usage(child);
  return { ms: round(ms, 1), cpuMs: round((after.cpuMicros - before.cpuMicros) / 1000, 1), cells, non2xx };
}

async function table(port: number, origin: string, readyAt: string): Promise<{ cells: number; non2xx: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/promises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ origin, readyAt, weightKg: WEIGHT_KG }),
  });
  const body = (await res.json()) as { rows: object[] };
  return { cells: res.ok ? body.rows.length * SERVICE_LEVELS.length : 0, non2xx: res.ok ? 0 : 1 };
}

async function routes(
  port: number,
  doc: NetworkDocument,
  origin: string,
  readyAt: string,
): Promise<{ cells: number; non2xx: number }> {
  const bodies = doc.hubs.flatMap((hub) =>
    SERVICE_LEVELS.map((serviceLevel) =>
      JSON.stringify({ origin, destination: hub.id, readyAt, weightKg: WEIGHT_KG, serviceLevel }),
    ),
  );
  let sent = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount: bodies.length,
    // The run ends at the first sample after the last answer: sampled every 5 ms, not every second.
    sampleInt: 5,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      { path: '/v1/routes', setupRequest: (request) => ({ ...request, body: bodies[sent++ % bodies.length] }) },
    ],
  });
  // NO_ROUTE (422) is an answer too: the table holds null for it. Anything else is counted apart.
  const other = Object.entries(result.statusCodeStats).filter(
    ([status]) => !status.startsWith('2') && status !== '422',
  );
  if (other.length) console.log(`  route calls answered ${JSON.stringify(Object.fromEntries(other))}`);
  return { cells: result.requests.total, non2xx: other.reduce((sum, [, { count }]) => sum + count, 0) + result.errors };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

async function scenario(name: string, doc: NetworkDocument, dir: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const { child, port } = await startTarget('app', {
    NETWORK_FILE: file,
    KEY_PREFIX: `bench:promises:${process.pid}:${name}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const rounds: Round[] = [];
  try {
    // Warm-up: both kinds of call once, at a time no round uses.
    const warm = isoAt(FIRST_READY_AT - 30 * DAY_MS);
    await table(port, doc.hubs[1].id, warm);
    await routes(port, doc, doc.hubs[2].id, warm);
    for (let r = 0; r < ROUNDS; r++) {
      const origin = doc.hubs[(r * 7919) % doc.hubs.length].id;
      const readyAt = isoAt(FIRST_READY_AT + r * DAY_MS);
      // One readyAt a minute later for the second side: the same cells, none of the first side's sweeps or searches reused.
      const later = isoAt(FIRST_READY_AT + r * DAY_MS + 60_000 * 61);
      const tableFirst = r % 2 === 0;
      const first = await timed(child, () =>
        tableFirst ? table(port, origin, readyAt) : routes(port, doc, origin, readyAt),
      );
      const second = await timed(child, () =>
        tableFirst ? routes(port, doc, origin, later) : table(port, origin, later),
      );
      const [t, s] = tableFirst ? [first, second] : [second, first];
      rounds.push({ origin, readyAt, table: t, routes: s });
      console.log(
        `  ${name} round ${r + 1} (${origin}, ${tableFirst ? 'table first' : 'routes first'}): table ${t.ms} ms (CPU ${t.cpuMs} ms), ` +
          `${s.cells} route calls ${s.ms} ms (CPU ${s.cpuMs} ms): ×${round(s.ms / t.ms, 1)} wall, ×${round(s.cpuMs / t.cpuMs, 1)} CPU` +
          (t.non2xx || s.non2xx ? `  non-2xx (not 422): ${t.non2xx} / ${s.non2xx}` : ''),
      );
    }
  } finally {
    await stopTarget(child);
  }
  const ratios = rounds.map((r) => r.routes.ms / r.table.ms);
  const cpuRatios = rounds.map((r) => r.routes.cpuMs / r.table.cpuMs);
  const summary = {
    name,
    hubs: doc.hubs.length,
    legs: doc.legs.length,
    cells: doc.hubs.length * SERVICE_LEVELS.length,
    tableMsMedian: median(rounds.map((r) => r.table.ms)),
    routesMsMedian: median(rounds.map((r) => r.routes.ms)),
    ratioMedian: round(median(ratios), 1),
    ratioRange: [round(Math.min(...ratios), 1), round(Math.max(...ratios), 1)],
    cpuRatioMedian: round(median(cpuRatios), 1),
    rounds,
  };
  console.log(
    `${name}: ${summary.hubs} hubs, ${summary.cells} cells: table ${summary.tableMsMedian} ms, separate calls ${summary.routesMsMedian} ms ` +
      `(medians): ×${summary.ratioMedian} (${summary.ratioRange.join('–')}), CPU ×${summary.cpuRatioMedian}`,
  );
  return summary;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-promises-'));
  try {
    console.log(
      `bench:promises — ${ROUNDS} rounds a network; separate calls over ${CONNECTIONS} connections; node ${process.version}`,
    );
    const demo = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
    const results = [
      await scenario('demo', demo, dir),
      await scenario('synthetic-2000', generateNetwork({ hubs: 2000, seed: 1 }), dir),
    ];
    console.log(JSON.stringify({ connections: CONNECTIONS, rounds: ROUNDS, results }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
