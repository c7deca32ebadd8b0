/**
 * The register of booked submissions (POST /v1/batches?book=true) being made, and the
 * release of what their chunks booked when a submission is abandoned: by its submitter
 * (it failed part way), or because the submitting process died (SIGKILL, a crash, a host
 * lost) before it committed the batch or cleaned up after it. Workers may have booked and
 * recorded chunks meanwhile, and the chunks still queued release their own runs when
 * they find the batch gone; but what was recorded before would stay held until its
 * dates expire, named by no batch a client can see.
 *
 * So a booked submission is registered while it runs (keys.bookedSubmissions, with its
 * chunk size, which names its parcels' booking ids), and every API process looks over
 * the register every SWEEP_MS:
 * - a batch still submitting is left alone: its submitter renews its lease;
 * - a batch whose status is gone, and whose runs do not say it was committed, was
 *   abandoned (its lease ran out, or its submitter discarded it). Seen so on two sweeps
 *   in a row (the submitter's own cleanup, which releases the same, usually finishes
 *   first), what every run of every chunk held is released (releaseBookedChunks;
 *   releasing twice changes nothing), and it leaves the register;
 * - a committed batch leaves the register, its holds kept: its submitter died between
 *   the commit and taking it off, or its status expired with the results.
 * The runs are kept long enough for that (booking-runs.ts).
 */
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import type { WarningLog } from './abandoned-batches';
import { releaseBookedChunks, type ChunkBookingDeps } from './chunk-booking';

/** How often each API process looks over the register. */
const SWEEP_MS = 10_000;

export class BookedSubmissions {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;
  /** The submissions the last sweep found gone, uncommitted. */
  private gone = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly booking: ChunkBookingDeps,
    private readonly log: WarningLog,
  ) {}

  /** Registers a booked submission begun (its status written), with the chunk size it cuts its parcels by. */
  async register(batchId: string, chunkSize: number): Promise<void> {
    await this.redis.hset(this.keys.bookedSubmissions, batchId, chunkSize);
  }

  /** Takes a submission off the register: committed, or its cleanup done. */
  async forget(batchId: string): Promise<void> {
    await this.redis.hdel(this.keys.bookedSubmissions, batchId);
  }

  /**
   * Releases what every run of every chunk of an abandoned submission held (workers may have
   * booked chunks meanwhile, recorded or not: nothing will name their holds now), then
   * takes it off the register.
   */
  async release(batchId: string, chunkSize: number): Promise<void> {
    await releaseBookedChunks(this.booking, batchId, chunkSize);
    await this.forget(batchId);
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Releases the registered submissions abandoned since the last sweep, and forgets the committed ones. Never rejects. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepAll()
      .catch((err: unknown) =>
        this.log.warn({ err }, 'cannot release abandoned booked submissions now; trying again later'),
      )
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  private async sweepAll(): Promise<void> {
    const registered = await this.redis.hgetall(this.keys.bookedSubmissions);
    const gone = new Set<string>();
    for (const [batchId, chunkSize] of Object.entries(registered)) {
      if (this.stopped) return;
      // One submission that cannot be resolved now does not hold the others up.
      try {
        const state = await this.redis.hget(this.keys.batch(batchId).status, 'state');
        if (state === 'submitting') continue;
        if (state !== null || (await this.booking.runs.committed(batchId))) await this.forget(batchId);
        else if (this.gone.has(batchId)) await this.release(batchId, Number(chunkSize));
        else gone.add(batchId);
      } catch (err) {
        this.log.warn({ err, batchId }, 'cannot resolve an abandoned booked submission now; trying again later');
      }
    }
    this.gone = gone;
  }
}
