/**
 * Commodities and columns with no network behind them, for tests of the planner's
 * bounds and LPs: what matters there is each column's cost and the resources it uses.
 */
import type { Column } from '../../src/plans/columns';
import type { Commodity } from '../../src/plans/commodities';
import type { Resource } from '../../src/plans/resources';
import type { PlanPenalties } from '../../src/plans/types';
import { gramsOf } from '../../src/routing/capacity/loads';
import type { Rng } from '../../src/synthetic/prng';

/** Commodity `id` of `parcels` parcels (numbered 100·id…), each of `minKg`. */
export function commodity(id: number, parcels: number, minKg = 1): Commodity {
  return {
    id,
    origin: 0,
    destination: 1,
    readyAt: 0,
    deadline: 0,
    parcels: Array.from({ length: parcels }, (_, i) => 100 * id + i),
    minKg,
    maxKg: minKg,
    representative: 100 * id,
  };
}

const NONE = new Int32Array(0);

/** A route of commodity `commodity` costing `fixed + perKg · w` a parcel, through the resources `uses`. */
export function column(commodity: number, fixed: number, uses: number[], perKg = 0, late = false): Column {
  return { commodity, legs: NONE, departs: NONE, arrivals: NONE, arriveAt: 0, fixed, perKg, late, uses };
}

/** How large randomPool's instances may be. */
export interface PoolSizes {
  resources: number;
  /** Most parcels a resource still takes (its kilograms: as many thousand grams, when it declares them). */
  room: number;
  commodities: number;
  parcels: number;
  columns: number;
  /** The chance that a column uses a given resource. */
  use: number;
}

/** Resources, commodities and each commodity's routes: a path LP with no network behind it. */
export interface PoolInstance {
  resources: Resource[];
  commodities: Commodity[];
  pool: Column[][];
}

/** Random departures, commodities and routes (by commodity) of each. */
export function randomPool(rng: Rng, sizes: PoolSizes): PoolInstance {
  const resources: Resource[] = Array.from({ length: rng.int(1, sizes.resources) }, (_, i) => ({
    kind: 'departure',
    at: i,
    when: 0,
    parcelsLeft: rng.int(0, sizes.room),
    gramsLeft: rng.next() < 0.4 ? rng.int(0, Math.round(sizes.room * 1.5)) * 1000 : Infinity,
  }));
  const commodities = Array.from({ length: rng.int(1, sizes.commodities) }, (_, id) =>
    commodity(id, rng.int(1, sizes.parcels), rng.pick([0.5, 1, 2.5])),
  );
  const pool = commodities.map((c) =>
    Array.from({ length: rng.int(1, sizes.columns) }, () =>
      column(
        c.id,
        rng.int(1, 60),
        resources.map((_, r) => r).filter(() => rng.next() < sizes.use),
        rng.int(0, 4),
        rng.next() < 0.2,
      ),
    ),
  );
  return { resources, commodities, pool };
}

/** The LP over every column of the pool, as LP-format text: the model of lp-model.ts, written out by hand (an oracle independent of it). */
export function pathLpText({ commodities, pool, resources }: PoolInstance, penalties: PlanPenalties): string {
  const objective: string[] = [];
  const demand: string[] = [];
  const parcels: string[][] = resources.map(() => []);
  const grams: string[][] = resources.map(() => []);
  commodities.forEach((c, k) => {
    const terms = [`u${k}`];
    objective.push(`${penalties.unplannedPenalty} u${k}`);
    pool[k].forEach((col, j) => {
      const x = `x${k}_${j}`;
      const cost = col.fixed + col.perKg * c.minKg + (col.late ? penalties.latePenalty : 0);
      objective.push(`${cost} ${x}`);
      terms.push(x);
      for (const r of col.uses) {
        parcels[r].push(x);
        grams[r].push(`${gramsOf(c.minKg)} ${x}`);
      }
    });
    demand.push(` d${k}: ${terms.join(' + ')} = ${c.parcels.length}`);
  });
  const capacity: string[] = [];
  resources.forEach((r, i) => {
    if (parcels[i].length) capacity.push(` p${i}: ${parcels[i].join(' + ')} <= ${r.parcelsLeft}`);
    if (grams[i].length && r.gramsLeft < Infinity) capacity.push(` g${i}: ${grams[i].join(' + ')} <= ${r.gramsLeft}`);
  });
  return `Minimize\n obj: ${objective.join(' + ')}\nSubject To\n${[...demand, ...capacity].join('\n')}\nEnd\n`;
}

/**
 * Each column's nonzeros in the path LP over `columns` (of the instance's commodities),
 * counted here from the model's definition: its demand row, and the capacity rows of the
 * resources it uses, a resource's parcels row (grams row) being there when the
 * commodities with a column through it have more parcels (grams) than it has room for.
 */
export function nonzerosByColumn({ commodities, resources }: Omit<PoolInstance, 'pool'>, columns: Column[]): number[] {
  const through = resources.map(() => new Set<number>());
  for (const col of columns) for (const r of col.uses) through[r].add(col.commodity);
  const sum = (ks: Set<number>, f: (c: Commodity) => number) => [...ks].reduce((n, k) => n + f(commodities[k]), 0);
  const rows = resources.map(
    (r, i) =>
      (sum(through[i], (c) => c.parcels.length) > r.parcelsLeft ? 1 : 0) +
      (r.gramsLeft < Infinity && sum(through[i], (c) => c.parcels.length * gramsOf(c.minKg)) > r.gramsLeft ? 1 : 0),
  );
  return columns.map((col) => 1 + col.uses.reduce((m, r) => m + rows[r], 0));
}

/** The nonzeros of the path LP over `columns`: theirs (nonzerosByColumn), and one a commodity for its unplanned variable. */
export function lpNonzeros(instance: Omit<PoolInstance, 'pool'>, columns: Column[]): number {
  return nonzerosByColumn(instance, columns).reduce((n, m) => n + m, instance.commodities.length);
}
