/**
 * Finishes what a process left half done when it stopped (a crash, a kill, Redis lost
 * mid-call): bookings of several dates being made are marked unsettled on each date before
 * their last (atomically with their holds there; the call that reserves the last date
 * writes the booking's record, confirmed, and a booking of one date is made in that one
 * call, unmarked), bookings being released are marked on their last date, and a mark
 * older than STALE_MS is taken over by
 * whichever process looks first: the sweep every process runs every SWEEP_MS over the
 * watched dates, or a call that meets the booking (GET, DELETE, an Idempotency-Key replay).
 *
 * What a stale mark becomes, by the record on the booking's last date:
 * - none (that date was not reserved yet): the booking was never made, so it is given up
 *   first, in one step on that date: a G record is written there. Its process may only
 *   have stalled, and may then reserve that date: the G record makes that call fail, so
 *   the booking cannot be made once given up. Then what the marked date holds is given
 *   back (each marked date is resolved by its own mark);
 * - given up or released: what the marked date holds is given back;
 * - releasing: its release is finished;
 * - confirmed: only the mark goes (left by a stop between the answer and the unmarking).
 * A parcel of a booked batch or plan is marked only while DELETE releases it; its release is finished.
 */
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { redisNowMs } from '../redis/redis-time';
import { recordBooking } from '../metrics/recorder';
import { parseBookingId, placeOf, type BookingRef, type RunRef } from './booking-id';
import { decodeRecord } from './booking-record';
import type { Ledger, RecordRule } from './ledger';
import type { LoadsView } from './loads-view';

/** A mark untouched for this long belongs to a process that stopped. */
export const STALE_MS = 60_000;
/** How often each process looks for stale marks. */
const SWEEP_MS = 10_000;
/** Marks resolved per date and sweep at most. */
const SWEEP_LIMIT = 100;

export interface ResolverLog {
  warn(obj: object, msg: string): void;
}

export class UnsettledResolver {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly ledger: Ledger,
    private readonly view: LoadsView,
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly log?: ResolverLog,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Resolves every stale mark of the watched dates (at most SWEEP_LIMIT a date). Never rejects. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepAll()
      .catch((err: unknown) => this.log?.warn({ err }, 'cannot resolve unsettled bookings now; trying again later'))
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  /** Takes over a booking marked on `date` when its mark is stale; false when it is not (or no longer) marked so. */
  async resolveIfStale(date: string, id: string): Promise<boolean> {
    if (!(await this.ledger.claim(date, id, STALE_MS))) return false;
    const ref = parseBookingId(id);
    if (ref) await this.resolve(date, ref);
    else await this.releaseAll(id, [date], '', '');
    return true;
  }

  /**
   * Gives back what `id` holds on each of `dates`; the record, kept on `home`, follows
   * `rule`. `home`'s call goes last, once every other date's has: it takes off the mark
   * there, so that a release stopped half way (a date's Redis unreachable, the process
   * killed) leaves the booking marked, for a resolver to finish.
   */
  async releaseAll(id: string, dates: readonly string[], home: string, rule: RecordRule, token = ''): Promise<void> {
    const release = async (date: string): Promise<void> => {
      const reply = await this.ledger.release(date, [id], token, date === home ? rule : '');
      this.view.apply(date, reply);
    };
    await Promise.all(dates.filter((date) => date !== home).map(release));
    if (dates.includes(home)) await release(home);
  }

  private async sweepAll(): Promise<void> {
    // The candidates by Redis's clock, as CLAIM judges them, whatever this process's clock says.
    const before = (await redisNowMs(this.redis)) - STALE_MS;
    for (const date of await this.ledger.watchedDates()) {
      for (const id of await this.ledger.unsettled(date, before, SWEEP_LIMIT)) await this.resolveIfStale(date, id);
    }
  }

  private async resolve(markedOn: string, ref: BookingRef): Promise<void> {
    if (ref.kind === 'run') return this.resolveRunParcel(markedOn, ref);
    const before = await this.ledger.giveUp(ref.home, ref.id, markedOn);
    const record = before === undefined ? undefined : decodeRecord(before);
    switch (record?.state) {
      case 'C':
        await this.ledger.unmark(markedOn, [ref.id]);
        return;
      case 'R':
        await this.releaseAll(ref.id, record.dates, ref.home, 'released');
        // Counted once: by the resolution of the release's own mark (a DELETE marks the last date
        // alone), not of a mark that a stop after the answer left on a date before it.
        if (markedOn === ref.home) recordBooking('released');
        return;
      default:
        return this.releaseAll(ref.id, [markedOn], ref.home, '');
    }
  }

  private async resolveRunParcel(markedOn: string, ref: RunRef): Promise<void> {
    const field = placeOf(ref);
    // The run is a batch or a plan: the one whose released hash has the parcel.
    for (const released of [this.keys.batch(ref.runId).releasedBookings, this.keys.plan(ref.runId).releasedBookings]) {
      const state = await this.redis.hget(released, field);
      if (!state?.startsWith('R ')) continue;
      // "R <date>,<date>… <the releasing request's nonce>"
      await this.releaseAll(ref.id, state.split(' ')[1].split(','), markedOn, '');
      await this.redis.hset(released, field, 'X');
      recordBooking('released');
      return;
    }
    await this.ledger.unmark(markedOn, [ref.id]);
  }
}
