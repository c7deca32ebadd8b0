/**
 * The ledger's Lua scripts on real Redis against a naive model of CONTRACT §5's
 * counting, on random sequences: groups of bookings reserved in one call (each all or
 * nothing, the earlier ones of a group counting for the later ones), bookings replayed
 * (held), held by another run (refused), released once, twice or never booked, across
 * several dates with tight capacities in parcels and grams. After every step: the
 * outcomes are the model's, every counter is within its capacity and equals the sum of
 * the holds, and a view that follows the dates' logs (LoadsView) reads the same values
 * as the ledger itself.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { encodeRecord } from '../../src/capacity/booking-record';
import { LoadsView } from '../../src/capacity/loads-view';
import { reserveRound } from '../../src/capacity/reserve-round';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Ledger, type ReserveRequest } from '../../src/capacity/ledger';
import type { FieldCapacity } from '../../src/capacity/holds';
import { keys } from '../../src/redis/keys';
import { createRng, type Rng } from '../../src/synthetic/prng';
import { DEFAULT_REDIS_URL } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';
import { parcelHolds } from '../support/ledger-audit';
import { hub, sketch } from '../support/sketch';

const DATES = ['2026-11-24', '2026-11-25', '2026-11-26'];

/** The model: counters and holds per date, by the contract's rules, written plainly. */
class Model {
  readonly counts = new Map<string, Map<string, number>>();
  readonly holds = new Map<string, Map<string, { token: string; grams: number; fields: string[] }>>();

  private of<T>(map: Map<string, Map<string, T>>, date: string): Map<string, T> {
    if (!map.has(date)) map.set(date, new Map());
    return map.get(date) as Map<string, T>;
  }

  /** A chunk's parcels (ids `<chunk>.<i>`) are refused while another run holds any of them. */
  reserve(date: string, bookings: readonly ReserveRequest[], chunk = ''): string {
    const counts = this.of(this.counts, date);
    const holds = this.of(this.holds, date);
    const get = (field: string) => counts.get(field) ?? 0;
    const token = bookings[0]?.token;
    const otherRun =
      chunk !== '' && [...holds].some(([id, held]) => id.startsWith(`${chunk}.`) && held.token !== token);
    return bookings
      .map((b) => {
        const held = holds.get(b.id);
        if (held) return held.token === b.token ? 'h' : 'f';
        if (otherRun) return 'f';
        const room = b.fields.every(
          (f) =>
            (f.parcels < 0 || get(f.field) + 1 <= f.parcels) &&
            (f.grams < 0 || get(`g${f.field.slice(1)}`) + b.grams <= f.grams),
        );
        if (!room) return 'f';
        for (const f of b.fields) {
          counts.set(f.field, get(f.field) + 1);
          if (f.field.startsWith('p:')) counts.set(`g${f.field.slice(1)}`, get(`g${f.field.slice(1)}`) + b.grams);
        }
        holds.set(b.id, { token: b.token, grams: b.grams, fields: b.fields.map((f) => f.field) });
        return 'b';
      })
      .join('');
  }

  release(date: string, ids: readonly string[], token: string): string {
    const counts = this.of(this.counts, date);
    const holds = this.of(this.holds, date);
    return ids
      .map((id) => {
        const held = holds.get(id);
        if (!held || (token !== '' && held.token !== token)) return 'n';
        for (const field of held.fields) {
          counts.set(field, (counts.get(field) ?? 0) - 1);
          if (field.startsWith('p:'))
            counts.set(`g${field.slice(1)}`, (counts.get(`g${field.slice(1)}`) ?? 0) - held.grams);
        }
        holds.delete(id);
        return 'r';
      })
      .join('');
  }

  /** The non-zero counters of a date, as the load hash holds them. */
  load(date: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [field, value] of this.of(this.counts, date)) if (value !== 0) out[field] = String(value);
    return out;
  }
}

/** A few departure slots and hubs per date, with tight capacities, some without any. */
function fieldsOf(rng: Rng): FieldCapacity[] {
  const fields: FieldCapacity[] = [];
  for (let leg = 0; leg < 4; leg++) {
    fields.push({
      field: `p:LEG-${leg}:${29_000_000 + rng.int(0, 2) * 60}`,
      parcels: rng.chance(0.8) ? rng.int(1, 6) : -1,
      grams: rng.chance(0.5) ? rng.int(1, 20) * 1000 : -1,
    });
  }
  for (const hub of ['A', 'B', 'C'])
    fields.push({ field: `h:${hub}`, parcels: rng.chance(0.7) ? rng.int(2, 8) : -1, grams: -1 });
  return [...new Map(fields.map((f) => [f.field, f])).values()];
}

