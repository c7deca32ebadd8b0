/**
 * The plan's search helper (plans/search-helper.ts): a thread that answers, one request at
 * a time, on its own index of the plan's network version (so its leg numbers are the plans
 * thread's) with the plan's closures:
 * - `candidates`: the candidate routes of some queries over a table of loads sent with them;
 * - `choices`: the router's choice for some queries over greedy's loads, which it keeps
 *   from one request to the next (set by the first, then added to by each);
 * - `share` and `wake`: the second half of an evaluation of the whole plan's Lagrangian
 *   relaxation, in shared memory (plans/shared-half.ts), answered there, not by message.
 * Each answer is packed and its buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CANDIDATE_SEARCHES } from '../plans/candidates';
import { applyPacked } from '../plans/packed-bookings';
import { foundOf, packRoutes, type Found } from '../plans/packed-routes';
import { Choice, foundCandidates } from '../plans/search-helper';
import { serve, type SharedRelaxation } from '../plans/shared-half';
import { LoadTable } from '../routing/capacity/loads';
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import { LowerBoundCache } from '../routing/search/lower-bounds';
import { buffersOf, type SearchRequest, type SearchThreadData } from './search-threads';

const { doc, closures } = workerData as SearchThreadData;
const index = prepareNetwork(doc);
const bounds = new LowerBoundCache(index);
let greedy: { loads: LoadTable; router: Router } | undefined;
let relaxation: SharedRelaxation | undefined;

parentPort?.on('message', (request: SearchRequest) => {
  if (request.kind === 'share') {
    relaxation = request.shared;
    return;
  }
  if (request.kind === 'wake') {
    if (relaxation?.id === request.id) serve(relaxation);
    return;
  }
  if (request.kind === 'candidates') {
    const router = new Router(
      index,
      closures,
      bounds,
      LoadTable.fromContents(index, request.loads),
      CANDIDATE_SEARCHES,
    );
    const packed = packRoutes(request.queries.map((q) => foundCandidates(router, q)));
    parentPort?.postMessage({ id: request.id, packed }, buffersOf(packed));
    return;
  }
  if (request.start) {
    const loads = LoadTable.fromContents(index, request.start);
    greedy = { loads, router: new Router(index, closures, bounds, loads) };
  }
  if (!greedy) throw new Error('choices asked before greedy started');
  const { loads, router } = greedy;
  applyPacked(loads, request.booked);
  const kinds = new Uint8Array(request.queries.length);
  const routes: Found[][] = request.queries.map((q, i) => {
    const outcome = router.route({ ...q, alternatives: undefined });
    kinds[i] = outcome.kind === 'routed' ? Choice.Route : outcome.kind === 'no-capacity' ? Choice.NoRoom : Choice.Other;
    return outcome.kind === 'routed' ? [foundOf(index, outcome.answer.route)] : [];
  });
  const packed = { kinds, routes: packRoutes(routes) };
  parentPort?.postMessage({ id: request.id, packed }, [kinds.buffer, ...buffersOf(packed.routes)]);
});
