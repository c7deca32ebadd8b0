/**
 * bench:core — route query latency of the routing core per service level on synthetic
 * networks of growing size, and, on the 2,000-hub one, static shortest path with
 * graphology and ngraph.path side by side. Last line: one JSON object of the 2,000-hub figures.
 */
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { prepareNetwork, type NetworkIndex } from '../src/routing/network/network-index';
import { Router } from '../src/routing/router/router';
import { LowerBoundCache } from '../src/routing/search/lower-bounds';
import { SERVICE_LEVELS, type NetworkDocument, type RouteQuery } from '../src/routing/types';
import { generateNetwork } from '../src/synthetic/generate';
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

function main(): void {
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

main();
