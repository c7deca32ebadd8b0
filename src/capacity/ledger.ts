/**
 * The capacity ledger in Redis, a UTC date at a time (ledger-scripts.ts): reserving and
 * releasing bookings, unmarking those of several dates once made, and reading a date's
 * loads and its log of changes. Each call touches the keys of one date, so one node of a Redis
 * Cluster; calls for several dates are made side by side, never in one pipeline.
 */
import { inOneWrite, type RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { LuaScript } from '../redis/lua-script';
import { newBookingNonce } from './booking-id';
import { expiryOf } from './dates';
import type { FieldCapacity } from './holds';
import { CLAIM, MARK, MOVE_RECORD, RELEASE, RESERVE, UNMARK } from './ledger-scripts';

/** Entries each date's log keeps (about): a process that falls further behind reads the date whole. */
export const LOG_KEPT = 10_000;
/** How often a process renews a date it books in the registry of watched dates. */
const REGISTER_EVERY_MS = 10 * 60_000;

// Reserving and unmarking carry groups of their own (LedgerGroups, a chunk's parcels): sent at once.
const reserveScript = new LuaScript(RESERVE, 'at-once');
const releaseScript = new LuaScript(RELEASE);
const unmarkScript = new LuaScript(UNMARK, 'at-once');
const moveScript = new LuaScript(MOVE_RECORD);
const claimScript = new LuaScript(CLAIM);
const markScript = new LuaScript(MARK);

/** One booking to reserve on a date. */
export interface ReserveRequest {
  id: string;
  /**
   * The run that books it: a retry of a batch chunk releases the holds of the run before
   * it. One script call takes the bookings of one run.
   */
  token: string;
  grams: number;
  fields: readonly FieldCapacity[];
  /** Its record, when this date keeps it. */
  record?: string;
  /** Marks it unsettled on this date, until its last date confirms it (a booking of several dates). */
  mark?: boolean;
}

/** A field of a date's load hash and its value after a change. */
export type FieldValue = readonly [field: string, value: number];

export interface LedgerReply {
  /** One character per booking, in the order given (see the scripts). */
  outcomes: string;
  /** The date's change count after the call. */
  seq: number;
  /** The values after the call: of every field asked (reserve), or of those changed (release). */
  values: FieldValue[];
}

/** What becomes of a booking's record when it is released (see RELEASE). */
export type RecordRule = '' | 'drop' | 'released';

export interface LogEntry {
  id: string;
  seq: number;
  /**
   * The new values as the log holds them, "<field> <value> …" (changedValues reads them):
   * a process skips the entries of its own calls unread.
   */
  changes: string;
}

export interface DateSnapshot {
  values: FieldValue[];
  seq: number;
  /** The log entry the snapshot includes, to read on from ('0-0' when the log is empty). */
  lastId: string;
}

export class Ledger {
  private readonly registered = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** Days a date is kept after it passed (CAPACITY_RETENTION_DAYS). */
    private readonly retentionDays: number,
  ) {}

  /**
   * Books each booking on `date` (all of one run), all or nothing each, in order;
   * registers the date as watched. The parcels of a batch chunk (ids `<chunk>.<i>`) hold
   * together under the chunk's key.
   */
  async reserve(date: string, bookings: readonly ReserveRequest[], chunk = ''): Promise<LedgerReply> {
    const token = bookings[0]?.token ?? '-';
    if (bookings.some((b) => b.token !== token)) throw new RangeError('one reserve call takes the bookings of one run');
    const index = new Map<string, number>();
    const fields: Asked[] = [];
    const perBooking: string[] = [];
    const records: string[] = [];
    const separator = chunk ? ' ' : ',';
    for (const booking of bookings) {
      let numbers = '';
      for (const field of booking.fields) {
        let at = index.get(field.field);
        if (at === undefined) {
          index.set(field.field, (at = fields.length + 1));
          fields.push(new Asked(field));
        }
        fields[at - 1].add(field, booking.grams);
        numbers = numbers ? `${numbers}${separator}${at}` : `${at}`;
      }
      if (chunk) perBooking.push(`\n${booking.id.slice(chunk.length + 1)} ${booking.grams} ${numbers}`);
      else {
        const extra = `${booking.mark ? 'm' : ''}${booking.record ? `r${records.push(booking.record)}` : ''}`;
        perBooking.push(`${booking.id}:${booking.grams}:${numbers}:${extra}`);
      }
    }
    const packed = fields.map((f) => `${f.field} ${f.parcels} ${f.grams} ${f.asked} ${f.askedGrams}`).join(' ');
    this.register(date);
    const args = [this.expireAt(date), LOG_KEPT, token, chunk, packed, perBooking.join(chunk ? '' : ' '), ...records];
    const reply = await reserveScript.run(this.redis, this.dateKeys(date), args);
    const [outcomes, seq, after] = reply as [string, number, string];
    const numbers = after.split(' ');
    const values: FieldValue[] = [];
    fields.forEach(({ field }, f) => {
      values.push([field, Number(numbers[2 * f])]);
      if (field.startsWith('p:')) values.push([`g${field.slice(1)}`, Number(numbers[2 * f + 1])]);
    });
    return { outcomes, seq, values };
  }

  /** Runs `send`, whose reserve and unmark calls then leave in one write a connection (see inOneWrite). */
  inOneWrite(send: () => void): void {
    inOneWrite(this.redis, send);
  }

  /** Gives back what each booking holds on `date` (only the holds of run `token`, when one is given). */
  async release(date: string, ids: readonly string[], token = '', record: RecordRule = ''): Promise<LedgerReply> {
    const reply = await releaseScript.run(this.redis, this.dateKeys(date), [
      this.expireAt(date),
      LOG_KEPT,
      token,
      record,
      ...ids,
    ]);
    const [outcomes, seq, changes] = reply as [string, number, string];
    return { outcomes, seq, values: changedValues(changes) };
  }

  /** Takes the unsettled marks of bookings off `date` (see UNMARK). */
  async unmark(date: string, ids: readonly string[]): Promise<void> {
    await unmarkScript.run(this.redis, [this.keys.capacityDate(date).unsettled], ids);
  }

  /**
   * Moves a record kept on `date` from one of `from`'s states to `to`; the record's state
   * line as it was (before `nonce`'s move, when the same call is sent again), if any.
   * With `absent`, a booking with no record there gets that state line as its record.
   */
  async moveRecord(
    date: string,
    id: string,
    from: string,
    to: string,
    mark: boolean,
    nonce: string,
    absent?: string,
  ): Promise<string | undefined> {
    const k = this.keys.capacityDate(date);
    const args = [id, from, to, mark ? '1' : '0', nonce];
    if (absent !== undefined) args.push(absent, String(this.expireAt(date)));
    const record = await moveScript.run(this.redis, [k.records, k.unsettled], args);
    return typeof record === 'string' ? record : undefined;
  }

  /**
   * Gives up a booking not made, on its last date `home`, where its record would be: a G
   * record, naming `datesHeld`, is written there when there is none, so that a reservation
   * of that date carrying the record (its process, had it only stalled) cannot make it
   * afterwards. A record there already (the booking was made) is left as it is. Returns
   * that record, if any (see moveRecord).
   */
  giveUp(home: string, id: string, datesHeld: string): Promise<string | undefined> {
    return this.moveRecord(home, id, '', 'G', false, newBookingNonce(), `G ${Date.now()} ${datesHeld}`);
  }

  /** The record of a booking kept on `date` (see booking-record.ts). */
  async record(date: string, id: string): Promise<string | undefined> {
    const [state, answer] = await this.redis.hmget(this.keys.capacityDate(date).records, id, `${id}:a`);
    return state === null ? undefined : `${state}\n${answer ?? ''}`;
  }

  /** Marks a booking unsettled on `date` (before a change that spans several dates). */
  async mark(date: string, id: string): Promise<void> {
    await markScript.run(this.redis, [this.keys.capacityDate(date).unsettled], [id]);
  }

  /** Bookings marked unsettled on `date` and last touched before `beforeMs` (candidates: CLAIM decides, by Redis's clock). */
  unsettled(date: string, beforeMs: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.capacityDate(date).unsettled, '-inf', `(${beforeMs}`, 'LIMIT', 0, limit);
  }

  /** Claims an unsettled mark last touched `staleMs` ago or more, by Redis's clock (see CLAIM). */
  async claim(date: string, id: string, staleMs: number): Promise<boolean> {
    return (await claimScript.run(this.redis, [this.keys.capacityDate(date).unsettled], [id, staleMs])) === 1;
  }

  /** A date's loads and the last log entry they include, read atomically. */
  async snapshot(date: string): Promise<DateSnapshot> {
    const k = this.keys.capacityDate(date);
    const replies = await this.redis.multi().hgetall(k.load).xrevrange(k.log, '+', '-', 'COUNT', 1).exec();
    const [[loadErr, load], [logErr, last]] = replies as [
      [Error | null, Record<string, string>],
      [Error | null, [string, string[]][]],
    ];
    if (loadErr || logErr) throw loadErr ?? logErr;
    const values: FieldValue[] = [];
    for (const [field, value] of Object.entries(load)) if (field !== 'seq') values.push([field, Number(value)]);
    return { values, seq: Number(load.seq ?? 0), lastId: last[0]?.[0] ?? '0-0' };
  }

  /** A date's counters (`p:`, `g:` and `h:` fields), read from the ledger itself. */
  async counters(date: string): Promise<Map<string, number>> {
    const load = await this.redis.hgetall(this.keys.capacityDate(date).load);
    delete load.seq;
    return new Map(Object.entries(load).map(([field, value]) => [field, Number(value)]));
  }

  /** Every hold of a date, as [booking id, the fields it holds], a page of HSCAN at a time. */
  async *holds(date: string): AsyncGenerator<[string, string[]]> {
    const key = this.keys.capacityDate(date).holds;
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(key, cursor, 'COUNT', 1000);
      for (let i = 0; i < flat.length; i += 2) yield* holdsIn(flat[i], flat[i + 1]);
      cursor = next;
    } while (cursor !== '0');
  }

  /** The log entries of `date` after `afterId`, at most `count`. */
  async changes(date: string, afterId: string, count: number): Promise<LogEntry[]> {
    const reply = await this.redis.xread('COUNT', count, 'STREAMS', this.keys.capacityDate(date).log, afterId);
    const entries = reply?.[0]?.[1] ?? [];
    return entries.map(([id, fields]) => {
      let seq = 0;
      let changes = '';
      for (let i = 0; i < fields.length; i += 2) {
        if (fields[i] === 'seq') seq = Number(fields[i + 1]);
        else if (fields[i] === 'c') changes = fields[i + 1];
      }
      return { id, seq, changes };
    });
  }

  /** The dates whose ledger has not expired: the ones every process watches. */
  watchedDates(): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.capacityDates, Math.floor(Date.now() / 1000), '+inf');
  }

  /** The date's keys, in the order the reserve and release scripts take them. */
  private dateKeys(date: string): string[] {
    const k = this.keys.capacityDate(date);
    return [k.load, k.holds, k.log, k.records, k.unsettled];
  }

  private expireAt(date: string): number {
    return expiryOf(date, this.retentionDays);
  }

  /**
   * Puts a date this process books in the registry of watched dates, with its expiry (at
   * most every 10 minutes), beside the booking: a failure here fails no booking, and is
   * tried again with the next one.
   */
  private register(date: string): void {
    const now = Date.now();
    if ((this.registered.get(date) ?? 0) > now) return;
    this.registered.set(date, now + REGISTER_EVERY_MS);
    this.redis.zadd(this.keys.capacityDates, 'GT', this.expireAt(date), date).catch(() => this.registered.delete(date));
  }
}

