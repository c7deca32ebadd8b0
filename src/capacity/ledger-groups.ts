/**
 * Group commit for single bookings: the reservations and settlements that requests ask
 * for go to the ledger as one script call per date (at most GROUP_LIMIT bookings each),
 * not one per booking. A date has one call in flight at a time: what arrives meanwhile
 * waits for it and goes in the next call, so the busier a date, the larger its calls;
 * alone, a booking waits for no one (its call is sent on the next turn of the event
 * loop). Each caller gets its own booking's outcome back, and the values the ledger
 * answered with go into this process's view at once, taking over its holds there.
 */
import type { BookingHolds } from './holds';
import type { Ledger, ReserveRequest } from './ledger';
import type { LoadsView } from './loads-view';

/** Bookings in one script call at most. */
const GROUP_LIMIT = 256;

interface Waiting<Req> {
  request: Req;
  resolve(outcome: string): void;
  reject(err: unknown): void;
}

/** Requests per date, sent together: on the next turn of the event loop, or when the date's call in flight returns. */
class Grouped<Req> {
  private readonly waiting = new Map<string, Waiting<Req>[]>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly call: (date: string, requests: Req[]) => Promise<string>) {}

  /** The outcome character of this request, in its date's group. */
  add(date: string, request: Req): Promise<string> {
    return new Promise((resolve, reject) => {
      const group = this.waiting.get(date);
      if (group) group.push({ request, resolve, reject });
      else {
        this.waiting.set(date, [{ request, resolve, reject }]);
        if (!this.inFlight.has(date)) setImmediate(() => this.send(date));
      }
    });
  }

  /** Sends what waits for `date` (up to GROUP_LIMIT), then what came meanwhile. */
  private send(date: string): void {
    const group = this.waiting.get(date);
    if (!group || this.inFlight.has(date)) return;
    const sent = group.splice(0, GROUP_LIMIT);
    if (group.length === 0) this.waiting.delete(date);
    this.inFlight.add(date);
    this.call(
      date,
      sent.map((w) => w.request),
    )
      .then(
        (outcomes) => sent.forEach((w, i) => w.resolve(outcomes[i])),
        (err: unknown) => sent.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        this.inFlight.delete(date);
        this.send(date);
      });
  }
}

export class LedgerGroups {
  private readonly reservations: Grouped<{ request: ReserveRequest; holds: BookingHolds }>;
  private readonly settlements: Grouped<string>;

  constructor(ledger: Ledger, view: LoadsView) {
    this.reservations = new Grouped(async (date, asked) => {
      const reply = await ledger.reserve(
        date,
        asked.map((a) => a.request),
      );
      view.answered(
        date,
        reply,
        asked.map((a) => a.holds),
      );
      return reply.outcomes;
    });
    this.settlements = new Grouped((date, ids) => ledger.settle(date, ids));
  }

  /** Reserves one booking (held in the view as `holds`) on `date`, with the others of this turn: b booked, h held, f full (see RESERVE). */
  reserve(date: string, request: ReserveRequest, holds: BookingHolds): Promise<string> {
    return this.reservations.add(date, { request, holds });
  }

  /** Settles one booking on `date`, with the others of this turn: c, x or - (see SETTLE). */
  settle(date: string, id: string): Promise<string> {
    return this.settlements.add(date, id);
  }
}
