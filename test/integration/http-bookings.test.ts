/**
 * POST /v1/bookings, GET and DELETE /v1/bookings/:id, GET /v1/capacity and
 * GET /v1/bookings/affected through the app, on real Redis, on a network drawn by hand:
 *
 *   A ──FAST 09:00, 12:00 (2 parcels, 10 kg a departure)──▶ B
 *   A ──NIGHT 23:30──▶ C ──shuttle──▶ B        A ──SMALL (5 kg)──▶ E        F (no legs)
 *   A: 5 parcels a day
 */
import type { Redis } from 'ioredis';
import type { NetworkDocument } from '../../src/routing/types';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { parseExposition, valueOf } from '../support/exposition';
import { hub, leg, sketch } from '../support/sketch';

const network: NetworkDocument = sketch(
  [hub('A', { capacityPerDay: 5 }), hub('B'), hub('C'), hub('E'), hub('F')],
  [
    leg('FAST', 'A', 'B', { departures: ['09:00', '12:00'], capacityPerDeparture: 2, capacityKgPerDeparture: 10 }),
    leg('NIGHT', 'A', 'C', { departures: ['23:30'], costPerParcel: 5 }),
    leg('CB', 'C', 'B'),
    leg('SMALL', 'A', 'E', { capacityKgPerDeparture: 5 }),
  ],
);

const parcel = (fields: Record<string, unknown> = {}) => ({
  origin: 'A',
  destination: 'B',
  weightKg: 1,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
  ...fields,
});

interface Booking {
  bookingId: string;
  bookedAt: string;
  route: { legs: { legId: string; departAt: string }[] };
}

