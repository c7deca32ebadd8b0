/**
 * One round of pricing (column generation with the core as the pricer): the core is
 * asked again, over loads in which every resource the LP saturates is full, for the
 * commodities that need it (flow left unplanned, late, or through a saturated
 * resource); the routes whose reduced cost at the LP's duals is negative become
 * columns (the others are kept too: they may serve the rounding). Returns how many
 * priced out.
 */
import { gramsOf, type LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { columnCharge, type ColumnSet } from './columns';
import { queryOf, type Commodity } from './commodities';
import type { PathLp } from './lp-model';
import type { LpSolution } from './lp-solve';
import type { Resources } from './resources';
import { candidatesOf, type SearchHelper } from './search-helper';
import type { PlanPenalties } from './types';

/** Rows used up to within this count as saturated. */
const SATURATED = 1e-6;

export async function priceRound(
  ix: NetworkIndex,
  router: (loads: LoadTable) => Router,
  startingLoads: () => LoadTable,
  queries: readonly RouteQuery[],
  commodities: readonly Commodity[],
  columns: ColumnSet,
  resources: Resources,
  lp: PathLp,
  solution: LpSolution,
  penalties: PlanPenalties,
  helper?: SearchHelper,
): Promise<number> {
  const pressure = startingLoads();
  const saturated = new Uint8Array(resources.list.length);
  resources.list.forEach((r, i) => {
    const p = lp.parcelRow[i];
    const g = lp.gramsRow[i];
    const full =
      (p >= 0 && solution.rowValue[p] >= r.parcelsLeft - SATURATED) ||
      (g >= 0 && solution.rowValue[g] >= r.gramsLeft - gramsOf(0.1));
    if (!full) return;
    saturated[i] = 1;
    if (r.kind === 'hub') pressure.setHubDay(r.at, r.when, ix.hubCapacity[r.at]);
    else pressure.setSlot(r.at, r.when, Math.min(ix.legCapacity[r.at], 1e9), Math.min(ix.legCapacityGrams[r.at], 1e15));
  });
  const P = columns.list.length;
  const needy = commodities.filter((c) => {
    if (solution.x[P + c.id] > SATURATED) return true;
    return columns.ofCommodity[c.id].some(
      (j) => solution.x[j] > SATURATED && (columns.list[j].late || columns.list[j].uses.some((r) => saturated[r])),
    );
  });
  if (!needy.length) return 0;
  const y = solution.rowDual;
  const found = await candidatesOf(
    router(pressure),
    pressure,
    needy.map((c) => queryOf(queries, c)),
    helper,
  );
  let added = 0;
  needy.forEach((c, n) => {
    for (const route of found[n]) {
      const before = columns.list.length;
      const j = columns.addFound(c.id, route);
      if (columns.list.length === before) continue;
      const col = columns.list[j];
      let rc = columnCharge(col, c.minKg, penalties.latePenalty) - y[c.id];
      const grams = gramsOf(c.minKg);
      for (const r of col.uses) {
        // A resource met for the first time, or whose row was left out (it cannot bind), has no row: its dual is 0.
        if (r >= lp.parcelRow.length) continue;
        if (lp.parcelRow[r] >= 0) rc -= y[lp.parcelRow[r]];
        if (lp.gramsRow[r] >= 0) rc -= grams * y[lp.gramsRow[r]];
      }
      // Columns that do not price out are kept too: they cost a column each and may serve the rounding.
      if (rc < -1e-9) added++;
    }
  });
  return added;
}
