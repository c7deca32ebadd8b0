import type { Loads } from '../capacity/loads';
import type { ClosureTable } from '../network/closures';
import type { OriginSweep } from './origin-sweep';
import type { PathOrder } from '../search/path-order';
import type { NetworkIndex } from '../network/network-index';
import { SWEEP_REUSE_MINUTES, Sweeper, type SweepKind } from './sweeper';

/** Labels kept across the sweeps of one Router: at 44 bytes each, about 256 MiB. */
const LABEL_BUDGET = 6_000_000;
/** Sweeps kept per origin and kind, for parcels handed in at as many times. */
const SWEEPS_PER_ORIGIN = 4;
/** Before any sweep of a kind has run, it is taken to make this many labels per hub. */
const FIRST_GUESS_LABELS_PER_HUB = 10;
/** Charge accounts kept (origin, kind and window of readyAt); past this they start again from none. */
const MAX_ACCOUNTS = 100_000;
/** The most a sweep of an origin and kind can cost to earn, as a multiple of the last sweep's labels. */
const MAX_PRICE = 64;
/** About how many of the last searches the running mean of their labels weighs. */
const SEARCHES_MEANT = 64;
/** Sweeps earned and waiting their turn; past this, an origin goes on being searched (and charged). */
const MAX_WAITING = 64;
/**
 * Labels of the sweep under way expanded per query: a sweep is carried out a little
 * at a time, so that no query waits for a whole one (tens of milliseconds on a large
 * network).
 */
export const SWEEP_STEP = 1024;

interface Earned {
  key: number;
  origin: number;
  readyAt: number;
  kind: SweepKind;
}

/**
 * The sweeps of one Router (so of one network version and one set of closures), by
 * origin and kind, least recently used evicted past a label budget. A sweep answers
 * parcels ready from its readyAt to SWEEP_REUSE_MINUTES later.
 *
 * When to sweep, as in renting skis: the searches from an origin that a sweep from
 * their readyAt would have answered (none was kept, or the one kept is stale for
 * them; not those whose route lies past any sweep's horizon) are charged the labels
 * they made, and a sweep is earned once they have
 * made as many as the last sweep of that kind did. Only searches that one sweep could
 * have answered together count together: those ready in the same window of
 * SWEEP_REUSE_MINUTES (parcels ready at times spread over days earn no sweeps that
 * none of the others would use). Labels cost about the same in
 * both, so an origin is never given much more than twice the work the best choice
 * made knowing the future would have given it — whether a few parcels come from
 * there or thousands. Sweeps earned wait in line and are carried out SWEEP_STEP
 * labels per query (`work`), from the readyAt of the query that earned them.
 *
 * That bound holds while a sweep goes on answering. Where departures fill, a sweep's
 * routes lose their room and its parcels are searched again, earning the next sweep:
 * so a sweep that leaves without having answered its labels' worth of searches doubles
 * the price of the next of its origin and kind (`drop`), up to MAX_PRICE sweeps' labels.
 */
export class SweepCache {
  private readonly sweeper: Sweeper;
  /** Per origin and kind (keyOf), by readyAt, the latest last. */
  private readonly sweeps = new Map<number, OriginSweep[]>();
  /** Labels charged, by origin, kind and window of readyAt (accountOf). */
  private readonly spent = new Map<number, number>();
  private readonly waiting: Earned[] = [];
  private readonly waitingKeys = new Set<number>();
  private current: Earned | undefined;
  private readonly sweepLabels: Record<SweepKind, number>;
  /** Labels a search charged, on average (a running mean per kind): what an answer from a sweep saves. */
  private readonly searchLabels: Record<SweepKind, number> = { cost: 0, co2: 0, economy: 0 };
  /** Per origin and kind, how many times the last sweep's labels the searches must make to earn the next. */
  private readonly price = new Map<number, number>();
  private labels = 0;
  private promptSweeper: Sweeper | undefined;
  /** What candidates() answers, reused from one call to the next. */
  private readonly found: OriginSweep[] = [];

  /** @param loads what is booked, when the network declares capacity; null when it does not. */
  constructor(
    private readonly ix: NetworkIndex,
    private readonly closures: ClosureTable,
    private readonly order: PathOrder,
    private readonly loads: Loads | null = null,
  ) {
    this.sweeper = new Sweeper(ix, closures, order);
    const guess = FIRST_GUESS_LABELS_PER_HUB * ix.hubCount;
    this.sweepLabels = { cost: guess, co2: guess, economy: guess };
  }

  /**
   * The sweeps kept that may answer parcels of `weightKg` from `origin` ready at `readyAt`, for a
   * level that a sweep of `kind` answers: the latest of each kind that keeps what
   * `kind` needs, the latest first. A CO2 sweep keeps every route a cost sweep from the
   * same readyAt keeps (what is not dominated on three criteria is not on four), and an
   * economy sweep every route a cost sweep keeps, further ahead: both answer for it.
   */
  candidates(origin: number, readyAt: number, kind: SweepKind, weightKg: number): readonly OriginSweep[] {
    const found = this.found;
    found.length = 0;
    if (this.sweeps.size === 0) return found;
    for (const k of ANSWERED_BY[kind]) {
      const sweep = this.latest(keyOf(origin, k), readyAt, weightKg);
      if (sweep) found.push(sweep);
    }
    if (found.length > 1) found.sort((a, b) => b.readyAt - a.readyAt);
    return found;
  }