describe('the capacity ledger against a model', () => {
  let redis: Redis;
  let prefix: string;
  let ledger: Ledger;

  beforeEach(async () => {
    redis = new Redis(DEFAULT_REDIS_URL);
    prefix = `test:${randomUUID().slice(0, 8)}`;
    ledger = new Ledger(redis, keys(prefix), 1);
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it.each([1, 2, 3, 4, 5, 6])('random reservations and releases, seed %i', async (seed) => {
    const rng = createRng(seed);
    const model = new Model();
    const k = keys(prefix);
    const fieldsByDate = new Map(DATES.map((date) => [date, fieldsOf(rng)]));
    const view = new LoadsView(ledger, 1000);
    // Bookings made one at a time, and the parcels of two batch chunks.
    const ids = [
      ...Array.from({ length: 30 }, (_, i) => `B${i}`),
      ...Array.from({ length: 20 }, (_, i) => `batch.${i % 2}.${i}`),
    ];
    let booked = 0;
    let refused = 0;
    let releases = 0;

    for (let step = 0; step < 60; step++) {
      const date = rng.pick(DATES);
      const fields = fieldsByDate.get(date) as FieldCapacity[];
      if (rng.chance(0.7)) {
        const token = rng.chance(0.9) ? 'run-1' : 'run-2';
        const chunk = rng.chance(0.5) ? `batch.${rng.int(0, 1)}` : '';
        const mine = chunk ? ids.filter((id) => id.startsWith(`${chunk}.`)) : ids.filter((id) => !id.includes('.'));
        const group: ReserveRequest[] = Array.from({ length: rng.int(1, 8) }, () => ({
          id: rng.pick(mine),
          token,
          grams: rng.int(1, 8) * 500,
          fields: fields.filter(() => rng.chance(0.5)).slice(0, 4),
        }))
          // A chunk names each of its parcels once.
          .filter((b, i, all) => b.fields.length > 0 && (!chunk || all.findIndex((o) => o.id === b.id) === i));
        if (group.length === 0) continue;
        const reply = await ledger.reserve(date, group, chunk);
        expect(reply.outcomes).toBe(model.reserve(date, group, chunk));
        booked += [...reply.outcomes].filter((o) => o === 'b').length;
        refused += [...reply.outcomes].filter((o) => o === 'f').length;
        view.apply(date, reply);
      } else {
        const released = Array.from({ length: rng.int(1, 5) }, () => rng.pick(ids));
        const token = rng.chance(0.8) ? '' : 'run-2';
        const reply = await ledger.release(date, released, token);
        expect(reply.outcomes).toBe(model.release(date, released, token));
        releases += [...reply.outcomes].filter((o) => o === 'r').length;
        view.apply(date, reply);
      }

      const load = await redis.hgetall(k.capacityDate(date).load);
      const { seq, ...counters } = load;
      expect(counters).toEqual(model.load(date));
      expect(Number(seq ?? 0)).toBeGreaterThanOrEqual(0);
      for (const f of fields) {
        if (f.parcels >= 0) expect(Number(counters[f.field] ?? 0)).toBeLessThanOrEqual(f.parcels);
        if (f.grams >= 0) expect(Number(counters[`g${f.field.slice(1)}`] ?? 0)).toBeLessThanOrEqual(f.grams);
      }
      expect(sumOfHolds(await redis.hgetall(k.capacityDate(date).holds))).toEqual(model.load(date));
      expect(Object.fromEntries([...view.valuesOf(date)].map(([f, v]) => [f, String(v)]))).toEqual(model.load(date));
    }

    // A second view that only reads the logs (as another process does) ends with the same values.
    const follower = new LoadsView(ledger, 1000);
    await follower.refresh();
    for (const date of DATES) {
      expect(Object.fromEntries([...follower.valuesOf(date)].map(([f, v]) => [f, String(v)]))).toEqual(
        model.load(date),
      );
    }
    expect({ booked: booked > 5, refused: refused > 0, releases: releases > 0 }).toEqual({
      booked: true,
      refused: true,
      releases: true,
    });
  });

  it('a call that changes no counter still gives the date its expiry: a booking of no leg', async () => {
    // A parcel whose origin is its destination: its booking holds nothing, yet writes its hold, mark and record.
    const date = DATES[2];
    const k = keys(prefix).capacityDate(date);
    const record = encodeRecord({ state: 'C', createdMs: Date.now(), dates: [date], json: '{}' });
    const reply = await ledger.reserve(date, [
      { id: 'no-leg', token: '-', grams: 1000, fields: [], record, mark: true },
    ]);
    expect(reply.outcomes).toBe('b');
    const ttls = await Promise.all([k.holds, k.records, k.unsettled].map((key) => redis.ttl(key)));
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
  });

  it('a reserve round that fails on one date ends only once no other date is still reserving', async () => {
    const calls: string[] = [];
    let failed = false;
    class OneDateDown extends Ledger {
      override async reserve(date: string, bookings: readonly ReserveRequest[], chunk?: string) {
        calls.push(`${failed ? 'after' : 'before'} ${date}`);
        if (date === DATES[0]) throw new Error('Connection is closed.');
        await new Promise((resolve) => setTimeout(resolve, 20));
        return super.reserve(date, bookings, chunk);
      }
    }
    const down = new OneDateDown(redis, keys(prefix), 1);
    const fields: FieldCapacity[] = [{ field: 'h:A', parcels: -1, grams: -1 }];
    const index = prepareNetwork(sketch([hub('A')], []));
    // Three chunks' parcels on two dates: the second date takes a call a chunk, one after another.
    const waiting = [0, 1, 2].map((chunk) => ({
      id: `run.${chunk}.0`,
      chunkKey: `run.${chunk}`,
      holds: { grams: 0, dates: [DATES[0], DATES[1]].map((date) => ({ date, fields, reservations: [] })), index },
    }));
    await expect(reserveRound({ ledger: down, view: new LoadsView(down, 1000) }, waiting, 'run-token')).rejects.toThrow(
      'Connection is closed.',
    );
    failed = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.filter((call) => call.startsWith('after'))).toEqual([]);
    expect(calls.filter((call) => call.endsWith(DATES[1]))).toHaveLength(3);
  });

  it("a run's own release leaves a parcel's unsettled mark to the DELETE that made it", async () => {
    const date = DATES[0];
    const k = keys(prefix).capacityDate(date);
    const fields: FieldCapacity[] = [{ field: 'h:A', parcels: -1, grams: -1 }];
    await ledger.reserve(date, [{ id: 'batch.0.0', token: 'run-a', grams: 0, fields }], 'batch.0');
    // DELETE marks the parcel, then a stale run of the chunk releases what it holds (nothing, another run's).
    await ledger.mark(date, 'batch.0.0');
    expect((await ledger.release(date, ['batch.0.0'], 'run-old')).outcomes).toBe('n');
    expect(await redis.zrange(k.unsettled, '0', '-1')).toEqual(['batch.0.0']);
    // The DELETE's release (any run) gives it back and takes the mark off.
    expect((await ledger.release(date, ['batch.0.0'])).outcomes).toBe('r');
    expect(await redis.zrange(k.unsettled, '0', '-1')).toEqual([]);
  });

  it("a resolver's tombstone expires with its date, and refuses the booking's late reservation there", async () => {
    const date = '2026-11-27';
    const k = keys(prefix).capacityDate(date);
    const tombstone = `G 0 ${DATES[0]}`;
    expect(await ledger.moveRecord(date, 'late', '', 'G', false, 'resolver-1', tombstone)).toBeUndefined();
    expect(await redis.ttl(k.records)).toBeGreaterThan(0);
    // The same move sent again (its reply lost) finds its own tombstone, and answers as the first did: no record.
    expect(await ledger.moveRecord(date, 'late', '', 'G', false, 'resolver-1', tombstone)).toBeUndefined();
    // Another resolver's finds the tombstone.
    expect(await ledger.moveRecord(date, 'late', '', 'G', false, 'resolver-2', `G 1 ${DATES[0]}`)).toBe(tombstone);
    const record = encodeRecord({ state: 'C', createdMs: Date.now(), dates: [date], json: '{}' });
    const fields: FieldCapacity[] = [{ field: 'h:A', parcels: 5, grams: -1 }];
    const reply = await ledger.reserve(date, [{ id: 'late', token: '-', grams: 1000, fields, record, mark: true }]);
    expect({ outcomes: reply.outcomes, values: reply.values }).toEqual({ outcomes: 'x', values: [['h:A', 0]] });
    expect({ holds: await redis.hlen(k.holds), marks: await redis.zcard(k.unsettled) }).toEqual({ holds: 0, marks: 0 });
  });

  it('a view never goes back to a value older than one it has: a log entry read after a later answer', async () => {
    const date = DATES[1];
    const fields: FieldCapacity[] = [{ field: 'h:A', parcels: -1, grams: -1 }];
    const view = new LoadsView(ledger, 1000);
    const first = await ledger.reserve(date, [{ id: 'one', token: 't', grams: 0, fields }]);
    const second = await ledger.reserve(date, [{ id: 'two', token: 't', grams: 0, fields }]);
    view.apply(date, second);
    view.apply(date, first);
    expect(view.valuesOf(date).get('h:A')).toBe(2);
    await view.refresh();
    await view.refresh();
    expect(view.valuesOf(date).get('h:A')).toBe(2);
  });

  it('a view keeps a date that a booking brought in while the watched dates were being read', async () => {
    const date = DATES[2];
    let listed = (): void => undefined;
    const read = new Promise<void>((resolve) => (listed = resolve));
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    class SlowRegistry extends Ledger {
      override async watchedDates() {
        const dates = await super.watchedDates();
        listed();
        await answered;
        return dates;
      }
    }
    const slow = new SlowRegistry(redis, keys(prefix), 1);
    const view = new LoadsView(slow, 1000);
    const refreshed = view.refresh();
    // The registry is read before the booking; the booking's answer reaches the view before that read ends.
    await read;
    const fields: FieldCapacity[] = [{ field: 'h:A', parcels: -1, grams: -1 }];
    view.apply(date, await slow.reserve(date, [{ id: 'new-date', token: 't', grams: 0, fields }]));
    answer();
    await refreshed;
    expect(view.valuesOf(date).get('h:A')).toBe(1);
  });

  it('a view reads a date whole when its ledger starts again from nothing', async () => {
    const date = DATES[2];
    const k = keys(prefix).capacityDate(date);
    const fields: FieldCapacity[] = [
      { field: 'h:A', parcels: -1, grams: -1 },
      { field: 'h:B', parcels: -1, grams: -1 },
    ];
    const view = new LoadsView(ledger, 1000);
    for (const id of ['a', 'b', 'c']) await ledger.reserve(date, [{ id, token: 't', grams: 0, fields }]);
    await view.refresh();
    expect(view.valuesOf(date).get('h:B')).toBe(3);
    await redis.del(k.load, k.holds, k.log);
    // A new log's entry ids count from the clock again: a millisecond later than the old ones.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ledger.reserve(date, [{ id: 'd', token: 't', grams: 0, fields: fields.slice(0, 1) }]);
    await view.refresh();
    await view.refresh();
    expect(Object.fromEntries(view.valuesOf(date))).toEqual({ 'h:A': 1 });
  });

  it('a view that follows the log reads a date whole when it missed entries', async () => {
    const date = DATES[0];
    const fields: FieldCapacity[] = [
      { field: 'p:LEG:29000000', parcels: -1, grams: -1 },
      { field: 'h:A', parcels: -1, grams: -1 },
    ];
    const follower = new LoadsView(ledger, 1000);
    await ledger.reserve(date, [{ id: 'first', token: 't', grams: 1000, fields }]);
    await follower.refresh();
    expect(follower.valuesOf(date).get('h:A')).toBe(1);
    // The second booking also holds hub B, which the third does not: only a whole read gives it.
    const withHubB = [...fields, { field: 'h:B', parcels: -1, grams: -1 }];
    await ledger.reserve(date, [{ id: 'second', token: 't', grams: 1000, fields: withHubB }]);
    // The entry of the second booking is lost: the log is trimmed past a slow reader. (Trimmed, not
    // deleted: a deleted log's next entry may take an id no later than the reader's last, within the
    // same millisecond, and be skipped as read; a trimmed one keeps counting.)
    await redis.xtrim(keys(prefix).capacityDate(date).log, 'MAXLEN', 0);
    await ledger.reserve(date, [{ id: 'third', token: 't', grams: 500, fields }]);
    await follower.refresh();
    expect(follower.valuesOf(date).get('h:A')).toBe(3);
    expect(follower.valuesOf(date).get('h:B')).toBe(1);
    expect(follower.valuesOf(date).get('g:LEG:29000000')).toBe(2500);
  });
});

/** The counters the holds of a date add up to. */
function sumOfHolds(holds: Record<string, string>): Record<string, string> {
  const sums = new Map<string, number>();
  const parcels = Object.entries(holds).flatMap(([key, hold]) => parcelHolds(key, hold).map((parcel) => parcel.hold));
  for (const [grams, ...fields] of parcels) {
    for (const field of fields) {
      sums.set(field, (sums.get(field) ?? 0) + 1);
      if (field.startsWith('p:')) sums.set(`g${field.slice(1)}`, (sums.get(`g${field.slice(1)}`) ?? 0) + Number(grams));
    }
  }
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0).map(([f, v]) => [f, String(v)]));
}
