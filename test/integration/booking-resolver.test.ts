/**
 * What a process that stopped half way leaves behind, and how the next process that
 * looks resolves it (UnsettledResolver): the Redis state a stop leaves at each point of
 * making or releasing a booking is written by the ledger's own calls, its marks made a
 * minute old, then swept (or met by a call):
 * - reserved on its first date only (its last never was): given up there (a G record),
 *   released on the first;
 * - its process only stalled, and reserves its last date while (or after) a resolver gives
 *   it up: refused there, so never answered 201, and nothing left held, even when both
 *   the resolver and the process stop before releasing;
 * - made on every date, its marks left (a stop between the answer and the unmarking): the
 *   marks go, the booking stays;
 * - DELETE begun, not finished: released, the record marked released;
 * - a key bound by a request that stopped before booking: a later request takes it over.
 */
import { Redis } from 'ioredis';
import { parseBookingId } from '../../src/capacity/booking-id';
import { encodeRecord } from '../../src/capacity/booking-record';
import { BookingService } from '../../src/capacity/booking-service';
import { Ledger, type RecordRule, type ReserveRequest } from '../../src/capacity/ledger';
import { LedgerGroups } from '../../src/capacity/ledger-groups';
import { parseRouteRequest } from '../../src/api/route-request';
import { UnsettledResolver } from '../../src/capacity/unsettled-resolver';
import { IdempotencyKeys, bodyHash, idempotencyHash } from '../../src/redis/idempotency-keys';
import { redisNowMs } from '../../src/redis/redis-time';
import type { FieldCapacity } from '../../src/capacity/holds';
import type { NetworkDocument } from '../../src/routing/types';
import { isoToMinutes } from '../../src/wire/time';
import { startApp, type Harness } from '../support/app-harness';
import { auditLedger, heldIds } from '../support/ledger-audit';
import { hub, leg, sketch } from '../support/sketch';

const network: NetworkDocument = sketch(
  [hub('A', { capacityPerDay: 10 }), hub('B'), hub('C')],
  [
    leg('NIGHT', 'A', 'C', { departures: ['23:30'], capacityPerDeparture: 10 }),
    leg('CB', 'C', 'B', { capacityPerDeparture: 10 }),
  ],
);
const PARCEL = { origin: 'A', destination: 'B', weightKg: 1, readyAt: '2026-11-24T08:00:00Z' };
/** What the night route holds: NIGHT at 23:30 on Tuesday and A's Tuesday; CB's hour from 00:00 on Wednesday and C's Wednesday. */
const TUESDAY: FieldCapacity[] = [
  { field: `p:NIGHT:${isoToMinutes('2026-11-24T23:30:00Z', 'down')}`, parcels: 10, grams: -1 },
  { field: 'h:A', parcels: 10, grams: -1 },
];
const WEDNESDAY: FieldCapacity[] = [
  { field: `p:CB:${isoToMinutes('2026-11-25T00:00:00Z', 'down')}`, parcels: 10, grams: -1 },
  { field: 'h:C', parcels: -1, grams: -1 },
];

