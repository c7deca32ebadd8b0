/**
 * POST /v1/bookings, GET and DELETE /v1/bookings/:id for bookings made one at a time
 * (CONTRACT §5): the level's route over what has room, booked in one step.
 *
 * Making a booking: route on this process's view; reserve on each date the route
 * holds, grouped with the other requests of the moment (LedgerGroups). A booking's
 * record is written confirmed on its last date, in the call that reserves that date, and
 * then it is answered 201. A booking of several dates reserves the dates before its last
 * first, marked unsettled on each, and its last date once they all hold it; the marks
 * are taken off after the answer. A date that refuses (it filled since the view was read) sends the booking back: what
 * it took elsewhere is released, the view has the date's current counts, and the route
 * is found again, up to ROUTE_ATTEMPTS times (contention), then NO_CAPACITY. A process
 * that stops half way leaves marks that UnsettledResolver turns into released holds.
 */
import { bookingJson } from '../api/booking-response';
import { fieldError } from '../api/validation-error';
import { routeParcel } from '../api/route-parcel';
import { AppError } from '../errors';
import { recordBooking } from '../metrics/recorder';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { IdempotencyKeys } from '../redis/idempotency-keys';
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { newBookingNonce, parseBookingId, singleBookingId, type BookingRef } from './booking-id';
import { decodeRecord, encodeRecord, type BookingRecord } from './booking-record';
import { dateOfMinute } from './dates';
import { holdsOf, type BookingHolds } from './holds';
import type { Ledger } from './ledger';
import type { LedgerGroups } from './ledger-groups';
import type { LoadsView } from './loads-view';
import { STALE_MS, type UnsettledResolver } from './unsettled-resolver';

/** Times a booking is routed again after a date refused it, before NO_CAPACITY. */
export const ROUTE_ATTEMPTS = 4;
/** The run token of bookings made one at a time (batch chunks have one per run). */
const SINGLE_RUN = '-';

/** The network a booking is routed on: the live network's snapshot. */
export interface RoutingNetwork {
  require(): { version: string; router: Router };
}

export interface BookingRequest {
  query: RouteQuery;
  parcelId?: string;
  /** A hash of the request body, with an Idempotency-Key ('' without): a replayed key must come with the same one. */
  bodyHash: string;
  /** idempotencyHash() of the Idempotency-Key header, when there is one. */
  idempotencyHash?: string;
}

export interface BookingAnswer {
  bookingId: string;
  /** The answer as JSON text: the route response with bookingId and bookedAt. */
  json: string;
  /** False when an Idempotency-Key gave back a booking made before. */
  created: boolean;
}

export interface BookingServiceDeps {
  redis: RedisClient;
  ledger: Ledger;
  view: LoadsView;
  groups: LedgerGroups;
  resolver: UnsettledResolver;
  network: RoutingNetwork;
  idempotency: IdempotencyKeys;
}

