/**
 * The capacity rules of the capacity rules (docs/network.md), one by one, on networks drawn by hand: what is
 * full, where the parcel goes instead, NO_CAPACITY against NO_ROUTE, what a booking
 * takes, and that a sweep made before a release is not used after it.
 */
import { gramsOf, LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { NetworkDocument, RouteAnswer, RouteQuery } from '../../src/routing/types';
import { routeOf } from '../support/oracle-check';
import { hub, leg, sketch } from '../support/sketch';
import { at } from '../support/week';

function setUp(network: NetworkDocument) {
  const index = prepareNetwork(network);
  const loads = new LoadTable(index);
  const router = new Router(index, [], undefined, loads);
  const book = (query: RouteQuery): RouteAnswer => {
    const answer = routeOf(router, query);
    loads.apply(reservationsOf(index, answer.route, query.weightKg), 1);
    return answer;
  };
  return { index, loads, router, book };
}

const query = (fields: Partial<RouteQuery> = {}): RouteQuery => ({
  origin: 'A',
  destination: 'B',
  weightKg: 1,
  readyAt: at('Mon 08:00'),
  ...fields,
});
const departures = (answer: RouteAnswer): number[] => answer.route.legs.map((l) => l.departAt);

describe('what is full, and where the parcel goes instead', () => {
  const scheduled = sketch(
    [hub('A'), hub('B')],
    [leg('AB', 'A', 'B', { departures: ['09:00', '12:00'], capacityPerDeparture: 2 })],
  );

  it('fills a departure with its capacity in parcels (exactly full still fits), then takes the next', () => {
    const { book } = setUp(scheduled);
    expect(departures(book(query()))).toEqual([at('Mon 09:00')]);
    expect(departures(book(query()))).toEqual([at('Mon 09:00')]);
    expect(departures(book(query()))).toEqual([at('Mon 12:00')]);
  });

  it('fills a departure by weight: a heavy parcel waits where a light one still fits', () => {
    const network = sketch(
      [hub('A'), hub('B')],
      [leg('AB', 'A', 'B', { departures: ['09:00', '12:00'], capacityKgPerDeparture: 10 })],
    );
    const { book, router } = setUp(network);
    expect(departures(book(query({ weightKg: 7 })))).toEqual([at('Mon 09:00')]);
    expect(departures(routeOf(router, query({ weightKg: 3.5 })))).toEqual([at('Mon 12:00')]);
    expect(departures(book(query({ weightKg: 3 })))).toEqual([at('Mon 09:00')]);
  });

  it('counts a continuous leg per UTC clock hour, and leaves at the start of the next hour with room', () => {
    const network = sketch([hub('A'), hub('B')], [leg('AB', 'A', 'B', { capacityPerDeparture: 1 })]);
    const { book } = setUp(network);
    expect(departures(book(query({ readyAt: at('Mon 08:20') })))).toEqual([at('Mon 08:20')]);
    expect(departures(book(query({ readyAt: at('Mon 08:40') })))).toEqual([at('Mon 09:00')]);
  });

  it("counts a hub's parcels per UTC day of departure, and moves to the next day when it is full", () => {
    const network = sketch(
      [hub('A', { capacityPerDay: 1 }), hub('B')],
      [leg('AB', 'A', 'B', { departures: ['09:00', '12:00'] })],
    );
    const { book } = setUp(network);
    expect(departures(book(query()))).toEqual([at('Mon 09:00')]);
    expect(departures(book(query()))).toEqual([at('Tue 09:00')]);
  });

  it('counts weights in whole grams, rounded up', () => {
    expect([gramsOf(1.1), gramsOf(0.0001), gramsOf(2), gramsOf(0.1 + 0.2)]).toEqual([1100, 1, 2000, 300]);
  });
});

describe('no room against no route', () => {
  it('answers no-capacity when routes exist but none has room, no-route when none exists', () => {
    const network = sketch(
      [hub('A'), hub('B'), hub('C')],
      [leg('AB', 'A', 'B', { capacityKgPerDeparture: 5 }), leg('CA', 'C', 'A')],
    );
    const { router } = setUp(network);
    expect(router.route(query({ weightKg: 6 }))).toEqual({ kind: 'no-capacity' });
    expect(router.route(query({ destination: 'C' }))).toEqual({ kind: 'no-route' });
  });

  it('falls back, for standard, to the express route that has room, late', () => {
    const network = sketch(
      [hub('A'), hub('B')],
      [
        leg('CHEAP', 'A', 'B', { departures: ['09:00'], capacityPerDeparture: 1, durationMinutes: 60 }),
        leg('DEAR', 'A', 'B', { departures: ['10:00'], costPerParcel: 5, durationMinutes: 2000 }),
      ],
    );
    const { book } = setUp(network);
    const deadline = at('Mon 12:00');
    expect(book(query({ deadline })).route.legs.map((l) => l.legId)).toEqual(['CHEAP']);
    const late = book(query({ deadline }));
    // CHEAP's next departure (Tuesday 09:00) arrives before DEAR's (Monday 10:00 + 2,000 minutes).
    expect({ legs: late.route.legs.map((l) => l.legId), meetsDeadline: late.meetsDeadline }).toEqual({
      legs: ['CHEAP'],
      meetsDeadline: false,
    });
    expect(departures(late)).toEqual([at('Tue 09:00')]);
  });
});

describe('what a booking takes', () => {
  it('one parcel and its grams on every departure slot, one parcel on every hub-day it leaves', () => {
    const network = sketch(
      [hub('A'), hub('B'), hub('C')],
      [leg('AB', 'A', 'B', { departures: ['23:30'] }), leg('BC', 'B', 'C')],
    );
    const { index, router } = setUp(network);
    const answer = routeOf(router, query({ destination: 'C', weightKg: 2.5 }));
    const legOf = (id: string) => index.legByCode.get(id)!;
    const day = (t: number) => Math.floor(t / 1440);
    expect(reservationsOf(index, answer.route, 2.5)).toEqual([
      { kind: 'departure', leg: legOf('AB'), slot: at('Mon 23:30'), grams: 2500 },
      { kind: 'hub', hub: index.hubByCode.get('A'), day: day(at('Mon 23:30')) },
      // The continuous leg leaves at 00:30 on Tuesday: its slot is that hour.
      { kind: 'departure', leg: legOf('BC'), slot: at('Tue 00:00'), grams: 2500 },
      { kind: 'hub', hub: index.hubByCode.get('B'), day: day(at('Tue 00:30')) },
    ]);
  });
});

describe('sweeps and loads', () => {
  /** A fast departure with room for one, and a slow one with room for all. */
  const network = sketch(
    [hub('A'), hub('B'), hub('C')],
    [
      leg('FAST', 'A', 'B', { departures: ['09:00'], capacityPerDeparture: 1, durationMinutes: 60 }),
      leg('SLOW', 'A', 'B', { departures: ['09:00'], durationMinutes: 600 }),
      leg('AC', 'A', 'C', { departures: ['09:00'] }),
    ],
  );
  const express = (destination: string) => query({ destination, serviceLevel: 'express' });

  it('does not answer from a sweep made before a full departure got room again', () => {
    const { book, loads, index, router } = setUp(network);
    const first = book(express('B'));
    expect(first.route.legs[0]!.legId).toBe('FAST');
    // Enough parcels from A at that time to earn a sweep, made while FAST is full.
    for (let i = 0; i < 200; i++) router.route(express(i % 2 ? 'B' : 'C'));
    const swept = router.sweptAnswers;
    expect(routeOf(router, express('B')).route.legs[0]!.legId).toBe('SLOW');
    expect(router.sweptAnswers).toBeGreaterThan(swept);
    loads.apply(reservationsOf(index, first.route, 1), -1);
    expect(routeOf(router, express('B')).route.legs[0]!.legId).toBe('FAST');
  });

  it('checks the route a sweep chose against the parcel weight and the loads of now', () => {
    const heavy = sketch(
      [hub('A'), hub('B'), hub('C')],
      [
        leg('FAST', 'A', 'B', { departures: ['09:00'], capacityKgPerDeparture: 10, durationMinutes: 60 }),
        leg('SLOW', 'A', 'B', { departures: ['09:00'], durationMinutes: 600 }),
        leg('AC', 'A', 'C', { departures: ['09:00'] }),
      ],
    );
    const { router } = setUp(heavy);
    for (let i = 0; i < 200; i++) router.route(express(i % 2 ? 'B' : 'C'));
    const swept = router.sweptAnswers;
    expect(routeOf(router, express('B')).route.legs[0]!.legId).toBe('FAST');
    expect(router.sweptAnswers).toBeGreaterThan(swept);
    expect(routeOf(router, { ...express('B'), weightKg: 11 }).route.legs[0]!.legId).toBe('SLOW');
  });
});