describe('bookings over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network });
  });
  afterAll(() => h.close());

  const book = (body: object, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/v1/bookings', payload: body, headers });
  const capacity = async (query: string) => {
    const res = await h.app.inject({ method: 'GET', url: `/v1/capacity?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  let first: Booking;

  it('books the route and answers 201 with the route, bookingId and bookedAt; GET returns it as it was', async () => {
    const res = await book(parcel({ parcelId: 'P-1' }));
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first).toMatchObject({
      parcelId: 'P-1',
      serviceLevel: 'express',
      bookingId: expect.stringMatching(/^20261124-/),
    });
    expect(Date.parse(first.bookedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(departures(first)).toEqual(['FAST@09:00']);
    expect(res.headers.location).toBe(`/v1/bookings/${first.bookingId}`);
    const get = await h.app.inject({ method: 'GET', url: `/v1/bookings/${first.bookingId}` });
    expect(get.statusCode).toBe(200);
    expect(get.body).toBe(res.body);
  });

  it('fills a departure, then takes the next with room; GET /v1/capacity counts every booking', async () => {
    const second = (await book(parcel())).json();
    const third = (await book(parcel())).json();
    expect([departures(second), departures(third)]).toEqual([['FAST@09:00'], ['FAST@12:00']]);
    const report = await capacity('date=2026-11-24');
    expect(report.departures.filter((d: { legId: string }) => d.legId === 'FAST')).toEqual([
      { legId: 'FAST', departAt: '2026-11-24T09:00:00Z', capacity: 2, capacityKg: 10, booked: 2, bookedKg: 2 },
      { legId: 'FAST', departAt: '2026-11-24T12:00:00Z', capacity: 2, capacityKg: 10, booked: 1, bookedKg: 1 },
    ]);
    expect(report.hubs).toEqual([{ hubId: 'A', capacity: 5, booked: 3 }]);
  });

  it('books a route over two dates: its id carries the last one, and each date counts its part', async () => {
    const res = await book(parcel({ weightKg: 11 }));
    expect(res.statusCode).toBe(201);
    const night: Booking = res.json();
    expect(departures(night)).toEqual(['NIGHT@23:30', 'CB@00:30']);
    expect(night.bookingId).toMatch(/^20261125-/);
    const tuesday = await capacity('date=2026-11-24&hubId=A');
    expect(tuesday.hubs).toEqual([{ hubId: 'A', capacity: 5, booked: 4 }]);
    expect(tuesday.departures.find((d: { legId: string }) => d.legId === 'NIGHT')).toMatchObject({
      booked: 1,
      bookedKg: 11,
      capacity: null,
    });
    const wednesday = await capacity('date=2026-11-25&legId=CB');
    expect(wednesday.departures).toEqual([
      { legId: 'CB', departAt: '2026-11-25T00:00:00Z', capacity: null, capacityKg: null, booked: 1, bookedKg: 11 },
    ]);
  });

  it('moves to the next day when the hub-day is full', async () => {
    const fifth = (await book(parcel())).json();
    expect(departures(fifth)).toEqual(['FAST@12:00']);
    const sixth = (await book(parcel())).json();
    expect(departures(sixth)).toEqual(['FAST@09:00']);
    expect(sixth.route.legs[0].departAt).toBe('2026-11-25T09:00:00Z');
  });

  it('answers NO_CAPACITY when routes exist but none has room, NO_ROUTE when none exists', async () => {
    const heavy = await book(parcel({ destination: 'E', weightKg: 6 }));
    expect(heavy.statusCode).toBe(422);
    expect(heavy.json().error).toBe('NO_CAPACITY');
    const nowhere = await book(parcel({ destination: 'F' }));
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().error).toBe('NO_ROUTE');
  });

  it('DELETE frees the capacity at once; a second DELETE, and GET after it, answer 404', async () => {
    const before = (await capacity('date=2026-11-24&legId=FAST')).departures[0];
    const res = await h.app.inject({ method: 'DELETE', url: `/v1/bookings/${first.bookingId}` });
    expect(res.statusCode).toBe(204);
    const after = (await capacity('date=2026-11-24&legId=FAST')).departures[0];
    expect(after.booked).toBe(before.booked - 1);
    // The quote sees the room again (this process's view had the release at once).
    const quote = await h.app.inject({ method: 'POST', url: '/v1/routes', payload: parcel() });
    expect(departures(quote.json())).toEqual(['FAST@09:00']);
    for (const method of ['DELETE', 'GET'] as const) {
      const again = await h.app.inject({ method, url: `/v1/bookings/${first.bookingId}` });
      expect(again.statusCode).toBe(404);
      expect(again.json().message).toContain(first.bookingId);
      expect(again.json().message).toContain('released');
    }
  });

  it('gives back the same booking for a replayed Idempotency-Key, and 409 for the key with another body', async () => {
    const key = { 'idempotency-key': 'order-42' };
    const made = await book(parcel({ parcelId: 'K' }), key);
    expect(made.statusCode).toBe(201);
    const replay = await book(parcel({ parcelId: 'K' }), key);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toBe(made.body);
    // The same body serialised again by the client, its keys in another order: the same body still.
    const reordered = Object.fromEntries(Object.entries(parcel({ parcelId: 'K' })).reverse());
    const again = await book(reordered, key);
    expect([again.statusCode, again.body]).toEqual([200, made.body]);
    const other = await book(parcel({ parcelId: 'K', weightKg: 2 }), key);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ error: 'CONFLICT', field: 'idempotency-key' });
    // Another key books again.
    const fresh = await book(parcel({ parcelId: 'K' }), { 'idempotency-key': 'order-43' });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().bookingId).not.toBe(made.json().bookingId);
  });

  it('answers a booking id over its 100 characters with a 400 naming it, in the catalogue', async () => {
    const long = await h.app.inject({ method: 'GET', url: `/v1/bookings/${'x'.repeat(101)}` });
    expect([long.statusCode, long.json().message]).toEqual([400, 'bookingId: must not have more than 100 characters']);
    // Past what the router takes at all: still the catalogue's 400, not Fastify's 414.
    const huge = await h.app.inject({ method: 'DELETE', url: `/v1/bookings/${'x'.repeat(2000)}` });
    expect([huge.statusCode, huge.json().error]).toEqual([400, 'VALIDATION']);
    expect(huge.json().message).toMatch(/^path: /);
  });

  it('counts bookings by outcome, and shows the fullest departures and hub-days of today and tomorrow, with no booking id in a label', async () => {
    const now = await book({ origin: 'A', destination: 'B', weightKg: 1 });
    expect(now.statusCode).toBe(201);
    const departAt = now.json().route.legs[0].departAt;
    const exposition = parseExposition((await h.app.inject({ method: 'GET', url: '/metrics' })).body);
    for (const outcome of ['booked', 'no_capacity', 'released'])
      expect(valueOf(exposition, 'parcel_bookings_total', { outcome })).toBeGreaterThan(0);
    expect(valueOf(exposition, 'parcel_departure_utilisation', { leg: 'FAST', departs: departAt })).toBe(0.5);
    expect(valueOf(exposition, 'parcel_hub_day_utilisation', { hub: 'A', date: departAt.slice(0, 10) })).toBe(0.2);
    const labels = exposition.samples.flatMap((sample) => Object.values(sample.labels));
    expect(labels.filter((value) => value.includes(now.json().bookingId))).toEqual([]);
  });

  it('confirms a booking in the script call that reserves its last date, after its first date for a booking of two', async () => {
    const days = ['2026-11-27', '2026-11-28'].map((date) => h.keys.capacityDate(date));
    const ours = new Set(days.flatMap((k) => [k.load, k.records, k.unsettled]));
    const monitor = await (h.redis as Redis).monitor();
    // MONITOR shows commands in the order Redis ran them: once it shows the marker, it has shown the booking's.
    const marker = `${days[0].load}:marker`;
    let marked = false;
    const scripts: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0].toLowerCase() === 'evalsha' && ours.has(args[3])) scripts.push(args[3]);
      if (args[1] === marker) marked = true;
    });
    const scriptsOf = async (body: object) => {
      scripts.length = 0;
      const res = await book(body);
      expect(res.statusCode).toBe(201);
      // What is sent after the answer (the marks taken off) has gone once the groups are drained.
      await h.capacity.groups.drain();
      marked = false;
      await h.redis.get(marker);
      await waitFor(() => marked);
      return { legs: departures(res.json()), scripts: [...scripts], id: res.json().bookingId as string };
    };
    try {
      const one = await scriptsOf(parcel({ readyAt: '2026-11-27T08:00:00Z' }));
      // Reserve alone: its record written confirmed, no unsettled mark.
      expect({ legs: one.legs, scripts: one.scripts }).toEqual({ legs: ['FAST@09:00'], scripts: [days[0].load] });
      const two = await scriptsOf(parcel({ readyAt: '2026-11-27T08:00:00Z', weightKg: 11 }));
      // Reserve the first date (marked), then the last with the record; after the answer, the first date's mark goes.
      expect({ legs: two.legs, scripts: two.scripts }).toEqual({
        legs: ['NIGHT@23:30', 'CB@00:30'],
        scripts: [days[0].load, days[1].load, days[0].unsettled],
      });
      for (const { id } of [one, two]) {
        expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` })).statusCode).toBe(200);
      }
      expect(await Promise.all(days.map((k) => h.redis.zcard(k.unsettled)))).toEqual([0, 0]);
    } finally {
      monitor.disconnect();
    }
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const cases: [
      string,
      () => Promise<{ statusCode: number; json(): { error: string; message: string } }>,
      number,
      string,
    ][] = [
      [
        'unknown id',
        () => h.app.inject({ method: 'GET', url: '/v1/bookings/20261124-AAAAAAAAAAAAAAAAAAAAAA' }),
        404,
        '20261124-AAAAAAAAAAAAAAAAAAAAAA',
      ],
      ['not an id', () => h.app.inject({ method: 'DELETE', url: '/v1/bookings/nope' }), 404, "'nope'"],
      ['a bad id', () => h.app.inject({ method: 'GET', url: '/v1/bookings/a%20b' }), 400, 'bookingId'],
      [
        'a date that is no date',
        () => h.app.inject({ method: 'GET', url: '/v1/capacity?date=2026-02-30' }),
        400,
        'date',
      ],
      ['a date in words', () => h.app.inject({ method: 'GET', url: '/v1/capacity?date=tomorrow' }), 400, 'date'],
      ['no date', () => h.app.inject({ method: 'GET', url: '/v1/capacity' }), 400, 'date'],
      [
        'an affected date',
        () => h.app.inject({ method: 'GET', url: '/v1/bookings/affected?date=2026-13-01' }),
        400,
        'date',
      ],
      ['an empty Idempotency-Key', () => book(parcel(), { 'idempotency-key': '' }), 400, 'idempotency-key'],
      ['a long Idempotency-Key', () => book(parcel(), { 'idempotency-key': 'k'.repeat(256) }), 400, 'idempotency-key'],
      ['a bad weight', () => book(parcel({ weightKg: 0 })), 400, 'weightKg'],
      ['an unknown hub', () => book(parcel({ origin: 'ZZZ' })), 422, 'ZZZ'],
    ];
    for (const [name, call, status, named] of cases) {
      const res = await call();
      expect({ name, status: res.statusCode, names: res.json().message.includes(named) }).toEqual({
        name,
        status,
        names: true,
      });
    }
  });
});

