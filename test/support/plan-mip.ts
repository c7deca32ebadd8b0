/**
 * The exact optimum of a plan over given routes, by HiGHS's MIP solver on the full path
 * formulation, parcel by parcel (no commodities, every parcel at its own weight): one
 * binary per parcel and route, one per parcel for "unplanned", a row per parcel (exactly
 * one of them), and a row per departure slot (parcels, grams) and hub-day (parcels)
 * whose capacity some route uses, less what prior bookings hold. Costs, lateness and
 * capacities are worked out here from the network document, not taken from the planner.
 */
import type { Highs } from 'highs';
import type { Leg, NetworkDocument, RouteQuery } from '../../src/routing/types';
import type { PriorBooking } from '../../src/plans/checker';

export interface Route {
  legIds: string[];
  departs: number[];
}

const DAY = 1440;

function grams(kg: number): number {
  return Math.ceil(Math.round(kg * 1_000_000) / 1000);
}

/**
 * @param routes the routes each parcel may take (by parcel index; parcels with none
 *   and not in `plannable` are left out of the model)
 */
export function exactOptimum(
  highs: Highs,
  doc: NetworkDocument,
  queries: readonly RouteQuery[],
  plannable: readonly number[],
  routes: ReadonlyMap<number, readonly Route[]>,
  penalties: { latePenalty: number; unplannedPenalty: number },
  prior: readonly PriorBooking[],
): number {
  const hubs = new Map(doc.hubs.map((h) => [h.id, h]));
  const legs = new Map(doc.legs.map((l) => [l.id, l]));
  const slotOf = (leg: Leg, d: number) => `${leg.id}@${!leg.departures?.length ? d - (d % 60) : d}`;
  const heldParcels = new Map<string, number>();
  const heldGrams = new Map<string, number>();
  const hold = (key: string, g: number) => {
    heldParcels.set(key, (heldParcels.get(key) ?? 0) + 1);
    heldGrams.set(key, (heldGrams.get(key) ?? 0) + g);
  };
  for (const b of prior) {
    for (const { legId, departAt } of b.legs) {
      const leg = legs.get(legId)!;
      hold(`d:${slotOf(leg, departAt)}`, grams(b.weightKg));
      hold(`h:${leg.from}@${Math.floor(departAt / DAY)}`, 0);
    }
  }
  // Rows: one per plannable parcel, then capacity rows created as routes name them.
  const rowLower: number[] = plannable.map(() => 1);
  const rowUpper: number[] = plannable.map(() => 1);
  const capacityRow = new Map<string, number>();
  const rowOf = (key: string, capacity: number, held: number): number => {
    let r = capacityRow.get(key);
    if (r === undefined) {
      r = rowLower.length;
      capacityRow.set(key, r);
      rowLower.push(-highs.infinity);
      rowUpper.push(Math.max(0, capacity - held));
    }
    return r;
  };
  const colCost: number[] = [];
  const columns: [number, number][][] = [];
  plannable.forEach((i, p) => {
    const q = queries[i];
    const origin = hubs.get(q.origin)!;
    const destination = hubs.get(q.destination)!;
    const deadline = q.deadline ?? q.readyAt + (origin.country === destination.country ? DAY : 3 * DAY);
    const g = grams(q.weightKg);
    for (const route of routes.get(i) ?? []) {
      let cost = 0;
      let arrival = q.readyAt;
      const entries: [number, number][] = [[p, 1]];
      route.legIds.forEach((id, k) => {
        const leg = legs.get(id)!;
        const d = route.departs[k];
        cost += hubs.get(leg.from)!.handlingCost + leg.costPerParcel + leg.costPerKg * q.weightKg;
        arrival = d + leg.durationMinutes;
        const slot = `d:${slotOf(leg, d)}`;
        if (leg.capacityPerDeparture !== undefined)
          entries.push([rowOf(`${slot}:n`, leg.capacityPerDeparture, heldParcels.get(slot) ?? 0), 1]);
        if (leg.capacityKgPerDeparture !== undefined) {
          const capacity = Math.floor(Math.round(leg.capacityKgPerDeparture * 1e6) / 1000);
          entries.push([rowOf(`${slot}:g`, capacity, heldGrams.get(slot) ?? 0), g]);
        }
        const capacityPerDay = hubs.get(leg.from)!.capacityPerDay;
        const hubDay = `h:${leg.from}@${Math.floor(d / DAY)}`;
        if (capacityPerDay !== undefined)
          entries.push([rowOf(hubDay, capacityPerDay, heldParcels.get(hubDay) ?? 0), 1]);
      });
      colCost.push(cost + (arrival > deadline ? penalties.latePenalty : 0));
      columns.push(entries.sort((a, b) => a[0] - b[0]));
    }
    colCost.push(penalties.unplannedPenalty);
    columns.push([[p, 1]]);
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const entries of columns) {
    for (const [row, value] of entries) {
      indices.push(row);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const numCols = columns.length;
  const numRows = rowLower.length;
  if (numCols === 0) return 0;
  const model = highs.createModel({
    numCols,
    numRows,
    colCost,
    colLower: new Array<number>(numCols).fill(0),
    colUpper: new Array<number>(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    integrality: new Array(numCols).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
      throw new Error(`the exact MIP ended with status ${model.getModelStatus()}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}
