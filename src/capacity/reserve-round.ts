/**
 * Reserving many bookings of one run at once, as booked batch chunks and booked plans
 * do: one reserve call per date and chunk key (at most RESERVE_SLICE bookings each, a
 * chunk's in order), the dates side by side, each answer going into the process's view.
 * A booking some date refuses gives back what it took on its other dates, so nothing is
 * left half-booked. Bookings the view holds (LoadsView.hold) are taken over by each
 * date's answer there.
 */
import type { BookingHolds } from './holds';
import type { Ledger, ReserveRequest } from './ledger';
import type { LoadsView } from './loads-view';

/** Bookings in one reserve or release call at most. */
export const RESERVE_SLICE = 1000;

export interface RunBooking {
  id: string;
  /** The key the ledger keeps a chunk's holds under (`<batchId>.<chunk>`, `<planId>.<chunk>`). */
  chunkKey: string;
  holds: BookingHolds;
}

export interface LedgerAccess {
  ledger: Ledger;
  view: LoadsView;
}

/** Reserves `waiting` for run `token`; returns the bookings some date refused, released everywhere else. */
export async function reserveRound<B extends RunBooking>(
  deps: LedgerAccess,
  waiting: readonly B[],
  token: string,
): Promise<Set<B>> {
  // By date, then by chunk key, in the order given: what each booking asks of the date, and whose it is.
  const byDate = new Map<string, Map<string, { asks: ReserveRequest[]; owners: B[] }>>();
  for (const booking of waiting) {
    for (const { date, fields } of booking.holds.dates) {
      let chunks = byDate.get(date);
      if (!chunks) byDate.set(date, (chunks = new Map()));
      let group = chunks.get(booking.chunkKey);
      if (!group) chunks.set(booking.chunkKey, (group = { asks: [], owners: [] }));
      group.asks.push({ id: booking.id, token, grams: booking.holds.grams, fields });
      group.owners.push(booking);
    }
  }
  const refusedOn = new Map<B, string[]>();
  // Every date's calls have answered (or failed) before the round ends, even when one fails: a date
  // still reserving after the round had failed would hold for a run that its retry, or its failure,
  // has already released. (A call that timed out and that the client sends again once reconnected
  // can still land later: the next run releases it where it reserves, not where it routes away.)
  await allSettled(
    [...byDate].map(async ([date, chunks]) => {
      for (const [chunkKey, { asks, owners }] of chunks) {
        for (let start = 0; start < asks.length; start += RESERVE_SLICE) {
          const reply = await deps.ledger.reserve(date, asks.slice(start, start + RESERVE_SLICE), chunkKey);
          const answered = owners.slice(start, start + RESERVE_SLICE).map((booking) => booking.holds);
          deps.view.answered(date, reply, answered);
          for (let i = reply.outcomes.indexOf('f'); i >= 0; i = reply.outcomes.indexOf('f', i + 1)) {
            const booking = owners[start + i];
            refusedOn.set(booking, [...(refusedOn.get(booking) ?? []), date]);
          }
        }
      }
    }),
  );
  // A refused booking gives back what the other dates booked (or found held by this run already).
  const releases = new Map<string, string[]>();
  for (const [booking, refused] of refusedOn) {
    for (const { date } of booking.holds.dates) {
      if (!refused.includes(date)) releases.set(date, [...(releases.get(date) ?? []), booking.id]);
    }
  }
  await Promise.all([...releases].map(([date, ids]) => releaseOn(deps, date, ids, token)));
  return new Set(refusedOn.keys());
}

/** Waits for every promise; then rejects with the first failure, if any. */
async function allSettled(promises: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Releases what run `token` holds for `ids` on each of `dates`. */
export async function releaseRun(
  deps: LedgerAccess,
  ids: readonly string[],
  token: string,
  dates: readonly string[],
): Promise<void> {
  await Promise.all(dates.map((date) => releaseOn(deps, date, ids, token)));
}

/** Releases what run `token` holds for `ids` on `date`, RESERVE_SLICE ids a call. */
async function releaseOn(deps: LedgerAccess, date: string, ids: readonly string[], token: string): Promise<void> {
  for (let start = 0; start < ids.length; start += RESERVE_SLICE) {
    const reply = await deps.ledger.release(date, ids.slice(start, start + RESERVE_SLICE), token);
    deps.view.apply(date, reply);
  }
}
