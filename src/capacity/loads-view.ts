/**
 * One process's view of what is booked, kept within CAPACITY_REFRESH_MS of the ledger:
 * the LoadTable its Router reads (CONTRACT §5: quotes use the bookings as the process
 * last saw them, at most 1 s old).
 *
 * - Every refresh it reads the registry of watched dates (a date joins it when it is
 *   first booked) and, for each date, the log entries after the last one it applied
 *   (XREAD): the new values of the fields each change made. A gap in their seq (the log
 *   was trimmed, or Redis restarted) or a new date reads the date whole (HGETALL).
 * - What this process's own ledger calls answer is applied at once (apply).
 * - Bookings being made here count before the ledger has them (hold): a chunk's earlier
 *   parcels for its later ones, and one request's for the others of its group.
 *
 * The view never decides what may be booked: only the ledger's scripts change counters.
 * A stale or wrong view costs a refused reservation and a second routing, never an
 * oversold departure.
 */
import { LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import { dayOfDate } from './dates';
import { gramsField, parseField, type BookingHolds } from './holds';
import type { FieldValue, Ledger } from './ledger';

/** Log entries read per call; a date with more waiting is read again at once. */
const READ_COUNT = 1000;

export interface ViewLog {
  warn(obj: object, msg: string): void;
  info(msg: string): void;
}

interface DateState {
  /** The ledger's values of the date's fields (0 = absent). */
  readonly values: Map<string, number>;
  seq: number;
  lastId: string;
  /** False until the date has been read whole. */
  synced: boolean;
}

export class LoadsView {
  private index: NetworkIndex | undefined;
  private table: LoadTable | undefined;
  private readonly dates = new Map<string, DateState>();
  /** Bookings being made by this process, not yet answered by the ledger: date → field → amount. */
  private readonly held = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly ledger: Ledger,
    private readonly refreshMs: number,
    private readonly log?: ViewLog,
  ) {}

  /** The loads the Router of `index` reads, kept up to date from now on (the table of the version before is not). */
  tableFor(index: NetworkIndex): LoadTable {
    this.index = index;
    this.table = new LoadTable(index);
    for (const [date, state] of this.dates) for (const field of state.values.keys()) this.mirror(date, field);
    for (const [date, fields] of this.held) for (const field of fields.keys()) this.mirror(date, field);
    return this.table;
  }

  /** Reads the watched dates once (when Redis answers), then keeps refreshing. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  /** The ledger's values of a date's fields, as last seen (`p:`/`g:` departure slots, `h:` hubs). */
  valuesOf(date: string): ReadonlyMap<string, number> {
    return this.dates.get(date)?.values ?? new Map<string, number>();
  }

  /** Applies values a ledger call of this process answered with; a date new to the view is read whole at the next refresh. */
  apply(date: string, values: readonly FieldValue[]): void {
    const state = this.stateOf(date);
    for (const [field, value] of values) this.set(state, date, field, value);
  }

  /** Counts a booking being made here (sign 1) until the ledger has answered for it (sign −1). */
  hold(holds: BookingHolds, sign: 1 | -1): void {
    for (const { date, fields } of holds.dates) {
      let deltas = this.held.get(date);
      if (!deltas) this.held.set(date, (deltas = new Map()));
      for (const { field } of fields) {
        this.add(deltas, field, sign);
        if (field.startsWith('p:')) this.add(deltas, gramsField(field), sign * holds.grams);
        this.mirror(date, field);
      }
      if (deltas.size === 0) this.held.delete(date);
    }
  }

  /** Brings the view up to date with the ledger. Never rejects: on failure the view stays as it was. */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshAll().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshAll(): Promise<void> {
    try {
      const watched = new Set(await this.ledger.watchedDates());
      for (const date of watched) this.stateOf(date);
      for (const date of [...this.dates.keys()]) if (!watched.has(date) && !this.held.has(date)) this.forget(date);
      await Promise.all([...this.dates.keys()].map((date) => this.follow(date)));
      if (this.failing) this.log?.info('capacity ledger reachable again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.log?.warn({ err }, 'cannot refresh the view of the loads; quotes use the one in memory');
      this.failing = true;
    }
  }

  /** Applies a date's new log entries; reads it whole when it is new or an entry was missed. */
  private async follow(date: string): Promise<void> {
    const state = this.stateOf(date);
    for (;;) {
      if (!state.synced) return this.sync(date, state);
      const entries = await this.ledger.changes(date, state.lastId, READ_COUNT);
      for (const entry of entries) {
        if (entry.seq !== state.seq + 1) {
          state.synced = false;
          break;
        }
        for (const [field, value] of entry.values) this.set(state, date, field, value);
        state.seq = entry.seq;
        state.lastId = entry.id;
      }
      if (state.synced && entries.length < READ_COUNT) return;
    }
  }

  private async sync(date: string, state: DateState): Promise<void> {
    const snapshot = await this.ledger.snapshot(date);
    const fresh = new Map(snapshot.values);
    for (const field of state.values.keys()) if (!fresh.has(field)) this.set(state, date, field, 0);
    for (const [field, value] of fresh) this.set(state, date, field, value);
    state.seq = snapshot.seq;
    state.lastId = snapshot.lastId;
    state.synced = true;
  }

  private stateOf(date: string): DateState {
    let state = this.dates.get(date);
    if (!state) this.dates.set(date, (state = { values: new Map(), seq: 0, lastId: '0-0', synced: false }));
    return state;
  }

  /** Drops a date that left the registry (its ledger expired). */
  private forget(date: string): void {
    const state = this.dates.get(date);
    if (!state) return;
    for (const field of [...state.values.keys()]) this.set(state, date, field, 0);
    this.dates.delete(date);
  }

  private set(state: DateState, date: string, field: string, value: number): void {
    if (value === 0) state.values.delete(field);
    else state.values.set(field, value);
    this.mirror(date, field);
  }

  private add(deltas: Map<string, number>, field: string, amount: number): void {
    const value = (deltas.get(field) ?? 0) + amount;
    if (value === 0) deltas.delete(field);
    else deltas.set(field, value);
  }

  /** What the Router sees of a field: the ledger's value plus what is being booked here. */
  private seen(date: string, field: string): number {
    return (this.dates.get(date)?.values.get(field) ?? 0) + (this.held.get(date)?.get(field) ?? 0);
  }

  /** Copies a field into the table, in the leg and hub numbers of its network version. */
  private mirror(date: string, field: string): void {
    const { table, index } = this;
    if (!table || !index) return;
    const parsed = parseField(field);
    if (parsed.kind === 'hub') {
      const hub = index.hubByCode.get(parsed.hubId);
      const day = dayOfDate(date);
      if (hub !== undefined && day !== undefined) table.setHubDay(hub, day, this.seen(date, field));
    } else if (parsed.kind !== 'other') {
      const leg = index.legByCode.get(parsed.legId);
      if (leg === undefined) return;
      const parcels = `p${field.slice(1)}`;
      table.setSlot(leg, parsed.slot, this.seen(date, parcels), this.seen(date, gramsField(parcels)));
    }
  }
}
