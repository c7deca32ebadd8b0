/**
 * The daily volume projection: parcels per day at the rate of the last minute.
 * A ring of per-second counts (the last 60 whole seconds and the current one),
 * so that counting a parcel costs one clock read and one addition, and a
 * scrape sums 60 slots. Slots of seconds without parcels are zeroed lazily
 * when the clock moves past them.
 */

/** Whole seconds the rate is taken over. */
const WINDOW_SECONDS = 60;
const SLOTS = WINDOW_SECONDS + 1;
const SECONDS_PER_DAY = 86_400;

/** The daily volume the service is built for (FACTS.md): a billion parcels. */
export const DAILY_VOLUME_TARGET = 1e9;

export class VolumeMeter {
  private readonly slots = new Float64Array(SLOTS);
  private second: number;

  /** @param clock milliseconds since the epoch. @defaultValue Date.now */
  constructor(private readonly clock: () => number = Date.now) {
    this.second = this.now();
  }

  /** Counts `parcels` in the current second. */
  add(parcels: number): void {
    this.advance(this.now());
    this.slots[this.second % SLOTS] += parcels;
  }

  /** Parcels per day at the rate of the last 60 whole seconds. */
  perDay(): number {
    this.advance(this.now());
    const current = this.second % SLOTS;
    let sum = 0;
    for (let i = 0; i < SLOTS; i++) if (i !== current) sum += this.slots[i];
    return (sum * SECONDS_PER_DAY) / WINDOW_SECONDS;
  }

  private now(): number {
    return Math.floor(this.clock() / 1000);
  }

  private advance(second: number): void {
    if (second <= this.second) return;
    const passed = Math.min(second - this.second, SLOTS);
    for (let i = 1; i <= passed; i++) this.slots[(this.second + i) % SLOTS] = 0;
    this.second = second;
  }
}

/** The meter of this process: every parcel answered, sync or batch. */
export const volume = new VolumeMeter();
