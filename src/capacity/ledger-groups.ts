/**
 * Group commit for single bookings: the reservations and unmarkings that requests ask
 * for go to the ledger as one script call per date (at most GROUP_LIMIT bookings each),
 * not one per booking. A date has one call in flight at a time: what arrives meanwhile
 * waits for it and goes in the next call, so the busier a date, the larger its calls;
 * alone, a booking waits for no one: what is due is sent from a `setImmediate`, once the
 * requests of this turn of the event loop have joined their groups, every date's calls
 * in one write (Ledger.inOneWrite). Each caller gets its own booking's outcome back, and
 * the values the ledger answered with go into this process's view at once, taking over
 * its holds there.
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

/** Requests per date, sent together when LedgerGroups flushes: one call per date, none while the date's call is in flight. */
class Grouped<Req> {
  private readonly waiting = new Map<string, Waiting<Req>[]>();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly call: (date: string, requests: Req[]) => Promise<string>,
    /** Asks for a flush: something waits that can be sent. */
    private readonly due: () => void,
  ) {}

  /** The outcome character of this request, in its date's group. */
  add(date: string, request: Req): Promise<string> {
    return new Promise((resolve, reject) => {
      const group = this.waiting.get(date);
      if (group) group.push({ request, resolve, reject });
      else {
        this.waiting.set(date, [{ request, resolve, reject }]);
        if (!this.inFlight.has(date)) this.due();
      }
    });
  }

  /** Resolves once nothing waits and no call is in flight (looked at every few ms). */
  async drain(): Promise<void> {
    while (this.waiting.size || this.inFlight.size) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Sends the waiting group (up to GROUP_LIMIT) of every date with no call in flight. */
  sendDue(): void {
    for (const date of this.waiting.keys()) if (!this.inFlight.has(date)) this.send(date);
  }

  private send(date: string): void {
    const group = this.waiting.get(date) as Waiting<Req>[];
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
        if (this.waiting.has(date)) this.due();
      });
  }
}

export class LedgerGroups {
  private readonly reservations: Grouped<{ request: ReserveRequest; holds: BookingHolds }>;
  private readonly unmarkings: Grouped<string>;
  private flushing = false;

  constructor(
    private readonly ledger: Ledger,
    view: LoadsView,
  ) {
    const due = () => this.flushSoon();
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
    }, due);
    // 'u' for each id: unmarked.
    this.unmarkings = new Grouped((date, ids) => ledger.unmark(date, ids).then(() => 'u'.repeat(ids.length)), due);
  }

  /** Reserves one booking (held in the view as `holds`) on `date`, with the others of this turn: b booked, h held, f full (see RESERVE). */
  reserve(date: string, request: ReserveRequest, holds: BookingHolds): Promise<string> {
    return this.reservations.add(date, { request, holds });
  }

  /** Takes a booking's unsettled mark off `date`, with the others of this turn (see UNMARK). */
  async unmark(date: string, id: string): Promise<void> {
    await this.unmarkings.add(date, id);
  }

  /** Resolves once every call asked for so far has been answered (a process stopping). */
  async drain(): Promise<void> {
    await Promise.all([this.reservations.drain(), this.unmarkings.drain()]);
  }

  /**
   * Sends what is due once the requests of this turn of the event loop have joined their
   * groups (a `setImmediate`): every date's reservations and unmarkings, in one write.
   */
  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      this.ledger.inOneWrite(() => {
        this.reservations.sendDue();
        this.unmarkings.sendDue();
      });
    });
  }
}
