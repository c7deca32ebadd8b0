/** FastHistogram renders exactly what prom-client's Histogram renders for the same observations. */
import { Histogram, Registry } from 'prom-client';
import { CounterCells } from '../../src/metrics/counter-cells';
import { FastHistogram } from '../../src/metrics/fast-histogram';

const BUCKETS = [0.001, 0.01, 0.1, 1];
const VALUES = [0, 0.001, 0.0010001, 0.005, 0.01, 0.5, 1, 1.5, 1000];

describe('FastHistogram', () => {
  it('renders the same exposition as prom-client for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const options = { name: 'x_seconds', help: 'x', labelNames: ['level', 'route'] as const, buckets: BUCKETS };
    const fast = new FastHistogram({ ...options, registers: [ours] });
    const reference = new Histogram({ ...options, registers: [theirs] });
    for (const [level, route] of [
      ['a', '/v1/x/:id'],
      ['b', 'un"matched\\'],
    ]) {
      for (const value of VALUES) {
        fast.child(level, route).observe(value);
        reference.labels(level, route).observe(value);
      }
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    const samples = async (registry: Registry) =>
      (await registry.getMetricsAsJSON()).map(({ name, type, values }) => ({
        name,
        type,
        values: values.map(({ labels, value }) => ({ labels, value })),
      }));
    expect(await samples(ours)).toEqual(await samples(theirs));
  });

  it('gives one child per label values, and resets with the registry', async () => {
    const registry = new Registry();
    const fast = new FastHistogram({
      name: 'y_seconds',
      help: 'y',
      labelNames: ['level'],
      buckets: BUCKETS,
      registers: [registry],
    });
    expect(fast.child('a')).toBe(fast.child('a'));
    fast.child('a').observe(0.5);
    registry.resetMetrics();
    expect(await registry.metrics()).toContain('y_seconds_count{level="a"} 0');
  });
});

describe('CounterCells', () => {
  it('adds what the cells counted at each scrape, every cell from the first scrape on', async () => {
    const registry = new Registry();
    const cells = new CounterCells({ name: 'z_total', help: 'z', labelNames: ['outcome'], registers: [registry] });
    const routed = cells.cell({ outcome: 'routed' });
    cells.cell({ outcome: 'error' });
    routed.inc();
    routed.inc(2);
    const first = await registry.metrics();
    expect(first).toContain('z_total{outcome="routed"} 3');
    expect(first).toContain('z_total{outcome="error"} 0');
    routed.inc();
    expect(await registry.metrics()).toContain('z_total{outcome="routed"} 4');
  });
});
