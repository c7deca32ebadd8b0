/**
 * A counter family for the hot path: each label combination is a cell that
 * counts into a plain number, and the counts are added to the prom-client
 * Counter when the registry is scraped (its collect callback). Counting costs
 * one addition instead of prom-client's label hashing and validation per call.
 * Every cell is added at each scrape, so its series shows from the first
 * scrape on, at 0 until something is counted.
 */
import { Counter, type CounterConfiguration } from 'prom-client';

type Labels<L extends string> = Record<L, string>;

export class CounterCell<L extends string> {
  /** Counted since the last scrape. */
  pending = 0;

  constructor(readonly labels: Labels<L>) {}

  inc(amount = 1): void {
    this.pending += amount;
  }
}

export class CounterCells<L extends string> {
  private readonly cells: CounterCell<L>[] = [];

  constructor(config: Omit<CounterConfiguration<L>, 'collect'>) {
    const { cells } = this;
    new Counter<L>({
      ...config,
      collect() {
        for (const cell of cells) {
          this.inc(cell.labels, cell.pending);
          cell.pending = 0;
        }
      },
    });
  }

  /** A new cell for these labels; make one per combination, once. */
  cell(labels: Labels<L>): CounterCell<L> {
    const cell = new CounterCell(labels);
    this.cells.push(cell);
    return cell;
  }
}