/** A field a reserve call asks for: its capacity, and the parcels and grams the call's bookings want of it. */
class Asked {
  readonly field: string;
  parcels: number;
  grams: number;
  asked = 0;
  askedGrams = 0;
  private readonly departure: boolean;

  constructor(field: FieldCapacity) {
    this.field = field.field;
    this.parcels = field.parcels;
    this.grams = field.grams;
    this.departure = field.field.charCodeAt(0) === 112; /* p */
  }

  add(field: FieldCapacity, grams: number): void {
    // Bookings routed on two network versions: the smaller capacity of the two holds.
    if (field.parcels !== this.parcels) this.parcels = smaller(this.parcels, field.parcels);
    if (field.grams !== this.grams) this.grams = smaller(this.grams, field.grams);
    this.asked++;
    if (this.departure) this.askedGrams += grams;
  }
}

function smaller(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/**
 * The bookings of one entry of a date's holds: a booking's own ("<token> <grams> <field>…"),
 * or a chunk's ("<token>", maybe "\n#<field>…", then "\n<i> <grams> <field>…" a parcel,
 * each field named or numbered in the # line; the parcel's id is `<chunk key>.<i>`).
 */
export function holdsIn(key: string, value: string): [string, string[]][] {
  const lines = value.split('\n');
  if (lines.length === 1) return [[key, value.split(' ').slice(2)]];
  const named = lines[1].startsWith('#') ? lines[1].slice(1).split(' ') : [];
  return lines
    .slice(1)
    .filter((line) => !line.startsWith('#'))
    .map((line) => {
      const [place, , ...fields] = line.split(' ');
      return [`${key}.${place}`, fields.map((field) => (/^\d+$/.test(field) ? named[Number(field) - 1] : field))];
    });
}

/** The values of a log entry's (or a release's) "<field> <value> …". */
export function changedValues(changes: string): FieldValue[] {
  if (!changes) return [];
  const flat = changes.split(' ');
  const pairs: FieldValue[] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], Number(flat[i + 1])]);
  return pairs;
}
