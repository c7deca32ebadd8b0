/**
 * A booking being made is held in the process's view until the ledger answers for each
 * of its dates. A date's answer takes the booking over there in the same step: the loads
 * the router reads count it once, never as the ledger's and as held at the same time,
 * while its other dates are still being asked (other requests route meanwhile). Real
 * Redis; the tiny network with capacities, a route over two UTC dates.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { holdsOf, type BookingHolds } from '../../src/capacity/holds';
import { Ledger, type LedgerReply } from '../../src/capacity/ledger';
import { LoadsView } from '../../src/capacity/loads-view';
import { slotOf, type LoadTable } from '../../src/routing/capacity/loads';
import { prepareNetwork, type NetworkIndex } from '../../src/routing/network/network-index';
import type { RoutePlan } from '../../src/routing/types';
import { keys } from '../../src/redis/keys';
import { DEFAULT_REDIS_URL } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';
import { tinyNetwork } from '../support/tiny-network';
import { at } from '../support/week';

describe('bookings held in the view while the ledger answers', () => {
  let redis: Redis;
  let prefix: string;
  let ledger: Ledger;
  let view: LoadsView;
  let ix: NetworkIndex;
  let table: LoadTable;
  const truck = () => ix.legByCode.get('TRK-HGH-PVG') as number;
  const air = () => ix.legByCode.get('AIR-PVG-SVO') as number;
  // Monday's last hour by truck to Pudong, Tuesday's 10:00 flight on: two UTC dates.
  const route = {
    legs: [
      { legId: 'TRK-HGH-PVG', departAt: at('Mon 23:10') },
      { legId: 'AIR-PVG-SVO', departAt: at('Tue 10:00') },
    ],
  } as unknown as RoutePlan;
  const loads = () => [
    table.parcels(truck(), slotOf(ix, truck(), at('Mon 23:10'))),
    table.hubParcels(ix.hubByCode.get('HGH') as number, Math.floor(at('Mon 23:10') / 1440)),
    table.parcels(air(), at('Tue 10:00')),
    table.hubParcels(ix.hubByCode.get('PVG') as number, Math.floor(at('Tue 10:00') / 1440)),
  ];
  const reserve = (holds: BookingHolds, id: string, at: number): Promise<LedgerReply> => {
    const { date, fields } = holds.dates[at];
    return ledger.reserve(date, [{ id, token: '-', grams: holds.grams, fields }]);
  };

  beforeEach(async () => {
    redis = new Redis(DEFAULT_REDIS_URL);
    prefix = `test:${randomUUID().slice(0, 8)}`;
    ledger = new Ledger(redis, keys(prefix), 1);
    view = new LoadsView(ledger, 60_000);
    const doc = tinyNetwork();
    doc.legs[1].capacityPerDeparture = 3;
    doc.legs[2].capacityPerDeparture = 3;
    ix = prepareNetwork(doc);
    table = view.tableFor(ix);
  });
  afterEach(async () => {
    await view.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('counts a booking once on a date the ledger answered and once, as held, on a date it has not', async () => {
    const first = holdsOf(ix, route, 2);
    expect(first.dates.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24']);
    view.hold(first);
    expect(loads()).toEqual([1, 1, 1, 1]);

    const monday = await reserve(first, 'B1', 0);
    expect(monday.outcomes).toBe('b');
    view.answered('2026-11-23', monday, [first]);
    // Monday's counts are the ledger's now (1), not the ledger's plus the hold (2); Tuesday still held.
    expect(loads()).toEqual([1, 1, 1, 1]);

    const tuesday = await reserve(first, 'B1', 1);
    view.answered('2026-11-24', tuesday, [first]);
    expect(loads()).toEqual([1, 1, 1, 1]);
    view.unhold(first);
    expect(loads()).toEqual([1, 1, 1, 1]);
  });

  it('gives back the hold of a refused booking with the answer that refused it, and what a failed call left held', async () => {
    // The truck's Monday hour is full in the ledger (another process booked it): 3 of 3.
    for (const id of ['X1', 'X2', 'X3']) await reserve(holdsOf(ix, route, 1), id, 0);
    const refused = holdsOf(ix, route, 2);
    view.hold(refused);
    const monday = await reserve(refused, 'B2', 0);
    expect(monday.outcomes).toBe('f');
    view.answered('2026-11-23', monday, [refused]);
    // The ledger's 3 on Monday, nothing of the refused booking; Tuesday still held until given up.
    expect(loads()).toEqual([3, 3, 1, 1]);
    view.unhold(refused);
    expect(loads()).toEqual([3, 3, 0, 0]);
    // Unholding again, or answering for a booking no longer held, changes nothing.
    view.unhold(refused);
    view.answered('2026-11-24', { outcomes: '', seq: 0, values: [] }, [refused]);
    expect(loads()).toEqual([3, 3, 0, 0]);
  });
});
