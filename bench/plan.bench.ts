/**
 * bench:plan — flow plans against greedy (booking the parcels one by one in submission
 * order): the gap to the plan's lower bound, late and unplanned parcels, the LP's size,
 * solve time and peak memory. Runs the pure planner in this process (the service runs
 * the same code in a worker thread). Parcels of the synthetic courier mix (parcel-mix.ts).
 *
 * PLAN_SIZES="500/0.5:100000,2000/0.5:1000000" picks the cases (network:parcels); one JSON
 * line each. The network of a case:
 * - `<hubs>/<share>`: a synthetic network of as many hubs where capacity binds: each
 *   parcel's deadline is the end of the day its fastest route arrives when nothing is
 *   booked, at least its default (promised-deadlines.ts), and each leg's and hub's
 *   capacity `share` of the busiest departure or day of the uncongested flow
 *   (demand-sized-capacities.ts); share 1 is the same instance with nothing binding;
 * - `<hubs>`: a synthetic network with `saturated` capacities (a thousandth of the real
 *   ones) and the default deadlines, which most of its routes miss whatever is booked;
 * - `demo/<divisor>`: the demo network (data/cn-global-demo.json) with its capacities
 *   divided, default deadlines.
 * PLAN_MAX_COMMODITIES sets the most commodities of one model (split.ts); PLAN_WAVES the
 * pickup waves of the parcel mix (default 24); PLAN_ONE_THREAD=1 plans without the search
 * helper thread (every search on one thread, as before it).
 */
import loadHighs from 'highs';
import { planParcels } from '../src/plans/planner';
import { SearchThread } from '../src/plans-pool/search-threads';
import { LoadTable } from '../src/routing/capacity/loads';
import { prepareNetwork } from '../src/routing/network/network-index';
import { LowerBoundCache } from '../src/routing/search/lower-bounds';
import { join } from 'node:path';
import { packageRoot } from '../src/config';
import { readNetworkFile } from '../src/network/network-file';
import type { NetworkDocument, RouteQuery } from '../src/routing/types';
import { dividedCapacities } from '../src/synthetic/capacities';
import { demandSizedCapacities } from '../src/synthetic/demand-sized-capacities';
import { generateNetwork } from '../src/synthetic/generate';
import { parcelQueries } from '../src/synthetic/parcel-mix';
import { withPromisedDeadlines } from '../src/synthetic/promised-deadlines';

/**
 * What a plain `npm run bench:plan` runs: cases that finish within about a quarter of an hour
 * here. The full set, 500 and 2,000 hubs at 100,000 and 1,000,000 parcels, takes
 * hours on the capacity-bound instances: PLAN_SIZES="500/0.5:100000,2000/0.5:100000,500/0.5:1000000,2000/0.5:1000000".
 */
const DEFAULT_CASES = 'demo/300:5000,500/0.5:5000,500:100000';

async function main(): Promise<void> {
  const highs = await loadHighs();
  const cases = (process.env.PLAN_SIZES ?? DEFAULT_CASES).split(',').map((c) => c.split(':'));
  for (const [network, count] of cases) {
    const parcels = Number(count);
    const instanceStarted = performance.now();
    const { doc, queries } = await instanceOf(network, parcels);
    const instanceSeconds = (performance.now() - instanceStarted) / 1000;
    const hubs = doc.hubs.length;
    const index = prepareNetwork(doc);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const started = performance.now();
    // As the plans thread does: half the candidate searches on a helper thread.
    const helper = new SearchThread({ doc, closures: [] });
    const outcome = await planParcels({
      index,
      bounds: new LowerBoundCache(index),
      startingLoads: () => new LoadTable(index),
      queries,
      penalties: { latePenalty: 100, unplannedPenalty: 1000 },
      highs,
      onPhase: (phase, s) => console.error(`${new Date().toISOString()} ${hubs}:${parcels} ${phase} ${s.toFixed(1)} s`),
      maxCommodities: process.env.PLAN_MAX_COMMODITIES ? Number(process.env.PLAN_MAX_COMMODITIES) : undefined,
      helper: process.env.PLAN_ONE_THREAD ? undefined : helper,
    });
    await helper.close();
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
        lpIterations: f.lpIterations,
        columnsPriced: f.columnsPriced,
        solveSeconds: round(f.solveSeconds, 1),
        phases: Object.fromEntries(Object.entries(f.phases).map(([k, v]) => [k, round(v, 1)])),
        seconds: round(seconds, 1),
        peakRssMB: Math.round(peakRss / 1e6),
        instanceSeconds: round(instanceSeconds, 1),
        highsMemoryMB: Math.round(highs.memoryBytes / 1e6),
        split: f.split,
        helper: f.helper ?? null,
      }),
    );
  }
}

/** The network and the parcels of a case (see above). */
async function instanceOf(spec: string, parcels: number): Promise<{ doc: NetworkDocument; queries: RouteQuery[] }> {
  if (spec.startsWith('demo/')) {
    const demo = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
    const doc = dividedCapacities(demo, Number(spec.slice('demo/'.length)));
    return { doc, queries: parcelsOf(doc, parcels) };
  }
  const [hubs, share] = spec.split('/').map(Number);
  if (share === undefined) {
    const doc = generateNetwork({ hubs, seed: 42, capacities: 'saturated' });
    return { doc, queries: parcelsOf(doc, parcels) };
  }
  const real = generateNetwork({ hubs, seed: 42, capacities: 'realistic' });
  const queries = withPromisedDeadlines(real, parcelsOf(real, parcels));
  return { doc: demandSizedCapacities(real, queries, share), queries };
}

function parcelsOf(doc: NetworkDocument, count: number): RouteQuery[] {
  const waves = process.env.PLAN_WAVES ? Number(process.env.PLAN_WAVES) : undefined;
  return parcelQueries(doc, count, { seed: 7, waves });
}

void main();
