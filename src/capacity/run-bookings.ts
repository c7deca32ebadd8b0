/**
 * GET and DELETE /v1/bookings/:id for parcels booked in a run of many: a booked batch
 * (POST /v1/batches?book=true) or a booked plan (POST /v1/plans?book=true), whose ids are
 * `<batchId or planId>.<chunk>.<i>`. A booked parcel's record is its result line, which
 * holds its route, so what it holds follows from it (a departure on each leg's date, the
 * hub-day of the same date). Such a booking can be read and released for as long as its
 * run's results are kept (RESULTS_TTL); its holds stay in the ledger until its dates expire.
 *
 * Each kind of run is a source: where its result lines are, and its keys. A run id names
 * a batch or a plan, never both (both are random UUIDs); the first source that has the
 * parcel's chunk answers.
 */
import { AppError } from '../errors';
import { recordBooking } from '../metrics/recorder';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { RouteResponse } from '../wire/route';
import { isoToMinutes } from '../wire/time';
import { newBookingNonce, placeOf, type RunRef } from './booking-id';
import { dateOfMinute } from './dates';
import type { Ledger } from './ledger';
import type { UnsettledResolver } from './unsettled-resolver';

/** The runs of one kind (batches, plans). */
export interface RunSource {
  /** A chunk's result lines, undefined when this source has no such run or chunk (or they expired). */
  read(runId: string, chunk: number): Promise<Buffer | undefined>;
  /** The run's status hash (its expiry is the released hash's) and its hash of released parcels. */
  keys(runId: string): { status: string; releasedBookings: string };
}

/**
 * Marks a booked parcel of a run as being released, once: its field in the released
 * hash, which lives as long as the run's status. The mark names the request that made it,
 * so that the same call sent again after its reply was lost finds its own mark.
 * KEYS[1] status hash, KEYS[2] released hash; ARGV[1] "<chunk>.<i>", ARGV[2] "R <date>,<date>… <nonce>".
 * Returns 1 when marked (by this call), 0 when it was released (or being released) already.
 */
const MARK_RELEASED = `
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then
  return redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] and 1 or 0
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`;

export class RunBookings {
  constructor(
    private readonly redis: RedisClient,
    private readonly sources: readonly RunSource[],
    private readonly ledger: Ledger,
    private readonly resolver: UnsettledResolver,
  ) {}

  /** The parcel's result line, as the run's results hold it; NOT_FOUND unless it is booked and not released. */
  async get(ref: RunRef): Promise<string> {
    return (await needRedis(this.redis, () => this.booked(ref))).text;
  }

  /** Releases the parcel's booking; NOT_FOUND unless it is booked and not released yet. */
  async release(ref: RunRef): Promise<void> {
    await needRedis(this.redis, async () => {
      const { dates, keys } = await this.booked(ref);
      const field = placeOf(ref);
      // Marked unsettled first: a process stopping half way leaves its release to the resolver.
      await this.ledger.mark(dates[dates.length - 1], ref.id);
      if (
        (await this.redis.eval(
          MARK_RELEASED,
          2,
          keys.status,
          keys.releasedBookings,
          field,
          `R ${dates.join(',')} ${newBookingNonce()}`,
        )) !== 1
      ) {
        throw notFound(ref.id, 'it was released');
      }
      await this.resolver.releaseAll(ref.id, dates, dates[dates.length - 1], '');
      await this.redis.hset(keys.releasedBookings, field, 'X');
    });
    recordBooking('released');
  }

  /** The booked parcel's line, the dates it holds, and its run's keys. */
  private async booked(ref: RunRef): Promise<{ text: string; dates: string[]; keys: ReturnType<RunSource['keys']> }> {
    for (const source of this.sources) {
      const keys = source.keys(ref.runId);
      const [lines, released] = await Promise.all([
        source.read(ref.runId, ref.chunk),
        this.redis.hget(keys.releasedBookings, placeOf(ref)),
      ]);
      if (!lines) continue;
      const text = lines.toString('utf8').split('\n')[ref.index];
      const line = text ? (JSON.parse(text) as Partial<RouteResponse> & { bookingId?: string }) : undefined;
      if (!line?.route || line.bookingId !== ref.id) break;
      if (released) throw notFound(ref.id, 'it was released');
      const minutes = line.route.legs.length ? line.route.legs.map((leg) => leg.departAt) : [line.route.departAt];
      const dates = [...new Set(minutes.map((iso) => dateOfMinute(isoToMinutes(iso, 'down') ?? 0)))].sort();
      return { text: text as string, dates, keys };
    }
    throw notFound(ref.id, 'unknown, not booked, or expired with its batch or plan');
  }
}

function notFound(id: string, why: string): AppError {
  return new AppError('NOT_FOUND', `no booking '${id}' (${why})`, { field: 'bookingId' });
}
