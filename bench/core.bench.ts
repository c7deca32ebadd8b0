/**
 * bench:core — route query latency of the routing core per service level on synthetic
 * networks of growing size, and, on the 2,000-hub one, static shortest path with
 * graphology and ngraph.path side by side; then booking with releases on the demo
 * network, the router with its sweeps beside one that searches every parcel. Last line:
 * one JSON object of the 2,000-hub figures.
 */
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { join } from 'node:path';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import { LoadTable, type Reservation } from '../src/routing/capacity/loads';
import { reservationsOf } from '../src/routing/capacity/reservations';
import { prepareNetwork, type NetworkIndex } from '../src/routing/network/network-index';
import { Router } from '../src/routing/router/router';
import { LowerBoundCache } from '../src/routing/search/lower-bounds';
import { SERVICE_LEVELS, type NetworkDocument, type RouteQuery } from '../src/routing/types';
import { dividedCapacities } from '../src/synthetic/capacities';
import { generateNetwork } from '../src/synthetic/generate';
import { parcelQueries } from '../src/synthetic/parcel-mix';
import { createRng } from '../src/synthetic/prng';
import { heapUsedMB, percentile, round, timeEach } from './support/stats';

const SIZES = [500, 2000, 5000, 10000];
const QUERIES: Record<number, number> = { 500: 2000, 2000: 2000, 5000: 600, 10000: 300 };
const READY_FROM = Date.parse('2026-11-23T00:00:00Z') / 60000;

function randomQueries(doc: NetworkDocument, count: number, seed: number): RouteQuery[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => ({
    origin: rng.pick(doc.hubs).id,
    destination: rng.pick(doc.hubs).id,
    weightKg: round(rng.float(0.2, 20), 2),
    readyAt: READY_FROM + rng.int(0, 7 * 1440 - 1),
  }));
}

function routeOrNull(router: Router, q: RouteQuery): void {
  const outcome = router.route(q);
  if (outcome.kind === 'unknown-hub') throw new Error(`unknown hub ${outcome.hubId}`);
}

interface SizeResult {
  hubs: number;
  legs: number;
  indexBuildMs: number;
  heapMB: number;
  boundsPerDestinationMs: number;
  boundsHeapMB: number;
  levels: Record<string, { p50: number; p99: number }>;
}

function measureSize(hubs: number): { result: SizeResult; ix: NetworkIndex; queries: RouteQuery[] } {
  const doc = generateNetwork({ hubs, seed: 42 });
  const heapBefore = heapUsedMB();
  const t0 = process.hrtime.bigint();
  const ix = prepareNetwork(doc);
  const bounds = new LowerBoundCache(ix);
  const indexBuildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const heapMB = heapUsedMB() - heapBefore;

  const queries = randomQueries(doc, QUERIES[hubs], hubs);
  const destinations = [...new Set(queries.map((q) => ix.hubByCode.get(q.destination) as number))];
  const boundsMs = timeEach(destinations.length, (i) => bounds.get(destinations[i]));
  const boundsHeapMB = heapUsedMB() - heapBefore - heapMB;

  const fresh = new Router(ix, [], bounds);
  const levels: SizeResult['levels'] = {};
  for (const serviceLevel of SERVICE_LEVELS) {
    const ms = timeEach(queries.length, (i) => routeOrNull(fresh, { ...queries[i], serviceLevel }));
    levels[serviceLevel] = { p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)) };
  }

  const result: SizeResult = {
    hubs,
    legs: ix.legCount,
    indexBuildMs: round(indexBuildMs, 1),
    heapMB: round(heapMB, 1),
    boundsPerDestinationMs: round(boundsMs.reduce((a, b) => a + b, 0) / boundsMs.length),
    boundsHeapMB: round(boundsHeapMB, 1),
    levels,
  };
  return { result, ix, queries };
}