/** Sets this process's clock (Date alone) `ms` ahead of Redis's (behind, when negative), until jest.useRealTimers(). */
function clockAhead(ms: number): void {
  jest.useFakeTimers({
    now: Date.now() + ms,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('resolving what a stopped process left', () => {
  let h: Harness;
  let redis: Redis;
  beforeAll(async () => {
    h = await startApp({ network });
    redis = new Redis(h.config.redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await h.close();
  });

  /** Makes a booking's marks a minute old and more, as if the process that made them stopped. */
  async function age(id: string): Promise<void> {
    for (const date of ['2026-11-24', '2026-11-25'])
      await redis.zadd(h.keys.capacityDate(date).unsettled, 'XX', Date.now() - 61_000, id);
  }
  const audit = () => auditLedger(h.redis, h.keys, network);
  const bookWithKey = (payload: object, key: string) =>
    h.app.inject({ method: 'POST', url: '/v1/bookings', payload, headers: { 'idempotency-key': key } });
  const keysOf = () => new IdempotencyKeys(h.redis, h.keys.bookingIdempotency, h.config.resultsTtlSeconds);
  /** A booking service as the app's, over `ledger`: a Ledger that stalls or fails where a test needs it. */
  function bookingsOn(ledger: Ledger, idempotency = keysOf()): BookingService {
    return new BookingService({
      redis: h.redis,
      ledger,
      view: h.capacity.view,
      groups: new LedgerGroups(ledger, h.capacity.view),
      resolver: new UnsettledResolver(ledger, h.capacity.view, h.redis, h.keys),
      network: h.live,
      idempotency,
    });
  }
  /** Books PARCEL through `ledger`, which makes it fail: 503. */
  async function bookingFails(ledger: Ledger): Promise<void> {
    const parsed = parseRouteRequest(PARCEL);
    if (!parsed.ok) throw parsed.error;
    await expect(bookingsOn(ledger).book({ query: parsed.query, bodyHash: '' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  }
  /** Books PARCEL through `ledger`, which makes it fail (503); the id of the one booking then left marked. */
  async function failedAndMarked(ledger: Ledger): Promise<string> {
    await bookingFails(ledger);
    const { unsettled } = await audit();
    expect(unsettled).toHaveLength(1);
    return unsettled[0].split(' ')[1];
  }
  /** The booking holds nothing, and nothing is left unsettled, miscounted or confirmed but partly held. */
  async function expectGone(id: string): Promise<void> {
    const after = await audit();
    expect({
      held: heldIds(after).has(id),
      unsettled: after.unsettled,
      mismatches: after.mismatches,
      partial: after.partial,
    }).toEqual({ held: false, unsettled: [], mismatches: [], partial: [] });
  }
  /** The ledger holds what it held before (`heldBefore`), and nothing is left unsettled or miscounted. */
  async function expectHeldAsBefore(heldBefore: Set<string>): Promise<void> {
    const after = await audit();
    expect({ held: heldIds(after), unsettled: after.unsettled, mismatches: after.mismatches }).toEqual({
      held: heldBefore,
      unsettled: [],
      mismatches: [],
    });
  }
  /** Makes the booking's marks stale and sweeps: then it is gone (expectGone). */
  async function sweptAway(id: string): Promise<void> {
    await age(id);
    await h.capacity.resolver.sweep();
    await expectGone(id);
  }

  /** Reserves the booking's Tuesday, marked unsettled there, as the first of its two dates. */
  const reserveTuesday = (id: string) =>
    h.capacity.ledger.reserve('2026-11-24', [{ id, token: '-', grams: 1000, fields: TUESDAY, mark: true }]);
  /** Reserves its Wednesday, its last date, with its record, confirmed: the call that makes it. */
  const reserveWednesday = (id: string) => {
    const record = encodeRecord({ state: 'C', createdMs: Date.now(), dates: ['2026-11-24', '2026-11-25'], json: '{}' });
    return h.capacity.ledger.reserve('2026-11-25', [{ id, token: '-', grams: 1000, fields: WEDNESDAY, record }]);
  };

  it('takes the marks off a booking made on every date whose process stopped before unmarking it: it stays booked', async () => {
    const id = '20261125-MadeMadeMadeMadeMadeMa';
    await reserveTuesday(id);
    expect((await reserveWednesday(id)).outcomes).toBe('b');
    await h.capacity.resolver.sweep();
    // Made just now: a sweep leaves it to the process making it.
    expect((await audit()).unsettled).toEqual([`2026-11-24 ${id}`]);
    await age(id);
    await h.capacity.resolver.sweep();
    const after = await audit();
    expect({ held: heldIds(after).has(id), unsettled: after.unsettled }).toEqual({ held: true, unsettled: [] });
    expect((await h.capacity.ledger.record('2026-11-25', id))?.[0]).toBe('C');
  });

  it('gives a booking up before releasing it: its last date, reserved while the resolver releases, is refused', async () => {
    const id = '20261125-LateLastLateLastLateLa';
    await reserveTuesday(id);
    await age(id);
    // The process that made it wakes from a minute's stall once the resolver has begun, and reserves its last date.
    let late = '';
    class ReservesMeanwhile extends Ledger {
      override async release(date: string, ids: readonly string[], token?: string, rule?: RecordRule) {
        if (!late) late = (await reserveWednesday(id)).outcomes;
        return super.release(date, ids, token, rule);
      }
    }
    const ledger = new ReservesMeanwhile(h.redis, h.keys, h.config.capacityRetentionDays);
    expect(await new UnsettledResolver(ledger, h.capacity.view, h.redis, h.keys).resolveIfStale('2026-11-24', id)).toBe(
      true,
    );
    // The last date's reservation is what makes the booking: it must not make one given back.
    expect(late).toBe('x');
    await expectGone(id);
    expect((await h.capacity.ledger.record('2026-11-25', id))?.[0]).toBe('G');
  });

  it('refuses the last date of a booking that a resolver gave up before that date was reserved', async () => {
    const id = '20261125-GivenUpGivenUpGivenUpG';
    await reserveTuesday(id);
    await age(id);
    expect(await h.capacity.resolver.resolveIfStale('2026-11-24', id)).toBe(true);
    // Its process wakes and reserves the last date, with the record: refused, so never made.
    expect((await reserveWednesday(id)).outcomes).toBe('x');
    await expectGone(id);
  });

  it('releases a booking whose resolver gave it up and stopped, and whose process, refused, stopped too', async () => {
    const heldBefore = heldIds(await audit());
    // Tuesday is reserved; the process stalls a minute; a resolver takes the mark over and gives
    // the booking up, then stops before releasing; the process wakes, its last date is refused,
    // and it stops before releasing what it holds.
    class BothStop extends Ledger {
      override async reserve(date: string, bookings: readonly ReserveRequest[], chunk?: string) {
        if (date === '2026-11-25') {
          const { id } = bookings[0];
          await age(id);
          expect(await h.capacity.ledger.claim('2026-11-24', id, 60_000)).toBe(true);
          await h.capacity.ledger.giveUp('2026-11-25', id, '2026-11-24');
        }
        return super.reserve(date, bookings, chunk);
      }
      override release(): Promise<never> {
        return Promise.reject(new Error('Connection is closed.'));
      }
    }
    const id = await failedAndMarked(new BothStop(h.redis, h.keys, h.config.capacityRetentionDays));
    // Its mark is left on Tuesday: a minute on, the next sweep releases it.
    await age(id);
    await h.capacity.resolver.sweep();
    await expectHeldAsBefore(heldBefore);
  });

  it('answers 503 to a booking given up by a resolver while it was made, holding nothing', async () => {
    let tuesdayReserved = (): void => undefined;
    const tuesday = new Promise<void>((resolve) => (tuesdayReserved = resolve));
    const heldBefore = heldIds(await audit());
    // Tuesday is reserved; the process stalls a minute; another process's resolver gives the
    // booking up; then the process reserves Wednesday, the date of its record.
    class StallsBeforeWednesday extends Ledger {
      override async reserve(date: string, bookings: readonly ReserveRequest[], chunk?: string) {
        if (date === '2026-11-24') {
          const reply = await super.reserve(date, bookings, chunk);
          tuesdayReserved();
          return reply;
        }
        await tuesday;
        await age(bookings[0].id);
        await h.capacity.resolver.resolveIfStale('2026-11-24', bookings[0].id);
        return super.reserve(date, bookings, chunk);
      }
    }
    await bookingFails(new StallsBeforeWednesday(h.redis, h.keys, h.config.capacityRetentionDays));
    await expectHeldAsBefore(heldBefore);
  });

  it("keeps a booking whole whose last date's call ran but whose reply was lost: made, on each of its dates", async () => {
    // Redis runs the call that reserves the Wednesday (the booking is made there), then the connection
    // drops before its reply, and the Wednesday's node stays out of reach for a release.
    class LastReplyLost extends Ledger {
      override async reserve(date: string, bookings: readonly ReserveRequest[], chunk?: string) {
        const reply = await super.reserve(date, bookings, chunk);
        if (date === '2026-11-25') throw new Error('Connection is closed.');
        return reply;
      }
      override release(date: string, ids: readonly string[], token?: string, rule?: RecordRule) {
        if (date === '2026-11-25') return Promise.reject(new Error('Connection is closed.'));
        return super.release(date, ids, token, rule);
      }
    }
    // Its Tuesday is left marked: a minute on, a resolver finds the booking made, and it stands on both dates.
    const id = await failedAndMarked(new LastReplyLost(h.redis, h.keys, h.config.capacityRetentionDays));
    await age(id);
    await h.capacity.resolver.sweep();
    const after = await audit();
    expect({
      tuesday: after.holds.get('2026-11-24')?.has(id),
      wednesday: after.holds.get('2026-11-25')?.has(id),
      unsettled: after.unsettled,
      partial: after.partial,
    }).toEqual({ tuesday: true, wednesday: true, unsettled: [], partial: [] });
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` })).statusCode).toBe(200);
  });

  it('releases a booking reserved on its first date only', async () => {
    const id = '20261125-HalfHalfHalfHalfHalfHa';
    await h.capacity.ledger.reserve('2026-11-24', [{ id, token: '-', grams: 1000, fields: TUESDAY, mark: true }]);
    await sweptAway(id);
  });

  it('drops a mark left on a confirmed booking, which stays booked', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL });
    expect(res.statusCode).toBe(201);
    const id = res.json().bookingId;
    await h.capacity.ledger.mark('2026-11-24', id);
    await age(id);
    await h.capacity.resolver.sweep();
    const after = await audit();
    expect({ held: heldIds(after).has(id), unsettled: after.unsettled }).toEqual({ held: true, unsettled: [] });
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` })).body).toBe(res.body);
  });

  it('finishes a release that DELETE began', async () => {
    const id = (await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL })).json().bookingId;
    await h.capacity.ledger.moveRecord('2026-11-25', id, 'C', 'R', true, 'a-stopped-delete');
    await age(id);
    // The next process to meet it resolves it: here a GET, before any sweep.
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` })).statusCode).toBe(404);
    await expectGone(id);
    expect((await h.capacity.ledger.record('2026-11-25', id))?.[0]).toBe('X');
  });

  it("judges a mark by Redis's clock: a process whose clock runs ahead takes over nothing being made", async () => {
    const id = '20261125-AheadAheadAheadAheadAh';
    await h.capacity.ledger.reserve('2026-11-24', [{ id, token: '-', grams: 1000, fields: TUESDAY, mark: true }]);
    // Only Date is faked: this process's clock runs ten minutes ahead; Redis's does not.
    clockAhead(10 * 60_000);
    try {
      expect(await h.capacity.resolver.resolveIfStale('2026-11-24', id)).toBe(false);
    } finally {
      jest.useRealTimers();
    }
    expect(heldIds(await audit()).has(id)).toBe(true);
    // A minute on, it is stale by Redis's clock too: released.
    await age(id);
    expect(await h.capacity.resolver.resolveIfStale('2026-11-24', id)).toBe(true);
    expect(heldIds(await audit()).has(id)).toBe(false);
  });

  it("sweeps by Redis's clock: a process whose clock runs behind still finds a stale mark", async () => {
    const id = '20261125-BehindBehindBehindBehi';
    await h.capacity.ledger.reserve('2026-11-24', [{ id, token: '-', grams: 1000, fields: TUESDAY, mark: true }]);
    await age(id);
    clockAhead(-10 * 60_000);
    try {
      await h.capacity.resolver.sweep();
    } finally {
      jest.useRealTimers();
    }
    expect(heldIds(await audit()).has(id)).toBe(false);
  });

  it('leaves a DELETE that failed on one date marked on its last date, for the resolver to finish', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL });
    const id: string = res.json().bookingId;
    // The Tuesday's Redis is out of reach (a master down): its release fails, the Wednesday's would not.
    class TuesdayUnreachable extends Ledger {
      override release(date: string, ids: readonly string[], token?: string, record?: RecordRule) {
        if (date === '2026-11-24') return Promise.reject(new Error('Connection is closed.'));
        return super.release(date, ids, token, record);
      }
    }
    const ledger = new TuesdayUnreachable(h.redis, h.keys, h.config.capacityRetentionDays);
    const bookings = bookingsOn(ledger);
    const ref = parseBookingId(id);
    if (ref?.kind !== 'single') throw new Error(`not a single booking's id: ${id}`);
    await expect(bookings.release(ref)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // Still marked where its record is: a resolver will finish it.
    expect((await audit()).unsettled).toEqual([`2026-11-25 ${id}`]);
    await sweptAway(id);
    expect((await h.capacity.ledger.record('2026-11-25', id))?.[0]).toBe('X');
  });

  it("judges an Idempotency-Key's age by Redis's clock: a process whose clock runs ahead takes over no key in use", async () => {
    const body = { ...PARCEL, parcelId: 'in-use' };
    const hash = bodyHash(body);
    await redis.set(
      h.keys.bookingIdempotency(idempotencyHash('', 'in-use-key')),
      `20261125-InUseInUseInUseInUseIn ${hash} ${await redisNowMs(redis)}`,
    );
    clockAhead(10 * 60_000);
    try {
      const res = await bookWithKey(body, 'in-use-key');
      expect([res.statusCode, res.json().message]).toEqual([409, expect.stringMatching(/still being made/)]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up the booking of a key taken over, so that its request, if it only stalled, cannot make it after', async () => {
    const body = { ...PARCEL, parcelId: 'stalled' };
    const hash = bodyHash(body);
    const keyHash = idempotencyHash('', 'stalled-key');
    let stalled = (): void => undefined;
    const reached = new Promise<void>((resolve) => (stalled = resolve));
    let wake = (): void => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    // The first request binds the key, then stalls before it reserves anything.
    class StallsBeforeReserving extends Ledger {
      override async reserve(date: string, bookings: readonly ReserveRequest[], chunk?: string) {
        stalled();
        await woken;
        return super.reserve(date, bookings, chunk);
      }
    }
    const ledger = new StallsBeforeReserving(h.redis, h.keys, h.config.capacityRetentionDays);
    const idempotency = keysOf();
    const bookings = bookingsOn(ledger, idempotency);
    const parsed = parseRouteRequest(body);
    if (!parsed.ok) throw parsed.error;
    const first = bookings.book({ query: parsed.query, bodyHash: hash, idempotencyHash: keyHash, parcelId: 'stalled' });
    await reached;
    // A minute on (by the key's stamp), the client sends the request again: it takes the key over.
    const bound = (await idempotency.current(keyHash)) as string;
    const aged = `${bound.slice(0, bound.lastIndexOf(' '))} ${(await redisNowMs(redis)) - 61_000}`;
    await redis.set(h.keys.bookingIdempotency(keyHash), aged);
    const again = await bookWithKey(body, 'stalled-key');
    expect(again.statusCode).toBe(201);
    // The first request wakes: its booking was given up, so it is not made, and the key names one booking.
    wake();
    await expect(first).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const firstId = bound.split(' ')[0];
    expect(heldIds(await audit()).has(firstId)).toBe(false);
    expect(heldIds(await audit()).has(again.json().bookingId)).toBe(true);
    expect((await idempotency.current(keyHash))?.split(' ')[0]).toBe(again.json().bookingId);
  });

  it('lets a request take over an Idempotency-Key whose first request stopped before booking', async () => {
    const body = { ...PARCEL, parcelId: 'taken-over' };
    const hash = bodyHash(body);
    const keyHash = idempotencyHash('', 'stopped-key');
    await redis.set(
      h.keys.bookingIdempotency(keyHash),
      `20261125-StoppedStoppedStoppedS ${hash} ${Date.now() - 61_000}`,
    );
    const res = await bookWithKey(body, 'stopped-key');
    expect(res.statusCode).toBe(201);
    const replay = await bookWithKey(body, 'stopped-key');
    expect([replay.statusCode, replay.json().bookingId]).toEqual([200, res.json().bookingId]);
  });
});
