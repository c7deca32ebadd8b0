/**
 * bench:plan — flow plans on saturated synthetic networks (src/synthetic, capacities
 * 'saturated': a thousandth of the real ones): the plan against greedy (booking the
 * parcels one by one in submission order), the gap to its lower bound, late and
 * unplanned parcels, the LP's size, solve time and peak memory. Runs the pure planner
 * in this process (the service runs the same code in a worker thread).
 *
 * PLAN_SIZES="500:100000,2000:1000000" picks the cases (hubs:parcels); one JSON line each.
 * A case `demo/300:5000` plans on the demo network (data/cn-global-demo.json) with its
 * capacities divided by 300: a network where most parcels can arrive on time, so that
 * what the plan gains is what capacity costs greedy, not lateness no route avoids.
 * PLAN_MAX_COMMODITIES sets the most commodities of one model (split.ts); PLAN_WAVES the
 * pickup waves of the parcel mix (parcel-mix.ts, default 24).
 */
import loadHighs from 'highs';
import { planParcels } from '../src/plans/planner';
import { LoadTable } from '../src/routing/capacity/loads';
import { prepareNetwork } from '../src/routing/network/network-index';
import { LowerBoundCache } from '../src/routing/search/lower-bounds';
import { join } from 'node:path';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import type { NetworkDocument, RouteQuery } from '../src/routing/types';
import { dividedCapacities } from '../src/synthetic/capacities';
import { generateNetwork } from '../src/synthetic/generate';
import { parcelMix } from '../src/synthetic/parcel-mix';

const DEFAULT_CASES = 'demo/300:5000,demo/1000:5000,500:100000,2000:100000,500:1000000,2000:1000000';

async function main(): Promise<void> {
  const highs = await loadHighs();
  const cases = (process.env.PLAN_SIZES ?? DEFAULT_CASES).split(',').map((c) => c.split(':'));
  for (const [network, count] of cases) {
    const parcels = Number(count);
    const doc = await networkOf(network);
    const hubs = doc.hubs.length;
    const index = prepareNetwork(doc);
    const queries: RouteQuery[] = [];
    for (const p of parcelMix(doc, parcels, {
      seed: 7,
      waves: process.env.PLAN_WAVES ? Number(process.env.PLAN_WAVES) : undefined,
    }))
      queries.push({ ...p, readyAt: Date.parse(p.readyAt) / 60_000 });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const started = performance.now();
    const outcome = planParcels({
      index,
      bounds: new LowerBoundCache(index),
      startingLoads: () => new LoadTable(index),
      queries,
      penalties: { latePenalty: 100, unplannedPenalty: 1000 },
      highs,
      onPhase: (phase, s) => console.error(`${new Date().toISOString()} ${hubs}:${parcels} ${phase} ${s.toFixed(1)} s`),
      maxCommodities: process.env.PLAN_MAX_COMMODITIES ? Number(process.env.PLAN_MAX_COMMODITIES) : undefined,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const f = outcome.figures;
    const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
    console.log(
      JSON.stringify({
        network,
        hubs,
        legs: doc.legs.length,
        parcels,
        objective: round(f.objective, 2),
        greedy: { objective: round(f.greedy.objective, 2), late: f.greedy.late, unplanned: f.greedy.unplanned },
        belowGreedy: round((f.greedy.objective - f.objective) / f.greedy.objective, 4),
        lowerBound: round(f.lowerBound, 2),
        gap: round(f.gap, 4),
        late: f.late,
        unplanned: f.unplanned,
        source: f.source,
        commodities: f.commodities,
        lp: f.lp,
        lpSolves: f.lpSolves,
        simplexIterations: f.simplexIterations,
        columnsPriced: f.columnsPriced,
        solveSeconds: round(f.solveSeconds, 1),
        phases: Object.fromEntries(Object.entries(f.phases).map(([k, v]) => [k, round(v, 1)])),
        seconds: round(seconds, 1),
        peakRssMB: Math.round(peakRss / 1e6),
        highsMemoryMB: Math.round(highs.memoryBytes / 1e6),
        split: f.split,
      }),
    );
  }
}

/** `demo/<divisor>`: the demo network, its capacities divided; a number: a saturated synthetic network of as many hubs. */
async function networkOf(spec: string): Promise<NetworkDocument> {
  if (spec.startsWith('demo/'))
    return dividedCapacities(
      await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json')),
      Number(spec.slice('demo/'.length)),
    );
  return generateNetwork({ hubs: Number(spec), seed: 42, capacities: 'saturated' });
}

void main();