/** Static shortest path (duration as weight) with graphology, ngraph.path and the core, same O/D pairs. */
function compareStatic(ix: NetworkIndex, queries: RouteQuery[]): Record<string, number> {
  const doc = ix.doc;
  const g = new Graph({ type: 'directed', multi: true });
  const ng = createGraph<unknown, { d: number }>();
  doc.hubs.forEach((h) => g.addNode(h.id));
  for (const leg of doc.legs) {
    g.addEdge(leg.from, leg.to, { d: leg.durationMinutes });
    ng.addLink(leg.from, leg.to, { d: leg.durationMinutes });
  }
  const finder = ngraphPath.aStar(ng, { oriented: true, distance: (_a, _b, link) => link.data.d });
  const fresh = new Router(ix);
  const contenders: Array<(q: RouteQuery) => void> = [
    (q) => dijkstra.bidirectional(g, q.origin, q.destination, 'd'),
    (q) => finder.find(q.origin, q.destination),
    (q) => routeOrNull(fresh, { ...q, serviceLevel: 'express' }),
  ];
  // Blocks of n queries per contender, in three alternating rounds, so that the machine's
  // noise falls on all three alike while each keeps its caches warm within a block.
  const n = Math.min(queries.length, 1000);
  const perQuery: number[][] = [[], [], []];
  for (let round = 0; round < 3; round++) {
    contenders.forEach((run, c) => perQuery[c].push(...timeEach(n, (i) => run(queries[i]))));
  }
  const [graphologyMs, ngraphMs, expressMs] = perQuery.map((ms) => ms.reduce((a, b) => a + b, 0) / ms.length);
  const [graphologyP50, ngraphP50, expressP50] = perQuery.map((ms) =>
    percentile(
      ms.sort((a, b) => a - b),
      50,
    ),
  );
  return {
    graphologyMeanMs: round(graphologyMs),
    ngraphMeanMs: round(ngraphMs),
    coreExpressMeanMs: round(expressMs),
    graphologyP50Ms: round(graphologyP50),
    ngraphP50Ms: round(ngraphP50),
    coreExpressP50Ms: round(expressP50),
    speedupVsGraphology: round(graphologyMs / expressMs, 2),
    speedupVsNgraph: round(ngraphMs / expressMs, 2),
    p50SpeedupVsGraphology: round(graphologyP50 / expressP50, 2),
  };
}

/** The demo network's capacities divided by these: some departures fill, or most. */
const RELEASE_DIVISORS = [10, 100];
const RELEASE_PARCELS = 30_000;
const RELEASE_EVERY = 20;

interface ReleasesResult {
  divisor: number;
  parcelsPerSecond: number;
  searchOnlyPerSecond: number;
  speedup: number;
  fromSweeps: number;
  fromSweepsKeptOverReleases: number;
}

/**
 * Booking one by one with releases, as an API process books: the demo network with its
 * capacities divided, RELEASE_PARCELS parcels of the courier mix booked, then as many more
 * with a random earlier booking released before every RELEASE_EVERY-th, those timed. Side
 * by side on the same parcels: the Router with its sweeps (kept over a release that gave
 * room to nothing they found full), and the same Router asked with an `avoid` that bars
 * nothing, which only searches answer. Both are exact, so both book the same routes.
 */
