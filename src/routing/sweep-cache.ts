import type { ClosureTable } from './closures';
import type { OriginSweep } from './origin-sweep';
import type { NetworkIndex } from './prepare';
import { Sweeper, type SweepKind } from './sweeper';

/** Labels kept across the sweeps of one Router: at 44 bytes each, about 256 MiB. */
const LABEL_BUDGET = 6_000_000;
/** Origins and readyAts whose searches are counted before the counts start over. */
const MAX_COUNTED = 100_000;
/** Before any sweep of a kind has run, it is taken to make this many labels per hub. */
const FIRST_GUESS_LABELS_PER_HUB = 10;

/**
 * The sweeps of one Router (so of one network version and one set of closures), by
 * origin, readyAt and kind, least recently used evicted past a label budget.
 *
 * When to sweep, as in renting skis: the searches from one origin at one readyAt are
 * charged the labels they make, and a sweep is run once they have made as many as
 * the last sweep of that kind did. Labels cost about the same in both, so a key is
 * never given much more than twice the work the best choice made knowing the future
 * would have given it — whether a few parcels come from there or thousands.
 */
export class SweepCache {
  private readonly sweeper: Sweeper;
  private readonly sweeps = new Map<string, OriginSweep>();
  private readonly spent = new Map<string, number>();
  private readonly sweepLabels: Record<SweepKind, number>;
  private labels = 0;

  constructor(ix: NetworkIndex, closures: ClosureTable) {
    this.sweeper = new Sweeper(ix, closures);
    const guess = FIRST_GUESS_LABELS_PER_HUB * ix.hubCount;
    this.sweepLabels = { cost: guess, co2: guess };
  }

  /** The sweep for these, when one is kept or the searches charged to them have earned one; else undefined. */
  get(origin: number, readyAt: number, kind: SweepKind): OriginSweep | undefined {
    const key = keyOf(origin, readyAt, kind);
    const kept = this.sweeps.get(key);
    if (kept) {
      this.sweeps.delete(key);
      this.sweeps.set(key, kept);
      return kept;
    }
    if ((this.spent.get(key) ?? 0) < this.sweepLabels[kind]) return undefined;
    this.spent.delete(key);
    const sweep = this.sweeper.run(origin, readyAt, kind);
    this.sweepLabels[kind] = sweep.labelCount;
    this.sweeps.set(key, sweep);
    this.labels += sweep.labelCount;
    for (const [oldest, old] of this.sweeps) {
      if (this.labels <= LABEL_BUDGET || old === sweep) break;
      this.sweeps.delete(oldest);
      this.labels -= old.labelCount;
    }
    return sweep;
  }

  /** Charge the labels a search made to its origin, readyAt and kind. */
  charge(origin: number, readyAt: number, kind: SweepKind, labels: number): void {
    const key = keyOf(origin, readyAt, kind);
    if (this.spent.size >= MAX_COUNTED && !this.spent.has(key)) this.spent.clear();
    this.spent.set(key, (this.spent.get(key) ?? 0) + labels);
  }
}

function keyOf(origin: number, readyAt: number, kind: SweepKind): string {
  return `${kind}${origin}@${readyAt}`;
}