describe('bookings across processes and network versions', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await startApp({ network });
    b = await startApp({ prefix: a.prefix });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("a booking made on one instance is in the other's quotes within its refresh", async () => {
    const quote = async () =>
      (await b.app.inject({ method: 'POST', url: '/v1/routes', payload: parcel() })).json().route.legs[0].departAt;
    expect(await quote()).toBe('2026-11-24T09:00:00Z');
    for (let i = 0; i < 2; i++)
      expect((await a.app.inject({ method: 'POST', url: '/v1/bookings', payload: parcel() })).statusCode).toBe(201);
    await waitFor(async () => (await quote()) === '2026-11-24T12:00:00Z', 3000);
  });

  it('keeps the bookings of a leg the new network version drops, and lists them as affected', async () => {
    const booked = (await a.app.inject({ method: 'POST', url: '/v1/bookings', payload: parcel() })).json() as Booking;
    expect(departures(booked)).toEqual(['FAST@12:00']);
    const next = {
      ...network,
      legs: network.legs.filter((l) => l.id !== 'FAST'),
      hubs: network.hubs.map((h) => ({ ...h, capacityPerDay: h.id === 'A' ? 2 : undefined })),
    };
    const upload = await a.app.inject({ method: 'PUT', url: '/v1/network', payload: next, headers: a.admin });
    expect(upload.statusCode).toBe(200);
    await waitFor(() => b.live.current?.version === upload.json().version, 3000);
    const res = await b.app.inject({ method: 'GET', url: '/v1/bookings/affected?date=2026-11-24' });
    expect(res.statusCode).toBe(200);
    const affected = res.json();
    expect(
      affected.departures.map((d: { legId: string; departAt: string; reason: string; booked: number }) => [
        d.legId,
        d.departAt,
        d.reason,
        d.booked,
      ]),
    ).toEqual([
      ['FAST', '2026-11-24T09:00:00Z', 'leg-gone', 2],
      ['FAST', '2026-11-24T12:00:00Z', 'leg-gone', 1],
    ]);
    expect(affected.departures[1].bookings).toEqual([booked.bookingId]);
    expect(affected.hubs).toEqual([
      {
        hubId: 'A',
        capacity: 2,
        booked: 3,
        reason: 'over-capacity',
        bookings: expect.arrayContaining([booked.bookingId]),
      },
    ]);
    // The booking itself is kept as it was.
    expect((await b.app.inject({ method: 'GET', url: `/v1/bookings/${booked.bookingId}` })).statusCode).toBe(200);
  });
});

function departures(b: Booking): string[] {
  return b.route.legs.map((l) => `${l.legId}@${l.departAt.slice(11, 16)}`);
}
