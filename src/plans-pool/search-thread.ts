/**
 * The plan's search helper (plans/search-helper.ts): a thread that answers, one request at
 * a time, the candidate routes of some queries over a table of loads, on its own index of
 * the plan's network version (so its leg numbers are the plans thread's) with the plan's
 * closures. Each answer is packed and its buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { candidateRoutes } from '../plans/candidates';
import { foundOf, packRoutes } from '../plans/packed-routes';
import { LoadTable } from '../routing/capacity/loads';
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import { LowerBoundCache } from '../routing/search/lower-bounds';
import type { SearchRequest, SearchThreadData } from './search-threads';

const { doc, closures } = workerData as SearchThreadData;
const index = prepareNetwork(doc);
const bounds = new LowerBoundCache(index);

parentPort?.on('message', ({ id, loads, queries }: SearchRequest) => {
  const router = new Router(index, closures, bounds, LoadTable.fromContents(index, loads));
  const packed = packRoutes(queries.map((q) => candidateRoutes(router, q).map((route) => foundOf(index, route))));
  parentPort?.postMessage({ id, packed }, [
    packed.routeStarts.buffer,
    packed.legStarts.buffer,
    packed.legs.buffer,
    packed.arrivals.buffer,
  ]);
});
