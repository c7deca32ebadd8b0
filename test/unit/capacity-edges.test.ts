/**
 * The pure parts of the capacity edges (src/capacity): what a booking holds by date,
 * booking ids and dates, the capacity report of a date (its departures checked against
 * the test oracle's own reading of the schedule on random networks), what a new network
 * leaves affected, and the fullest departures and hub-days the gauges show.
 */
import { affectedLoads } from '../../src/capacity/affected';
import { runBookingId, parseBookingId, singleBookingId } from '../../src/capacity/booking-id';
import { decodeRecord, encodeRecord } from '../../src/capacity/booking-record';
import { capacityReport, scheduledDepartures } from '../../src/capacity/capacity-report';
import { dateOfMinute, dayOfDate, expiryOf } from '../../src/capacity/dates';
import { holdsOf } from '../../src/capacity/holds';
import { fullest } from '../../src/capacity/utilisation';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { createRng } from '../../src/synthetic/prng';
import { routeOf } from '../support/oracle-check';
import { nextDeparture } from '../support/oracle-schedule';
import { randomNetwork } from '../support/random-network';
import { hub, leg, sketch } from '../support/sketch';
import { at } from '../support/week';

const network = sketch(
  [hub('A', { capacityPerDay: 10 }), hub('B'), hub('C', { capacityPerDay: 4 })],
  [
    leg('AB', 'A', 'B', {
      departures: ['09:00', '23:30'],
      days: [1, 2, 3, 4, 5],
      capacityPerDeparture: 4,
      capacityKgPerDeparture: 2.5,
    }),
    leg('BC', 'B', 'C', { capacityPerDeparture: 2 }),
    leg('CA', 'C', 'A'),
  ],
);
const ix = prepareNetwork(network);
const TUESDAY = Math.floor(at('Tue 00:00') / MINUTES_PER_DAY);

describe('what a booking holds, by date', () => {
  it('names every departure slot and hub-day of the route, with its declared capacity or -1, grouped by UTC date', () => {
    const route = routeOf(new Router(ix), {
      origin: 'A',
      destination: 'C',
      weightKg: 1.2,
      readyAt: at('Tue 20:00'),
    }).route;
    const { index, ...holds } = holdsOf(ix, route, 1.2);
    expect(index).toBe(ix);
    const reservations = reservationsOf(ix, route, 1.2);
    expect(reservations).toHaveLength(4);
    expect(holds).toEqual({
      grams: 1200,
      dates: [
        {
          date: '2026-11-24',
          fields: [
            { field: `p:AB:${at('Tue 23:30')}`, parcels: 4, grams: 2500 },
            { field: 'h:A', parcels: 10, grams: -1 },
          ],
          reservations: [reservations[0], reservations[1]],
        },
        // The shuttle leaves at 00:30: its slot is the hour from 00:00.
        {
          date: '2026-11-25',
          fields: [
            { field: `p:BC:${at('Wed 00:00')}`, parcels: 2, grams: -1 },
            { field: 'h:B', parcels: -1, grams: -1 },
          ],
          reservations: [reservations[2], reservations[3]],
        },
      ],
    });
  });
});

