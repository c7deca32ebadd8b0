/**
 * The daily volume projection: parcels per day at the rate of the last minute.
 * Counting a parcel is one addition to a running total. Once a second a timer
 * writes the total and the time into a ring of snapshots; a scrape compares
 * the total now with the oldest snapshot, a minute old, using the times
 * actually recorded (a late timer under load does not skew the rate). In a
 * process younger than a minute, what it answered so far is spread over a
 * whole minute, so a fresh process does not extrapolate a few parcels wildly.
 */

/** The rate is taken over this many seconds. */
const WINDOW_SECONDS = 60;
/** Snapshots kept, one a second: the latest and the 60 before it. */
const SLOTS = WINDOW_SECONDS + 1;
const SECONDS_PER_DAY = 86_400;

/** The daily volume the service is built for (FACTS.md): a billion parcels. */
export const DAILY_VOLUME_TARGET = 1e9;

export class VolumeMeter {
  private total = 0;
  private readonly times = new Float64Array(SLOTS);
  private readonly totals = new Float64Array(SLOTS);
  private next = 0;
  private taken = 0;

  /** @param clock milliseconds since the epoch. @defaultValue Date.now */
  constructor(private readonly clock: () => number = Date.now) {
    this.tick();
  }

  /** Counts `parcels` answered. */
  add(parcels: number): void {
    this.total += parcels;
  }

  /** Takes a snapshot of the total; meant to be called once a second. */
  tick(): void {
    this.times[this.next] = this.clock();
    this.totals[this.next] = this.total;
    this.next = (this.next + 1) % SLOTS;
    this.taken = Math.min(this.taken + 1, SLOTS);
  }

  /** Parcels per day at the rate of the last minute. */
  perDay(): number {
    const oldest = this.taken < SLOTS ? 0 : this.next;
    const seconds = Math.max(WINDOW_SECONDS, (this.clock() - this.times[oldest]) / 1000);
    return ((this.total - this.totals[oldest]) / seconds) * SECONDS_PER_DAY;
  }
}

/** The meter of this process: every parcel answered, sync or batch. */
export const volume = new VolumeMeter();
setInterval(() => volume.tick(), 1000).unref();
