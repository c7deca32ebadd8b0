/**
 * Reserving many bookings of one run at once, as booked batch chunks and booked plans
 * do: one reserve call per date and chunk key (at most RESERVE_SLICE bookings each, a
 * chunk's in order), the dates side by side, each answer going into the process's view.
 * A booking some date refuses gives back what it took on its other dates, so nothing is
 * left half-booked.
 */
import type { BookingHolds, FieldCapacity } from './holds';
import type { Ledger } from './ledger';
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
  // By date, then by chunk key, in the order given.
  const byDate = new Map<string, Map<string, { booking: B; fields: readonly FieldCapacity[] }[]>>();
  for (const booking of waiting) {
    for (const { date, fields } of booking.holds.dates) {
      let chunks = byDate.get(date);
      if (!chunks) byDate.set(date, (chunks = new Map()));
      let items = chunks.get(booking.chunkKey);
      if (!items) chunks.set(booking.chunkKey, (items = []));
      items.push({ booking, fields });
    }
  }
  const bookedOn = new Map<B, string[]>();
  const refused = new Set<B>();
  await Promise.all(
    [...byDate].map(async ([date, chunks]) => {
      for (const [chunkKey, items] of chunks) {
        for (let start = 0; start < items.length; start += RESERVE_SLICE) {
          const slice = items.slice(start, start + RESERVE_SLICE);
          const reply = await deps.ledger.reserve(
            date,
            slice.map(({ booking, fields }) => ({ id: booking.id, token, grams: booking.holds.grams, fields })),
            chunkKey,
          );
          deps.view.apply(date, reply);
          slice.forEach(({ booking }, i) => {
            if (reply.outcomes[i] === 'f') refused.add(booking);
            else bookedOn.set(booking, [...(bookedOn.get(booking) ?? []), date]);
          });
        }
      }
    }),
  );
  const releases = new Map<string, string[]>();
  for (const booking of refused) {
    for (const date of bookedOn.get(booking) ?? []) releases.set(date, [...(releases.get(date) ?? []), booking.id]);
  }
  await Promise.all([...releases].map(([date, ids]) => releaseOn(deps, date, ids, token)));
  return refused;
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
