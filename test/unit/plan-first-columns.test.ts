/**
 * The whole plan's first columns (whole-plan.ts, firstColumns), on random pools after a
 * volume ascent, against the rule written out here:
 * - within the budget: the columns carrying the parts' plan, those of half a parcel or
 *   more in the volume's averaged flows, and each commodity's cheapest at its prices;
 * - over it: the averaged flows' columns go first, smallest flow first, then the
 *   cheapest, last commodity first; the carrying ones always stay, what is left fits the
 *   budget whenever the carrying ones alone do (each column counted with its nonzeros in
 *   the LP over them all, and the LP over what is left counted too), and no more is left
 *   out than that asks.
 */
import { columnCharge } from '../../src/plans/columns';
import { LagrangianRelaxation } from '../../src/plans/lagrangian-bound';
import { volumeAscent } from '../../src/plans/volume';
import type { Pool } from '../../src/plans/whole-lp';
import { firstColumns } from '../../src/plans/whole-plan';
import { gramsOf } from '../../src/routing/capacity/loads';
import { createRng } from '../../src/synthetic/prng';
import { lpNonzeros, nonzerosByColumn, randomPool } from '../support/plan-fixtures';

const PENALTIES = { latePenalty: 100, unplannedPenalty: 1000 };

test('the first columns follow the rule, and fit the budget by leaving out the least useful', () => {
  let trimmed = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const rng = createRng(7_000 + seed);
    const instance = randomPool(rng, { resources: 12, room: 10, commodities: 30, parcels: 8, columns: 6, use: 0.3 });
    const { commodities, pool, resources } = instance;
    const relaxation = new LagrangianRelaxation(commodities, pool, (col) => col.uses, resources, PENALTIES);
    const upper = PENALTIES.unplannedPenalty * commodities.reduce((n, c) => n + c.parcels.length, 0);
    const volume = volumeAscent(relaxation, upper, 100);
    const numbered: Pool = { list: pool.flat(), ofCommodity: [] };
    let next = 0;
    for (const columns of pool) numbered.ofCommodity.push(columns.map(() => next++));
    const carrying = new Set(numbered.ofCommodity.filter(() => rng.next() < 0.7).map((js) => js[0]));

    // The rule, column by column: the cheapest of each commodity at the volume's prices
    // (strictly below leaving it unplanned, the first of equals), and the averaged flows.
    const cheapest = new Set<number>();
    commodities.forEach((c, k) => {
      let best = PENALTIES.unplannedPenalty;
      let chosen = -1;
      for (const j of numbered.ofCommodity[k]) {
        const col = numbered.list[j];
        let charge = columnCharge(col, c.minKg, PENALTIES.latePenalty);
        for (const r of col.uses) charge += volume.prices.parcels[r] + gramsOf(c.minKg) * volume.prices.grams[r];
        if (charge < best) [best, chosen] = [charge, j];
      }
      if (chosen >= 0) cheapest.add(chosen);
    });
    const averaged = numbered.list.map((_, j) => j).filter((j) => volume.flows[j] >= 0.5);
    const all = new Set([...carrying, ...cheapest, ...averaged]);
    // The LP's nonzeros over some columns, and each column's in the LP over all of them:
    // what is left out is counted at that (a column has no more in an LP over fewer).
    const nonzeros = (js: Iterable<number>) =>
      lpNonzeros(
        instance,
        [...js].map((j) => numbered.list[j]),
      );
    const byColumn = nonzerosByColumn(
      instance,
      [...all].map((j) => numbered.list[j]),
    );
    const inAll = new Map([...all].map((j, i) => [j, byColumn[i]]));
    const counted = (js: Iterable<number>) => [...js].reduce((n, j) => n + inAll.get(j)!, commodities.length);

    expect(firstColumns(numbered, carrying, volume, relaxation, commodities, resources)).toEqual(all);

    const budget = Math.floor(nonzeros(all) * rng.next());
    const fitted = firstColumns(numbered, carrying, volume, relaxation, commodities, resources, budget);
    for (const j of carrying) expect(fitted.has(j)).toBe(true);
    for (const j of fitted) expect(all.has(j)).toBe(true);
    if (counted(carrying) <= budget) {
      expect(counted(fitted)).toBeLessThanOrEqual(budget);
      expect(nonzeros(fitted)).toBeLessThanOrEqual(budget);
    }
    // Nothing was left out that a later one in the order would have been dropped before.
    const order = [
      ...averaged.filter((j) => !carrying.has(j) && !cheapest.has(j)).sort((a, b) => volume.flows[a] - volume.flows[b]),
      ...[...cheapest].filter((j) => !carrying.has(j)).reverse(),
    ];
    const dropped = order.filter((j) => !fitted.has(j));
    expect(order.slice(0, dropped.length)).toEqual(dropped);
    // And no more was left out than the budget asks: the last one left out would not fit.
    if (dropped.length) expect(counted([...fitted, dropped[dropped.length - 1]])).toBeGreaterThan(budget);
    if (dropped.length) trimmed++;
  }
  expect(trimmed).toBeGreaterThan(20);
});