export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  /** Books the request's route; throws NO_ROUTE, NO_CAPACITY, UNKNOWN_HUB, CONFLICT (a key), UNAVAILABLE (Redis). */
  async book(request: BookingRequest): Promise<BookingAnswer> {
    // The ledger names dates from 1970 on (booking ids carry them).
    if (request.query.readyAt < 0) throw fieldError('readyAt', 'a booking must be ready in 1970 or later');
    const nonce = newBookingNonce();
    let bound: string | undefined;
    if (request.idempotencyHash) {
      // A key used before answers before anything is routed: its booking, or 409.
      const earlier = await needRedis(this.deps.redis, () =>
        this.deps.idempotency.current(request.idempotencyHash as string),
      );
      const replay = earlier === undefined ? undefined : await this.replay(request, request.idempotencyHash, earlier);
      if (replay) return replay;
    }
    try {
      for (let attempt = 1; ; attempt++) {
        const network = this.deps.network.require();
        const answer = routeParcel('sync', network.router, request.query);
        const holds = holdsOf(network.router.index, answer.route, request.query.weightKg);
        if (holds.dates.length === 0)
          holds.dates.push({ date: dateOfMinute(request.query.readyAt), fields: [], reservations: [] });
        const dates = holds.dates.map((d) => d.date);
        const id = singleBookingId(dates[dates.length - 1], nonce);
        if (request.idempotencyHash) {
          const claimed = await this.claimKey(request, request.idempotencyHash, `${id} ${request.bodyHash}`, bound);
          if (typeof claimed === 'object') return claimed;
          bound = claimed;
        }
        const json = bookingJson(answer, network.version, request.parcelId, id, new Date().toISOString());
        if (await this.reserve(id, holds, json)) {
          recordBooking('booked');
          return { bookingId: id, json, created: true };
        }
        if (attempt === ROUTE_ATTEMPTS) {
          throw new AppError(
            'NO_CAPACITY',
            `no route from ${request.query.origin} to ${request.query.destination} kept its room: other bookings took it first ${ROUTE_ATTEMPTS} times; try again`,
          );
        }
      }
    } catch (err) {
      if (err instanceof AppError && err.code === 'NO_CAPACITY') recordBooking('no_capacity');
      // A key stays bound when Redis failed mid-booking: its replay then finds what was made.
      if (bound && request.idempotencyHash && err instanceof AppError && err.status < 500) {
        await this.deps.idempotency.release(request.idempotencyHash, bound).catch(() => undefined);
      }
      throw err;
    }
  }

  /** The answer of a confirmed booking; NOT_FOUND naming it otherwise. */
  async get(ref: Extract<BookingRef, { kind: 'single' }>): Promise<string> {
    const record = await this.current(ref);
    if (record?.state !== 'C') throw notFound(ref.id, record);
    return record.json;
  }

  /** Releases a confirmed booking: its capacity is free again once this resolves. NOT_FOUND when there is none to release. */
  async release(ref: Extract<BookingRef, { kind: 'single' }>): Promise<void> {
    const { ledger, resolver } = this.deps;
    const nonce = newBookingNonce();
    const before = await needRedis(this.deps.redis, () => ledger.moveRecord(ref.home, ref.id, 'C', 'R', true, nonce));
    const record = before === undefined ? undefined : decodeRecord(before);
    if (record?.state !== 'C') {
      if (record?.state === 'R') await resolver.resolveIfStale(ref.home, ref.id);
      throw notFound(ref.id, record);
    }
    await needRedis(this.deps.redis, () => resolver.releaseAll(ref.id, record.dates, ref.home, 'released'));
    recordBooking('released');
  }

  /** The booking's record; a release that stopped half way is finished first. */
  private async current(ref: Extract<BookingRef, { kind: 'single' }>): Promise<BookingRecord | undefined> {
    const { ledger, resolver } = this.deps;
    return needRedis(this.deps.redis, async () => {
      const text = await ledger.record(ref.home, ref.id);
      const record = text === undefined ? undefined : decodeRecord(text);
      if (record?.state !== 'R' || !(await resolver.resolveIfStale(ref.home, ref.id))) return record;
      const after = await ledger.record(ref.home, ref.id);
      return after === undefined ? undefined : decodeRecord(after);
    });
  }

  /**
   * Reserves the booking (its answer `json`) on each of its dates, its last date once every
   * other has it; false when a date refused (then nothing of it is left held). Throws
   * UNAVAILABLE when Redis fails, or when the booking took so long that a resolver gave it up.
   */
  private async reserve(id: string, holds: BookingHolds, json: string): Promise<boolean> {
    const { groups, view, resolver } = this.deps;
    const dates = holds.dates.map((d) => d.date);
    const home = dates[dates.length - 1];
    // The record is written confirmed, with the last date's hold, by the call that reserves
    // that date: a booking of one date is made in that one call. The dates before it are
    // reserved first, each marked unsettled there, so that a process stopping before its
    // last date leaves marks for a resolver to find. A stop between that call and the
    // answer leaves the booking made: its Idempotency-Key finds it.
    const record = encodeRecord({ state: 'C', createdMs: Date.now(), dates, json });
    const reserveOn = ({ date, fields }: BookingHolds['dates'][number]): Promise<string> => {
      const last = date === home;
      const request = {
        id,
        token: SINGLE_RUN,
        grams: holds.grams,
        fields,
        mark: !last,
        record: last ? record : undefined,
      };
      return groups.reserve(date, request, holds);
    };
    view.hold(holds);
    const outcomes: string[] = [];
    let lastSent = false;
    try {
      await needRedis(this.deps.redis, async () => {
        outcomes.push(...(await Promise.all(holds.dates.slice(0, -1).map(reserveOn))));
        if (outcomes.includes('f')) return;
        lastSent = true;
        outcomes.push(await reserveOn(holds.dates[dates.length - 1]));
      });
    } catch (err) {
      // Before the last date's call nothing is made: what the dates before it hold is given back
      // (left marked, for a resolver, should that fail too). Once that call is sent its outcome
      // stands, whatever it was: the booking is made or not, whole either way, as the marks left
      // on the dates before it let a resolver find (a replay of its Idempotency-Key finds it too).
      if (!lastSent) void resolver.releaseAll(id, dates.slice(0, -1), home, '').catch(() => undefined);
      throw err;
    } finally {
      view.unhold(holds);
    }
    // Held already ('h') is this booking too: its id is this request's own, and a call that
    // Redis ran but whose reply the connection lost is sent again by the client.
    if (outcomes.includes('x')) return this.givenUp(id, dates, home);
    if (outcomes.includes('f')) {
      await needRedis(this.deps.redis, () =>
        resolver.releaseAll(
          id,
          dates.filter((_, i) => outcomes[i] !== undefined && outcomes[i] !== 'f'),
          home,
          'drop',
        ),
      );
      return false;
    }
    // Made: the marks go after the answer (a stop first leaves them on a confirmed booking,
    // which a resolver takes them off).
    for (const date of dates.slice(0, -1)) void groups.unmark(date, id).catch(() => undefined);
    return true;
  }

  /**
   * A booking that took so long to make (a stall of a minute) that a resolver gave it up:
   * what it still holds is released, and it is not answered as booked.
   */
  private async givenUp(id: string, dates: readonly string[], home: string): Promise<never> {
    await needRedis(this.deps.redis, () => this.deps.resolver.releaseAll(id, dates, home, 'drop'));
    throw new AppError('UNAVAILABLE', 'the booking took too long to make and was given up; try again');
  }

  /**
   * Binds the Idempotency-Key to `value`, "<booking id> <body hash>", stamped with Redis's
   * time (or moves it there from `bound`, the value of an earlier attempt). Returns the
   * value bound, or the booking the key made before.
   */
  private async claimKey(
    request: BookingRequest,
    hash: string,
    value: string,
    bound: string | undefined,
  ): Promise<string | BookingAnswer> {
    const { idempotency } = this.deps;
    if (bound !== undefined) {
      const moved = await needRedis(this.deps.redis, () => idempotency.rebindStamped(hash, bound, value));
      if (moved !== undefined) return moved;
      throw new AppError(
        'CONFLICT',
        'Idempotency-Key: another request took this key over while the booking was made; retry',
        { field: 'idempotency-key' },
      );
    }
    const now = await needRedis(this.deps.redis, () => idempotency.bindStamped(hash, value));
    if (now.bound) return now.value;
    return (await this.replay(request, hash, now.value)) ?? this.claimKey(request, hash, value, undefined);
  }

  /**
   * What a key bound before (to `now`) answers: the booking it made, or 409 (another body,
   * released, still being made). Undefined when the request that bound it stopped before
   * making anything (60 s ago by Redis's clock, whatever this process's): the key is free again.
   */
  private async replay(request: BookingRequest, hash: string, now: string): Promise<BookingAnswer | undefined> {
    const { idempotency } = this.deps;
    const [earlierId, earlierBody] = now.split(' ');
    if (earlierBody !== request.bodyHash) {
      throw new AppError('CONFLICT', `Idempotency-Key: already used with another body (booking ${earlierId})`, {
        field: 'idempotency-key',
      });
    }
    const ref = parseBookingId(earlierId);
    const record = ref?.kind === 'single' ? await this.current(ref) : undefined;
    if (record?.state === 'C') return { bookingId: earlierId, json: record.json, created: false };
    if (record?.state === 'R' || record?.state === 'X') {
      throw new AppError(
        'CONFLICT',
        `Idempotency-Key: its booking ${earlierId} was released; send a new key to book again`,
        { field: 'idempotency-key' },
      );
    }
    if (record && record.state !== 'G') throw stillBeingMade();
    // Freed when the request that bound the key stopped before making anything (or its booking was
    // given up), a minute after it last bound the key. It may only have stalled: with no record yet,
    // its booking is given up first, so that it cannot make it afterwards, and the key names one
    // booking at most.
    if (!record && ref?.kind === 'single') {
      const age = await needRedis(this.deps.redis, () => idempotency.ageOf(hash, now, STALE_MS));
      if (age === 'fresh') throw stillBeingMade();
      if (age === 'changed') return undefined;
      const meanwhile = await needRedis(this.deps.redis, () => this.deps.ledger.giveUp(ref.home, ref.id, ref.home));
      if (meanwhile !== undefined) return this.replay(request, hash, now);
    }
    const age = await needRedis(this.deps.redis, () => idempotency.ageOf(hash, now, STALE_MS, true));
    if (age === 'fresh') throw stillBeingMade();
    return undefined;
  }
}

function stillBeingMade(): AppError {
  return new AppError(
    'CONFLICT',
    'a booking with this Idempotency-Key is still being made; retry when that request has answered',
    { field: 'idempotency-key' },
  );
}

function notFound(id: string, record: BookingRecord | undefined): AppError {
  const why = record?.state === 'R' || record?.state === 'X' ? 'it was released' : 'unknown, or expired';
  return new AppError('NOT_FOUND', `no booking '${id}' (${why})`, { field: 'bookingId' });
}