function measureReleases(demo: NetworkDocument, divisor: number): ReleasesResult {
  const doc = dividedCapacities(demo, divisor);
  const ix = prepareNetwork(doc);
  const bounds = new LowerBoundCache(ix);
  const queries = parcelQueries(doc, 2 * RELEASE_PARCELS, { seed: 11 });
  const book = (ask: (q: RouteQuery) => RouteQuery) => {
    const loads = new LoadTable(ix);
    const router = new Router(ix, [], bounds, loads);
    const rng = createRng(5);
    const booked: Reservation[][] = [];
    let [started, swept, kept] = [0, 0, 0];
    for (let i = 0; i < queries.length; i++) {
      if (i === RELEASE_PARCELS)
        [started, swept, kept] = [performance.now(), router.sweptAnswers, router.sweptAfterRelease];
      if (i >= RELEASE_PARCELS && i % RELEASE_EVERY === 0) {
        const at = rng.int(0, booked.length - 1);
        loads.apply(booked[at], -1);
        booked[at] = booked[booked.length - 1];
        booked.pop();
      }
      const outcome = router.route(ask(queries[i]));
      if (outcome.kind !== 'routed') continue;
      const reservations = reservationsOf(ix, outcome.answer.route, queries[i].weightKg);
      loads.apply(reservations, 1);
      booked.push(reservations);
    }
    return {
      perSecond: RELEASE_PARCELS / ((performance.now() - started) / 1000),
      fromSweeps: (router.sweptAnswers - swept) / RELEASE_PARCELS,
      keptOverReleases: (router.sweptAfterRelease - kept) / RELEASE_PARCELS,
    };
  };
  // No sweep answers a query with `avoid`; a carrier that does not exist bars nothing.
  const searchOnly = book((q) => ({ ...q, avoid: { carriers: ['(none)'] } }));
  const withSweeps = book((q) => q);
  return {
    divisor,
    parcelsPerSecond: Math.round(withSweeps.perSecond),
    searchOnlyPerSecond: Math.round(searchOnly.perSecond),
    speedup: round(withSweeps.perSecond / searchOnly.perSecond, 2),
    fromSweeps: round(withSweeps.fromSweeps, 3),
    fromSweepsKeptOverReleases: round(withSweeps.keptOverReleases, 3),
  };
}

async function main(): Promise<void> {
  const rows: SizeResult[] = [];
  let at2000: { ix: NetworkIndex; queries: RouteQuery[] } | undefined;
  for (const hubs of SIZES) {
    const { result, ix, queries } = measureSize(hubs);
    rows.push(result);
    if (hubs === 2000) at2000 = { ix, queries };
    console.log(JSON.stringify(result));
  }
  if (!at2000) throw new Error('no 2,000-hub run');
  const side = compareStatic(at2000.ix, at2000.queries);
  console.log(JSON.stringify({ sideBySide2000: side }));

  console.log(
    '\n| hubs | legs | index ms | index MB | bounds/dest ms (MB cached) | express p50/p99 | standard p50/p99 | economy p50/p99 | green p50/p99 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const lv = (l: string): string => `${r.levels[l].p50} / ${r.levels[l].p99}`;
    console.log(
      `| ${r.hubs} | ${r.legs} | ${r.indexBuildMs} | ${r.heapMB} | ${r.boundsPerDestinationMs} (${r.boundsHeapMB}) | ${lv('express')} | ${lv('standard')} | ${lv('economy')} | ${lv('green')} |`,
    );
  }
  const demo = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
  console.log(
    `\nbooking with releases, demo network (a release before every ${RELEASE_EVERY}th of ${RELEASE_PARCELS} parcels, after as many booked):`,
  );
  console.log(
    '| capacities | with sweeps | searches only | ratio | answered from sweeps | from sweeps kept over releases |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const divisor of RELEASE_DIVISORS) {
    const x = measureReleases(demo, divisor);
    console.log(
      `| ÷ ${divisor} | ${x.parcelsPerSecond}/s | ${x.searchOnlyPerSecond}/s | ${x.speedup}× | ${x.fromSweeps} | ${x.fromSweepsKeptOverReleases} |`,
    );
  }
  const r = rows.find((x) => x.hubs === 2000) as SizeResult;
  console.log(
    JSON.stringify({
      scenario: 'core',
      hubs: 2000,
      legs: r.legs,
      expressP50Ms: r.levels.express.p50,
      expressP99Ms: r.levels.express.p99,
      standardP50Ms: r.levels.standard.p50,
      standardP99Ms: r.levels.standard.p99,
      greenP50Ms: r.levels.green.p50,
      indexBuildMs: r.indexBuildMs,
      heapMB: r.heapMB,
      speedupVsGraphology: side.speedupVsGraphology,
      p50SpeedupVsGraphology: side.p50SpeedupVsGraphology,
    }),
  );
}

void main();
