/**
 * A histogram family for the hot path. An observation on a child is a bucket
 * search and three additions on plain numbers: no label object, hashing or
 * label validation, which were the larger part of the metrics' cost on
 * POST /v1/routes with prom-client's Histogram (bench:metrics).
 * The family registers in a prom-client Registry like any of its metrics and
 * renders the same samples: cumulative _bucket{le}, _sum and _count.
 */
import type { Metric, Registry } from 'prom-client';

type Labels = Record<string, string>;

interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

export interface FastHistogramOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** Upper bounds, ascending; +Inf is added. */
  buckets: readonly number[];
  registers: readonly Registry[];
}

export class HistogramChild {
  /** Observations per bucket (not cumulative); the last one is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const { bounds } = this;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }
}

export class FastHistogram<L extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly children = new Map<string, HistogramChild>();

  constructor(private readonly options: FastHistogramOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    for (const registry of options.registers) registry.registerMetric(this as unknown as Metric);
  }

  /** The child of these label values (in labelNames order): made once, then kept. */
  child(...values: string[]): HistogramChild {
    const key = values.join('\u0000');
    let child = this.children.get(key);
    if (!child) {
      const labels = Object.fromEntries(this.options.labelNames.map((name, i) => [name, values[i]]));
      child = new HistogramChild(labels, this.options.buckets);
      this.children.set(key, child);
    }
    return child;
  }

  /** What the Registry renders: prom-client's metric object. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Sample[] }> {
    const { name, buckets } = this.options;
    const values: Sample[] = [];
    for (const child of this.children.values()) {
      let cumulative = 0;
      buckets.forEach((bound, i) => {
        cumulative += child.counts[i];
        values.push({ labels: { le: bound, ...child.labels }, value: cumulative, metricName: `${name}_bucket` });
      });
      values.push(
        { labels: { le: '+Inf', ...child.labels }, value: child.count, metricName: `${name}_bucket` },
        { labels: child.labels, value: child.sum, metricName: `${name}_sum` },
        { labels: child.labels, value: child.count, metricName: `${name}_count` },
      );
    }
    return { name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** Registry.resetMetrics(): every child back to zero. */
  reset(): void {
    for (const child of this.children.values()) {
      child.counts.fill(0);
      child.sum = 0;
      child.count = 0;
    }
  }
}