describe('booking ids, records and dates', () => {
  it('names where a booking is kept, and nothing else', () => {
    const single = singleBookingId('2026-11-25', 'A'.repeat(22));
    expect(parseBookingId(single)).toEqual({ kind: 'single', id: single, home: '2026-11-25' });
    const parcel = runBookingId('5c1e2f6a-0000-4000-8000-000000000000', 12, 345);
    expect(parseBookingId(parcel)).toEqual({
      kind: 'run',
      id: parcel,
      runId: '5c1e2f6a-0000-4000-8000-000000000000',
      chunk: 12,
      index: 345,
    });
    for (const bad of ['20261325-AAAAAAAAAAAAAAAAAAAAAA', '20261125-short', 'affected', 'a.b', 'x.1.2.3', ''])
      expect(parseBookingId(bad)).toBeUndefined();
  });

  it('keeps a record whole through its encoding', () => {
    const record = {
      state: 'C' as const,
      createdMs: 1_700_000_000_000,
      dates: ['2026-11-24', '2026-11-25'],
      json: '{"a":"b\\nc"}',
    };
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('reads only real calendar dates, and keeps a date its retention after it ends or after now', () => {
    expect(['2026-02-28', '2024-02-29', '1970-01-01'].map(dayOfDate).every((d) => d !== undefined)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-11-31', '26-11-24', '2026-1-24', '1969-12-31'].map(dayOfDate)).toEqual(
      Array(6).fill(undefined),
    );
    expect(dateOfMinute(at('Tue 23:59'))).toBe('2026-11-24');
    const endOfTuesday = Date.UTC(2026, 10, 25) / 1000;
    expect(expiryOf('2026-11-24', 3, Date.UTC(2026, 10, 1))).toBe(endOfTuesday + 3 * 86_400);
    expect(expiryOf('2026-11-24', 3, Date.UTC(2026, 11, 1))).toBe(Date.UTC(2026, 11, 1) / 1000 + 3 * 86_400);
  });
});

describe('the capacity report of a date', () => {
  it('lists each scheduled departure the oracle finds that day, on random networks and days', () => {
    const rng = createRng(91);
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const doc = randomNetwork(rng);
      const index = prepareNetwork(doc);
      const day = TUESDAY + rng.int(-3, 10);
      doc.legs.forEach((l) => {
        const expected: number[] = [];
        const plain = { ...l, cutoffMinutes: 0 };
        for (let t = day * MINUTES_PER_DAY; (l.departures ?? []).length > 0;) {
          const d = nextDeparture(plain, t, [], (day + 1) * MINUTES_PER_DAY - 1);
          if (d === null || d >= (day + 1) * MINUTES_PER_DAY) break;
          expected.push(d);
          t = d + 1;
        }
        expect([l.id, scheduledDepartures(index, index.legByCode.get(l.id) as number, day)]).toEqual([l.id, expected]);
        checked += expected.length;
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('lists departures and hub-days with a declared capacity or a booking, filtered by leg or hub', () => {
    const counters = new Map([
      [`p:AB:${at('Tue 09:00')}`, 3],
      [`g:AB:${at('Tue 09:00')}`, 2400],
      [`p:BC:${at('Tue 10:00')}`, 1],
      [`g:BC:${at('Tue 10:00')}`, 700],
      [`p:GONE:${at('Tue 11:00')}`, 2],
      [`g:GONE:${at('Tue 11:00')}`, 2000],
      ['h:A', 3],
      ['h:B', 1],
    ]);
    const report = capacityReport(ix, TUESDAY, counters);
    expect(report.departures).toEqual([
      { legId: 'AB', departAt: at('Tue 09:00'), capacity: 4, capacityKg: 2.5, booked: 3, bookedKg: 2.4 },
      { legId: 'BC', departAt: at('Tue 10:00'), capacity: 2, capacityKg: null, booked: 1, bookedKg: 0.7 },
      { legId: 'GONE', departAt: at('Tue 11:00'), capacity: null, capacityKg: null, booked: 2, bookedKg: 2 },
      { legId: 'AB', departAt: at('Tue 23:30'), capacity: 4, capacityKg: 2.5, booked: 0, bookedKg: 0 },
    ]);
    expect(report.hubs).toEqual([
      { hubId: 'A', capacity: 10, booked: 3 },
      { hubId: 'B', capacity: null, booked: 1 },
      { hubId: 'C', capacity: 4, booked: 0 },
    ]);
    expect(capacityReport(ix, TUESDAY, counters, { legId: 'BC' })).toEqual({
      departures: [report.departures[1]],
      hubs: [report.hubs[1]],
    });
    expect(capacityReport(ix, TUESDAY, counters, { hubId: 'A' })).toEqual({
      departures: [report.departures[0], report.departures[3]],
      hubs: [report.hubs[0]],
    });
    // Saturday: AB runs on weekdays only.
    expect(capacityReport(ix, TUESDAY + 4, new Map()).departures).toEqual([]);
  });
});

describe('what a new network version leaves affected', () => {
  it('names the reason of each departure and hub-day it no longer serves as booked', () => {
    const counters = new Map([
      [`p:GONE:${at('Tue 09:00')}`, 1],
      [`p:AB:${at('Tue 10:00')}`, 1],
      [`p:AB:${at('Tue 09:00')}`, 5],
      [`p:BC:${at('Tue 12:00')}`, 2],
      [`p:BC:${at('Tue 13:00')}`, 1],
      [`p:CA:${at('Tue 14:00')}`, 1],
      ['h:A', 11],
      ['h:C', 4],
      ['h:GONE', 1],
    ]);
    const closures = [
      { legId: 'BC', from: at('Tue 13:00'), until: at('Tue 14:00') },
      { hubId: 'C', from: at('Tue 14:00'), until: at('Tue 15:00') },
    ];
    const affected = affectedLoads(ix, closures, counters);
    expect(affected.departures.map((d) => [d.legId, d.departAt, d.reason])).toEqual([
      ['AB', at('Tue 09:00'), 'over-capacity'],
      ['GONE', at('Tue 09:00'), 'leg-gone'],
      ['AB', at('Tue 10:00'), 'departure-gone'],
      ['BC', at('Tue 13:00'), 'leg-closed'],
      ['CA', at('Tue 14:00'), 'hub-closed'],
    ]);
    expect(affected.hubs.map((h) => [h.hubId, h.reason])).toEqual([
      ['A', 'over-capacity'],
      ['GONE', 'hub-gone'],
    ]);
  });
});

describe('the fullest departures and hub-days', () => {
  it('ranks today and tomorrow by the larger of parcels and weight, leaves other days and undeclared capacities out', () => {
    const now = Date.UTC(2026, 10, 24, 12);
    const values: Record<string, Map<string, number>> = {
      '2026-11-24': new Map([
        [`p:AB:${at('Tue 09:00')}`, 1],
        [`g:AB:${at('Tue 09:00')}`, 2000],
        [`p:BC:${at('Tue 10:00')}`, 1],
        [`p:CA:${at('Tue 10:00')}`, 50],
        ['h:A', 9],
        ['h:B', 9],
      ]),
      '2026-11-25': new Map([['h:C', 1]]),
      '2026-11-26': new Map([['h:A', 10]]),
    };
    const top = fullest(ix, (date) => values[date] ?? new Map(), 2, now);
    expect(top.departures).toEqual([
      { legId: 'AB', departAt: '2026-11-24T09:00:00Z', utilisation: 0.8 },
      { legId: 'BC', departAt: '2026-11-24T10:00:00Z', utilisation: 0.5 },
    ]);
    expect(top.hubs).toEqual([
      { hubId: 'A', date: '2026-11-24', utilisation: 0.9 },
      { hubId: 'C', date: '2026-11-25', utilisation: 0.25 },
    ]);
  });
});
