/**
 * Promise tables (src/api/promise-table.ts) cell by cell against two independent
 * answers: the brute-force oracle on small random networks, and, on synthetic
 * networks too large for it, a fresh Router per cell — one that has answered
 * nothing before, so that no sweep or search state carried over from the other
 * cells of the table can hide in its answer.
 */
import { promiseTable, type PromiseQuery, type PromiseRow } from '../../src/api/promise-table';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { SERVICE_LEVELS, type ServiceLevel } from '../../src/routing/types';
import { generateNetwork } from '../../src/synthetic/generate';
import { createRng } from '../../src/synthetic/prng';
import { bruteForceRoute } from '../support/brute-force';
import { cellOf } from '../support/promise-cell';
import { sameAmount } from '../support/oracle-choice';
import { randomNetwork } from '../support/random-network';
import { WEEK_START } from '../support/week';

/** What a Router that has answered nothing else says to one route request, as a cell. */
function freshCell(
  index: NetworkIndex,
  origin: string,
  destination: string,
  readyAt: number,
  weightKg: number,
  serviceLevel: ServiceLevel,
) {
  return cellOf(new Router(index), { origin, destination, readyAt, weightKg, serviceLevel });
}

/** The table's rows, its sweeps made first, as the HTTP layer takes them. */
function tableRows(router: Router, query: PromiseQuery): PromiseRow[] {
  const table = promiseTable(router, query);
  for (const _slice of table.prepare);
  return [...table.rows];
}

describe('promise tables', () => {
  it.each(Array.from({ length: 120 }, (_, i) => 4100 + i))(
    'every cell agrees with the brute-force oracle (network seed %i)',
    (seed) => {
      const rng = createRng(seed);
      const doc = randomNetwork(rng);
      const origin = rng.pick(doc.hubs).id;
      const readyAt = WEEK_START + rng.int(0, 7 * MINUTES_PER_DAY - 1);
      const weightKg = rng.chance(0.5) ? rng.int(1, 40) / 2 : rng.float(0.05, 30);
      const rows = tableRows(new Router(prepareNetwork(doc)), { origin, readyAt, weightKg, levels: SERVICE_LEVELS });
      expect(rows.map((row) => row.destination)).toEqual(doc.hubs.map((hub) => hub.id));
      for (const { destination, cells } of rows) {
        expect(Object.keys(cells)).toEqual([...SERVICE_LEVELS]);
        for (const level of SERVICE_LEVELS) {
          const cell = cells[level] ?? null;
          const expected = bruteForceRoute(doc, { origin, destination, readyAt, weightKg, serviceLevel: level });
          const where = `seed ${seed} ${origin}→${destination} ${level}: ${JSON.stringify(cell)} vs ${JSON.stringify(expected)}`;
          if (!expected || !cell) {
            expect([where, cell]).toEqual([where, expected]);
            continue;
          }
          // The canonical route's figures (the first of the oracle's ties).
          const same =
            expected.arriveAt === cell.arriveAt &&
            sameAmount(expected.cost, cell.cost) &&
            sameAmount(expected.co2Kg, cell.co2Kg);
          expect([where, same, cell.deadline, cell.meetsDeadline]).toEqual([
            where,
            true,
            expected.deadline,
            expected.meetsDeadline,
          ]);
        }
      }
    },
  );

  it.each([
    [300, 11],
    [800, 12],
  ])('every cell equals a fresh router’s answer on a %i-hub synthetic network (seed %i)', (hubs, seed) => {
    const doc = generateNetwork({ hubs, seed });
    const index = prepareNetwork(doc);
    const rng = createRng(seed);
    const router = new Router(index);
    for (let t = 0; t < 2; t++) {
      const origin = rng.pick(doc.hubs).id;
      const readyAt = WEEK_START + rng.int(0, 7 * MINUTES_PER_DAY - 1);
      const weightKg = rng.int(1, 400) / 10;
      // Some of the destinations, in a random order, one of them twice; two of the levels.
      const destinations = doc.hubs
        .filter(() => rng.chance(0.3))
        .map((hub) => hub.id)
        .sort(() => rng.next() - 0.5);
      destinations.push(destinations[0]);
      const levels = [...SERVICE_LEVELS].sort(() => rng.next() - 0.5).slice(0, 2);
      const rows = tableRows(router, { origin, destinations, readyAt, weightKg, levels });
      expect(rows.map((row) => row.destination)).toEqual(destinations);
      for (const { destination, cells } of rows) {
        expect(Object.keys(cells)).toEqual(levels);
        for (const level of levels) {
          const where = `${origin}→${destination} ${level}`;
          expect([where, cells[level]]).toEqual([
            where,
            freshCell(index, origin, destination, readyAt, weightKg, level),
          ]);
        }
      }
      // The table's sweeps are for its one weight: the same router still answers other weights
      // from the same origin and time exactly (and the table's weight from them).
      for (const destination of destinations.slice(0, 15)) {
        for (const otherKg of [weightKg, weightKg + 0.7, weightKg / 3]) {
          for (const level of SERVICE_LEVELS) {
            const where = `${origin}→${destination} ${level} ${otherKg} kg after a ${weightKg} kg table`;
            expect([
              where,
              cellOf(router, { origin, destination, readyAt, weightKg: otherKg, serviceLevel: level }),
            ]).toEqual([where, freshCell(index, origin, destination, readyAt, otherKg, level)]);
          }
        }
      }
    }
  });

  it('names the first unknown hub: the origin, else destinations[i]', () => {
    const router = new Router(prepareNetwork(generateNetwork({ hubs: 20, seed: 3 })));
    const ids = router.index.hubIds;
    const ask = (origin: string, destinations?: string[]) => () =>
      promiseTable(router, { origin, destinations, readyAt: WEEK_START, weightKg: 1, levels: ['express'] });
    expect(ask('NOPE')).toThrow(expect.objectContaining({ code: 'UNKNOWN_HUB', details: { field: 'origin' } }));
    expect(ask(ids[0], [ids[1], 'X1', 'X2'])).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_HUB',
        message: "destinations[1]: unknown hub 'X1'",
        details: { field: 'destinations[1]' },
      }),
    );
  });
});