  /** The latest sweep kept under `key` that answers parcels of `weightKg` ready at `readyAt`, marked as used (LRU). */
  private latest(key: number, readyAt: number, weightKg: number): OriginSweep | undefined {
    const list = this.sweeps.get(key);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const sweep = list[i];
      if (sweep.weightKg > 0 && sweep.weightKg !== weightKg) continue;
      if (sweep.readyAt > readyAt || readyAt - sweep.readyAt > SWEEP_REUSE_MINUTES) continue;
      if (!this.loads || sweep.holdsOver(this.loads)) {
        this.sweeps.delete(key);
        this.sweeps.set(key, list);
        return sweep;
      }
      // It passed over a departure for lack of room that has room again: it may have missed a route through it.
      this.drop(key, list.splice(i, 1)[0]);
    }
    return undefined;
  }

  /**
   * Makes a sweep of `kind` from `origin` at `readyAt` for parcels of `weightKg` now,
   * unless one that answers them is kept, and keeps it: for a promise table, which asks
   * every destination at once at one weight (a sweep for one weight is several times
   * smaller than one for all). It is carried out SWEEP_STEP labels a slice, yielding
   * between slices (so that the caller can let other work in), on a sweeper of its own
   * (the one of earned sweeps may be half-way).
   */
  *sweepNow(origin: number, readyAt: number, kind: SweepKind, weightKg: number): Generator<void> {
    if (this.candidates(origin, readyAt, kind, weightKg).some((sweep) => sweep.readyAt === readyAt)) return;
    const sweeper = (this.promptSweeper ??= new Sweeper(this.ix, this.closures, this.order));
    sweeper.start(origin, readyAt, kind, this.loads, weightKg);
    let sweep: OriginSweep | undefined;
    while (!(sweep = sweeper.advance(SWEEP_STEP))) yield;
    this.keep(keyOf(origin, kind), sweep);
  }

  /** Charge the labels of a search no sweep answered to its origin and kind; a sweep earned joins the line. */
  charge(origin: number, readyAt: number, kind: SweepKind, labels: number): void {
    const key = keyOf(origin, kind);
    if (this.waitingKeys.has(key)) return;
    const account = key * WINDOWS + Math.floor(readyAt / SWEEP_REUSE_MINUTES);
    this.searchLabels[kind] += (labels - this.searchLabels[kind]) / SEARCHES_MEANT;
    const spent = (this.spent.get(account) ?? 0) + labels;
    if (spent < this.sweepLabels[kind] * (this.price.get(key) ?? 1) || this.waiting.length >= MAX_WAITING) {
      if (this.spent.size >= MAX_ACCOUNTS && !this.spent.has(account)) this.spent.clear();
      this.spent.set(account, spent);
      return;
    }
    this.spent.delete(account);
    this.waiting.push({ key, origin, readyAt, kind });
    this.waitingKeys.add(key);
  }

  /** Carry the sweep under way (or the next in line) SWEEP_STEP labels further. */
  work(): void {
    if (!this.current) {
      this.current = this.waiting.shift();
      if (!this.current) return;
      this.sweeper.start(this.current.origin, this.current.readyAt, this.current.kind, this.loads);
    }
    const sweep = this.sweeper.advance(SWEEP_STEP);
    if (!sweep) return;
    const { key, kind } = this.current;
    this.current = undefined;
    this.waitingKeys.delete(key);
    this.sweepLabels[kind] = sweep.labelCount;
    this.keep(key, sweep);
  }

  /**
   * A sweep leaves: when it answered fewer parcels than the searches it replaced would
   * have cost its labels (it went stale, or room came back where it had found none), the
   * next sweep of its origin and kind costs twice as many searches to earn; when it paid,
   * the price is back to one sweep's labels. A sweep for one weight (a promise table's)
   * was not earned, and sets nothing.
   */
  private drop(key: number, sweep: OriginSweep): void {
    this.labels -= sweep.labelCount;
    if (sweep.weightKg > 0) return;
    const kind = KINDS[key % 3];
    if (sweep.answered * this.searchLabels[kind] >= sweep.labelCount) this.price.delete(key);
    else this.price.set(key, Math.min(MAX_PRICE, 2 * (this.price.get(key) ?? 1)));
  }

  private keep(key: number, sweep: OriginSweep): void {
    const list = this.sweeps.get(key) ?? [];
    const same = list.findIndex((s) => s.readyAt === sweep.readyAt && s.weightKg === sweep.weightKg);
    if (same >= 0) this.drop(key, list.splice(same, 1)[0]);
    list.push(sweep);
    list.sort((a, b) => a.readyAt - b.readyAt);
    this.labels += sweep.labelCount;
    while (list.length > SWEEPS_PER_ORIGIN) this.drop(key, list.shift()!);
    this.sweeps.delete(key);
    this.sweeps.set(key, list);
    for (const [oldest, old] of this.sweeps) {
      if (this.labels <= LABEL_BUDGET || oldest === key) break;
      this.sweeps.delete(oldest);
      for (const s of old) this.drop(oldest, s);
    }
  }
}

/** The kinds of sweep that keep every route a sweep of each kind keeps, the smaller first. */
const ANSWERED_BY: Readonly<Record<SweepKind, readonly SweepKind[]>> = {
  cost: ['cost', 'co2', 'economy'],
  co2: ['co2'],
  economy: ['economy'],
};

/** Windows of readyAt an account can be in: enough for epoch minutes up to the year 2200. */
const WINDOWS = 2 ** 22;
const KIND_INDEX: Readonly<Record<SweepKind, number>> = { cost: 0, co2: 1, economy: 2 };
const KINDS: readonly SweepKind[] = ['cost', 'co2', 'economy'];

/** The key of an origin's sweeps of a kind. */
function keyOf(origin: number, kind: SweepKind): number {
  return origin * 3 + KIND_INDEX[kind];
}
