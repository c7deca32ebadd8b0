/**
 * The starting loads of a plan: the ledger's counters of its dates, read back into the
 * core's LoadTable of the network version planned on (src/plans-pool/starting-loads.ts).
 * Bookings routed and counted by the core come back the same; fields of legs or hubs
 * the version lacks are left out; each call gives a table of its own.
 */
import { holdsOf } from '../../src/capacity/holds';
import { startingLoadsOf } from '../../src/plans-pool/starting-loads';
import type { LoadEntry } from '../../src/plans-pool/task';
import { gramsOf, LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { tinyNetwork } from '../support/tiny-network';
import { at } from '../support/week';

test('the ledger counters of booked routes come back as the loads the core counted', () => {
  const doc = tinyNetwork();
  doc.legs[1].capacityPerDeparture = 5;
  const ix = prepareNetwork(doc);
  const counted = new LoadTable(ix);
  const router = new Router(ix, [], undefined, counted);
  const entries: LoadEntry[] = [];
  const counters = new Map<string, number>();
  for (const [weightKg, readyAt] of [
    [1.5, at('Mon 08:00')],
    [2, at('Mon 08:10')],
    [0.3, at('Tue 23:50')],
  ] as const) {
    const outcome = router.route({ origin: 'HGH', destination: 'SVO', weightKg, readyAt });
    if (outcome.kind !== 'routed') throw new Error(`no route: ${outcome.kind}`);
    counted.apply(reservationsOf(ix, outcome.answer.route, weightKg), 1);
    // What the ledger counts for the booking: a parcel (and its grams) on each field of each date.
    for (const { date, fields } of holdsOf(ix, outcome.answer.route, weightKg).dates) {
      for (const { field } of fields) {
        counters.set(`${date} ${field}`, (counters.get(`${date} ${field}`) ?? 0) + 1);
        if (field.startsWith('p:'))
          counters.set(
            `${date} g${field.slice(1)}`,
            (counters.get(`${date} g${field.slice(1)}`) ?? 0) + gramsOf(weightKg),
          );
      }
    }
  }
  for (const [key, value] of counters) {
    const [date, field] = key.split(' ');
    entries.push([date, field, value]);
  }
  entries.push(['2026-11-23', 'p:GONE-LEG:29924640', 3], ['2026-11-23', 'h:GONE-HUB', 2]);

  const fresh = startingLoadsOf(ix, entries);
  const loads = fresh();
  let checked = 0;
  for (let leg = 0; leg < ix.legCount; leg++) {
    for (let slot = at('Mon 00:00'); slot < at('Thu 00:00'); slot++) {
      expect([loads.parcels(leg, slot), loads.grams(leg, slot)]).toEqual([
        counted.parcels(leg, slot),
        counted.grams(leg, slot),
      ]);
      if (counted.parcels(leg, slot) > 0) checked++;
    }
  }
  for (let hub = 0; hub < ix.hubCount; hub++) {
    for (let day = Math.floor(at('Mon 00:00') / 1440); day < Math.floor(at('Thu 00:00') / 1440); day++) {
      expect(loads.hubParcels(hub, day)).toBe(counted.hubParcels(hub, day));
    }
  }
  expect(checked).toBeGreaterThan(1);
  // A table of its own at each call.
  loads.apply([{ kind: 'hub', hub: 0, day: 1 }], 1);
  expect(fresh().hubParcels(0, 1)).toBe(0);
});
