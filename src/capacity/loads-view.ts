/**
 * One process's view of what is booked, kept within CAPACITY_REFRESH_MS of the ledger:
 * the LoadTable its Router reads (CONTRACT §5: quotes use the bookings as the process
 * last saw them, at most 1 s old).
 *
 * - Every refresh it reads the registry of watched dates (a date joins it when it is
 *   first booked) and, for each date, the log entries after the last one it applied
 *   (XREAD): the new values of the fields each change made. A gap in their seq (the log
 *   was trimmed, or Redis restarted) or a new date reads the date whole (HGETALL).
 * - What this process's own ledger calls answer is applied at once (apply), and their
 *   log entries are then skipped.
 * - Bookings being made here count before the ledger has them (hold): a chunk's earlier
 *   parcels for its later ones, and one request's for the others of its group. A date's
 *   answer takes them over there in the same step (answered): the loads never count a
 *   booking twice, as the ledger's and as held, while its other dates are still asked.
 *
 * The view never decides what may be booked: only the ledger's scripts change counters.
 * A stale or wrong view costs a refused reservation and a second routing, never an
 * oversold departure.
 */
import { LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import { dayOfDate } from './dates';
import { gramsField, parseField, type BookingHolds } from './holds';
import { changedValues, type FieldValue, type Ledger, type LedgerReply } from './ledger';

/** Log entries read per call; a date with more waiting is read again at once. */
const READ_COUNT = 1000;

export interface ViewLog {
  warn(obj: object, msg: string): void;
  info(msg: string): void;
}

/**
 * A departure slot or a hub-day of a date as the ledger has it. Each value carries the
 * date's change count (seq) it is as of: a value as of an earlier change never replaces
 * it (a log entry read after the answer of a later call). Its leg or hub number is
 * resolved once per network version.
 */
interface Load {
  /** The departure's parcels field (`p:…`), or the hub's (`h:…`). */
  readonly name: string;
  readonly legId: string | undefined;
  readonly hubId: string | undefined;
  readonly slot: number;
  parcels: number;
  parcelsSeq: number;
  grams: number;
  gramsSeq: number;
  /** Its leg or hub number in `index`; -1 when that version has no such leg or hub. */
  number: number;
  index: NetworkIndex | undefined;
  /** The last setAll that changed it (to mirror each load once). */
  touched: number;
}

interface DateState {
  /** By field name: a departure's `p:` and `g:` fields name the same Load. */
  readonly loads: Map<string, Load>;
  readonly day: number;
  /** The seqs of this process's own calls, whose log entries it has applied already. */
  readonly own: Set<number>;
  seq: number;
  lastId: string;
  /** False until the date has been read whole. */
  synced: boolean;
}

export class LoadsView {
  private index: NetworkIndex | undefined;
  private table: LoadTable | undefined;
  /** Bookings being made by this process, not yet answered by the ledger, in the same network version's numbers. */
  private held: LoadTable | undefined;
  private readonly dates = new Map<string, DateState>();
  /** The bookings held, with the dates (bits by their place in `dates`) the ledger has not answered for yet. */
  private readonly holding = new Map<BookingHolds, number>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private failing = false;
  private round = 0;

  constructor(
    private readonly ledger: Ledger,
    private readonly refreshMs: number,
    private readonly log?: ViewLog,
  ) {}

  /** The loads the Router of `index` reads, kept up to date from now on (the table of the version before is not). */
  tableFor(index: NetworkIndex): LoadTable {
    this.index = index;
    this.table = new LoadTable(index);
    this.held = new LoadTable(index);
    for (const state of this.dates.values()) for (const load of new Set(state.loads.values())) this.mirror(state, load);
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

  /** The ledger's values of a date's fields, as last seen (`p:`/`g:` departure slots, `h:` hubs; none at 0). */
  valuesOf(date: string): ReadonlyMap<string, number> {
    const values = new Map<string, number>();
    for (const load of new Set(this.dates.get(date)?.loads.values() ?? [])) {
      if (load.parcels !== 0) values.set(load.name, load.parcels);
      if (load.grams !== 0) values.set(gramsField(load.name), load.grams);
    }
    return values;
  }

  /** Applies the values a ledger call of this process answered with; a date new to the view is read whole at the next refresh. */
  apply(date: string, reply: LedgerReply): void {
    this.applyReply(date, reply, false);
  }

  /** Counts a booking being made here until the ledger answers for each of its dates (answered), or it is given up (unhold). */
  hold(holds: BookingHolds): void {
    this.holding.set(holds, 2 ** holds.dates.length - 1);
    if (holds.index !== this.index || !this.table || !this.held) return;
    for (const { reservations } of holds.dates) {
      this.held.apply(reservations, 1);
      this.table.apply(reservations, 1);
    }
  }

  /**
   * Applies a reserve call's answer for `date`, and stops holding there the bookings it
   * answered for: they are the ledger's now, or refused. In one step, so that the loads
   * count each once (a booking held here is not also counted as the ledger's).
   */
  answered(date: string, reply: LedgerReply, bookings: readonly BookingHolds[]): void {
    for (const holds of bookings) {
      const at = this.takeDate(holds, date);
      if (at >= 0 && holds.index === this.index) this.held?.apply(holds.dates[at].reservations, -1);
    }
    // Every field the call asked for is mirrored, changed or not: the holds went from some.
    this.applyReply(date, reply, true);
  }

  /** Stops holding what the ledger has not answered for (a booking given up, or a call that failed). */
  unhold(holds: BookingHolds): void {
    const left = this.holding.get(holds);
    if (left === undefined) return;
    this.holding.delete(holds);
    if (holds.index !== this.index || !this.table || !this.held) return;
    holds.dates.forEach(({ reservations }, i) => {
      if ((left & (2 ** i)) === 0) return;
      this.held?.apply(reservations, -1);
      this.table?.apply(reservations, -1);
    });
  }

  /** The place of `date` in a held booking's dates, taken off what it still holds; -1 when it holds nothing there. */
  private takeDate(holds: BookingHolds, date: string): number {
    const left = this.holding.get(holds);
    if (left === undefined) return -1;
    const at = holds.dates.findIndex((d) => d.date === date);
    if (at < 0 || (left & (2 ** at)) === 0) return -1;
    const now = left - 2 ** at;
    if (now === 0) this.holding.delete(holds);
    else this.holding.set(holds, now);
    return at;
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
      // Only dates known before the registry is read can have left it: a date that a booking's
      // answer brings in meanwhile may be missing from a list read before that booking.
      const known = [...this.dates.keys()];
      const watched = new Set(await this.ledger.watchedDates());
      for (const date of watched) this.stateOf(date);
      for (const date of known) if (!watched.has(date)) this.forget(date);
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
          // Missed entries (a trimmed log): read the date whole. Counting from the start again (the
          // date's keys were lost): every value before is out of date, whatever its seq.
          if (entry.seq <= state.seq) for (const load of state.loads.values()) load.parcelsSeq = load.gramsSeq = -1;
          state.synced = false;
          break;
        }
        if (!state.own.delete(entry.seq)) this.setAll(state, changedValues(entry.changes), entry.seq);
        state.seq = entry.seq;
        state.lastId = entry.id;
      }
      if (state.synced && entries.length < READ_COUNT) return;
    }
  }

  private async sync(date: string, state: DateState): Promise<void> {
    const snapshot = await this.ledger.snapshot(date);
    const present = new Set(snapshot.values.map(([field]) => state.loads.get(field)));
    const gone: FieldValue[] = [];
    for (const load of new Set(state.loads.values())) {
      if (!present.has(load)) gone.push([load.name, 0], [gramsField(load.name), 0]);
    }
    this.setAll(state, [...gone, ...snapshot.values], snapshot.seq);
    state.own.clear();
    state.seq = snapshot.seq;
    state.lastId = snapshot.lastId;
    state.synced = true;
  }

  private stateOf(date: string): DateState {
    let state = this.dates.get(date);
    if (!state) {
      state = { loads: new Map(), day: dayOfDate(date) ?? -1, own: new Set(), seq: 0, lastId: '0-0', synced: false };
      this.dates.set(date, state);
    }
    return state;
  }

  /** Drops a date that left the registry (its ledger expired). */
  private forget(date: string): void {
    const state = this.dates.get(date);
    if (!state) return;
    const zeros: FieldValue[] = [...new Set(state.loads.values())].flatMap((load) => [
      [load.name, 0] as const,
      [gramsField(load.name), 0] as const,
    ]);
    this.setAll(state, zeros, Infinity);
    this.dates.delete(date);
  }

  private applyReply(date: string, reply: LedgerReply, mirrorAll: boolean): void {
    const state = this.stateOf(date);
    this.setAll(state, reply.values, reply.seq, mirrorAll);
    if (state.synced && reply.seq > state.seq) state.own.add(reply.seq);
  }

  /**
   * Sets the ledger's values of a date as of `seq` (none older than what the view has),
   * then mirrors each load that changed once (each load named, with `mirrorAll`).
   */
  private setAll(state: DateState, values: readonly FieldValue[], seq: number, mirrorAll = false): void {
    const round = ++this.round;
    const changed: Load[] = [];
    for (const [field, value] of values) {
      const load = state.loads.get(field) ?? this.create(state, field);
      if (!load) continue;
      const grams = field.charCodeAt(0) === 103; /* g */
      let moved = false;
      if (grams && seq >= load.gramsSeq) {
        load.gramsSeq = seq;
        moved = load.grams !== value;
        load.grams = value;
      } else if (!grams && seq >= load.parcelsSeq) {
        load.parcelsSeq = seq;
        moved = load.parcels !== value;
        load.parcels = value;
      }
      if (!moved && !mirrorAll) continue;
      if (load.touched !== round) {
        load.touched = round;
        changed.push(load);
      }
    }
    for (const load of changed) this.mirror(state, load);
  }

  /** A Load for a field met for the first time (a departure's under both its fields' names). */
  private create(state: DateState, field: string): Load | undefined {
    const parsed = parseField(field);
    if (parsed.kind === 'other') return undefined;
    const departure = parsed.kind !== 'hub';
    const name = departure ? `p${field.slice(1)}` : field;
    const load: Load = {
      name,
      legId: departure ? parsed.legId : undefined,
      hubId: departure ? undefined : parsed.hubId,
      slot: departure ? parsed.slot : 0,
      parcels: 0,
      parcelsSeq: -1,
      grams: 0,
      gramsSeq: -1,
      number: -1,
      index: undefined,
      touched: 0,
    };
    state.loads.set(name, load);
    if (departure) state.loads.set(gramsField(name), load);
    return load;
  }

  /** Copies a load into the table, in its network version's numbers: the ledger's value plus what is being booked here. */
  private mirror(state: DateState, load: Load): void {
    const { table, held, index } = this;
    if (!table || !held || !index) return;
    if (load.index !== index) {
      load.index = index;
      load.number =
        (load.legId === undefined ? index.hubByCode.get(load.hubId as string) : index.legByCode.get(load.legId)) ?? -1;
    }
    if (load.number < 0) return;
    if (load.legId === undefined) {
      if (state.day >= 0)
        table.setHubDay(load.number, state.day, load.parcels + held.hubParcels(load.number, state.day));
    } else {
      table.setSlot(
        load.number,
        load.slot,
        load.parcels + held.parcels(load.number, load.slot),
        load.grams + held.grams(load.number, load.slot),
      );
    }
  }
}
