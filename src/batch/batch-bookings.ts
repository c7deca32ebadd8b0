/**
 * GET and DELETE /v1/bookings/:id for parcels booked in a batch (`<batchId>.<chunk>.<i>`):
 * a booked parcel's record is its result line, which holds its route, so what it holds
 * follows from it (a departure on each leg's date, the hub-day of the same date). Such a
 * booking can be read and released for as long as the batch's results are kept
 * (RESULTS_TTL); its holds stay in the ledger until its dates expire.
 */
import type { BookingRef } from '../capacity/booking-id';
import { dateOfMinute } from '../capacity/dates';
import type { Ledger } from '../capacity/ledger';
import type { UnsettledResolver } from '../capacity/unsettled-resolver';
import { AppError } from '../errors';
import { recordBooking } from '../metrics/recorder';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import type { RouteResponse } from '../wire/route';
import { isoToMinutes } from '../wire/time';
import { MARK_RELEASED } from './batch-scripts';
import type { ResultsStore } from './results-store';

type BatchRef = Extract<BookingRef, { kind: 'batch' }>;

export class BatchBookings {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly results: ResultsStore,
    private readonly ledger: Ledger,
    private readonly resolver: UnsettledResolver,
  ) {}

  /** The parcel's result line, as the batch results hold it; NOT_FOUND unless it is booked and not released. */
  async get(ref: BatchRef): Promise<string> {
    return (await needRedis(this.redis, () => this.booked(ref))).text;
  }

  /** Releases the parcel's booking; NOT_FOUND unless it is booked and not released yet. */
  async release(ref: BatchRef): Promise<void> {
    const k = this.keys.batch(ref.batchId);
    await needRedis(this.redis, async () => {
      const { dates } = await this.booked(ref);
      const field = `${ref.chunk}.${ref.index}`;
      // Marked unsettled first: a process stopping half way leaves its release to the resolver.
      await this.ledger.mark(dates[dates.length - 1], ref.id);
      if (
        (await this.redis.eval(MARK_RELEASED, 2, k.status, k.releasedBookings, field, `R ${dates.join(',')}`)) !== 1
      ) {
        throw notFound(ref.id, 'it was released');
      }
      await this.resolver.releaseAll(ref.id, dates, '', '');
      await this.redis.hset(k.releasedBookings, field, 'X');
    });
    recordBooking('released');
  }

  /** The booked parcel's line and the dates it holds. */
  private async booked(ref: BatchRef): Promise<{ text: string; dates: string[] }> {
    const [lines, released] = await Promise.all([
      this.results.read(ref.batchId, ref.chunk),
      this.redis.hget(this.keys.batch(ref.batchId).releasedBookings, `${ref.chunk}.${ref.index}`),
    ]);
    const text = lines?.toString('utf8').split('\n')[ref.index];
    const line = text ? (JSON.parse(text) as Partial<RouteResponse> & { bookingId?: string }) : undefined;
    if (!line?.route || line.bookingId !== ref.id)
      throw notFound(ref.id, 'unknown, not booked, or expired with its batch');
    if (released) throw notFound(ref.id, 'it was released');
    const minutes = line.route.legs.length ? line.route.legs.map((leg) => leg.departAt) : [line.route.departAt];
    const dates = [...new Set(minutes.map((iso) => dateOfMinute(isoToMinutes(iso, 'down') ?? 0)))].sort();
    return { text: text as string, dates };
  }
}

function notFound(id: string, why: string): AppError {
  return new AppError('NOT_FOUND', `no booking '${id}' (${why})`, { field: 'bookingId' });
}
