/**
 * A plans thread (piscina worker): plans one submitted plan with the pure planner
 * (src/plans) and HiGHS, off the worker process's event loop, and turns each parcel's
 * plan into its result line (or, with book=true, into the answer to book). Half of a
 * plan's candidate searches run on a helper thread meanwhile (search-threads.ts), whose
 * script and heap the pool hands over as its workerData.
 */
import loadHighs, { type Highs } from 'highs';
import Piscina from 'piscina';
import { parseRouteRequest } from '../api/route-request';
import { routeJson } from '../api/route-response';
import { errorLine } from '../batch/result-line';
import { planParcels } from '../plans/planner';
import type { ParcelPlan } from '../plans/types';
import { prepareNetwork } from '../routing/network/network-index';
import type { RouteQuery } from '../routing/types';
import { SearchThread, type SearchThreadOptions } from './search-threads';
import { startingLoadsOf } from './starting-loads';
import type { PlannedParcel, PlanTask, PlanTaskResult } from './task';

let highs: Promise<Highs> | undefined;

export default async function planTask(task: PlanTask): Promise<PlanTaskResult> {
  highs ??= loadHighs();
  const solver = await highs;
  const index = prepareNetwork(task.doc);
  const parcels: PlannedParcel[] = new Array(task.entries.length);
  const queries: RouteQuery[] = [];
  const at: number[] = [];
  let failed = 0;
  task.entries.forEach((entry, i) => {
    if ('error' in entry) {
      parcels[i] = { line: errorLine(entry.id, entry.error) };
      failed++;
      return;
    }
    const parsed = parseRouteRequest(entry.request);
    if (!parsed.ok) {
      parcels[i] = { line: errorLine(entry.id, parsed.error) };
      failed++;
      return;
    }
    queries.push(parsed.query);
    at.push(i);
  });
  const helper = new SearchThread(
    { doc: task.doc, closures: task.closures },
    Piscina.workerData as SearchThreadOptions,
  );
  const outcome = await planParcels({
    index,
    closures: task.closures,
    startingLoads: startingLoadsOf(index, task.loads),
    queries,
    penalties: task.penalties,
    highs: solver,
    helper,
  }).finally(() => helper.close());
  outcome.parcels.forEach((plan, k) => {
    const i = at[k];
    const entry = task.entries[i];
    const q = queries[k];
    if (plan.kind === 'planned' && task.book) parcels[i] = { id: entry.id, answer: plan.answer, weightKg: q.weightKg };
    else parcels[i] = { line: lineOf(plan, entry.id, q, task.version) };
    if (plan.kind === 'excluded') failed++;
  });
  return { figures: outcome.figures, failed, parcels };
}

function lineOf(plan: ParcelPlan, id: string, q: RouteQuery, version: string): string {
  switch (plan.kind) {
    case 'planned':
      return `${routeJson(plan.answer, version, id)}\n`;
    case 'unplanned':
      return errorLine(id, {
        code: 'NO_CAPACITY',
        message: `the plan found no route from ${q.origin} to ${q.destination} with room for the parcel`,
      });
    case 'excluded':
      if (plan.outcome.kind === 'unknown-hub')
        return errorLine(id, { code: 'UNKNOWN_HUB', message: `unknown hub '${plan.outcome.hubId}'` });
      return errorLine(id, {
        code: 'NO_ROUTE',
        message: `no route from ${q.origin} to ${q.destination} arrives within 14 days`,
      });
  }
}
