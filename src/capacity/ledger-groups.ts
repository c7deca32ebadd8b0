/**
 * Group commit for single bookings: the reservations and settlements that the requests
 * of one turn of the event loop ask for go to the ledger as one script call per date
 * (at most GROUP_LIMIT bookings each), not one per booking. Under load a turn holds many
 * requests, so a booking costs a share of a call; alone, it waits for no one (the group
 * is sent on the next turn). Each caller gets its own booking's outcome back, and the
 * values the ledger answered with go into this process's view at once.
 */
import type { Ledger, ReserveRequest } from './ledger';
import type { LoadsView } from './loads-view';

/** Bookings in one script call at most. */
const GROUP_LIMIT = 256;

interface Waiting<Req> {
  request: Req;
  resolve(outcome: string): void;
  reject(err: unknown): void;
}

/** Requests per date, sent together on the next turn of the event loop. */
class Grouped<Req> {
  private waiting = new Map<string, Waiting<Req>[]>();
  private scheduled = false;

  constructor(private readonly call: (date: string, requests: Req[]) => Promise<string>) {}

  /** The outcome character of this request, in its date's group. */
  add(date: string, request: Req): Promise<string> {
    return new Promise((resolve, reject) => {
      const group = this.waiting.get(date);
      if (group) group.push({ request, resolve, reject });
      else this.waiting.set(date, [{ request, resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const groups = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    for (const [date, group] of groups) {
      for (let start = 0; start < group.length; start += GROUP_LIMIT) void this.send(date, group.slice(start, start + GROUP_LIMIT));
    }
  }

  private async send(date: string, group: Waiting<Req>[]): Promise<void> {
    try {
      const outcomes = await this.call(date, group.map((w) => w.request));
      group.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  }
}

export class LedgerGroups {
  private readonly reservations: Grouped<ReserveRequest>;
  private readonly settlements: Grouped<string>;

  constructor(ledger: Ledger, view: LoadsView) {
    this.reservations = new Grouped(async (date, requests) => {
      const reply = await ledger.reserve(date, requests);
      view.apply(date, reply);
      return reply.outcomes;
    });
    this.settlements = new Grouped((date, ids) => ledger.settle(date, ids));
  }

  /** Reserves one booking on `date`, with the others of this turn: b booked, h held, f full (see RESERVE). */
  reserve(date: string, request: ReserveRequest): Promise<string> {
    return this.reservations.add(date, request);
  }

  /** Settles one booking on `date`, with the others of this turn: c, x or - (see SETTLE). */
  settle(date: string, id: string): Promise<string> {
    return this.settlements.add(date, id);
  }
}
