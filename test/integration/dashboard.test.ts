/**
 * The Grafana dashboard against the service: every panel query parses (promtool
 * checks them as recording rules) and names only metrics that a live
 * GET /metrics of an app instance exports; the panels cover what ops asked for.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describeWith } from '../support/binaries';
import { familyOf, parseExposition } from '../support/exposition';
import { metricNames } from '../support/promql-names';
import { startApp } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const REPO = join(__dirname, '..', '..');

interface Panel {
  id: number;
  title: string;
  datasource?: { uid: string };
  targets?: { refId: string; expr: string; datasource?: { uid: string } }[];
  panels?: Panel[];
}

const dashboard = JSON.parse(readFileSync(join(REPO, 'deploy/grafana/dashboards/parcel-routing.json'), 'utf8')) as {
  uid: string;
  panels: Panel[];
};
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]).filter((panel) => panel.targets);
const queries = panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel, ...target })));
const namesUsed = new Set(queries.flatMap((query) => metricNames(query.expr)));

describe('the dashboard', () => {
  it('has at least 8 panels, every one with a query, on the provisioned Prometheus', () => {
    expect(panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of panels) expect([panel.title, panel.targets?.length]).toEqual([panel.title, expect.any(Number)]);
    const datasource = readFileSync(join(REPO, 'deploy/grafana/provisioning/datasources/prometheus.yml'), 'utf8');
    expect(datasource).toMatch(/^\s+uid: prometheus$/m);
    for (const query of queries) expect(query.datasource?.uid ?? query.panel.datasource?.uid).toBe('prometheus');
  });

  it.each([
    [
      'throughput against the billion-a-day line',
      ['parcel_routes_total', 'parcel_daily_volume_projection', 'parcel_daily_volume_target'],
    ],
    ['latency', ['http_request_duration_seconds_bucket', 'parcel_route_compute_seconds_bucket']],
    ['deadline hit ratio', ['parcel_deadline_total']],
    ['queue depth and job rates', ['parcel_queue_jobs', 'parcel_batch_parcels_total']],
    ['batch progress', ['parcel_batches_total']],
    [
      'event-loop lag, heap and RSS',
      ['nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'process_resident_memory_bytes'],
    ],
    ['the network version', ['parcel_network_info']],
    [
      'the fullest departures and hub-days, bookings and refusals',
      ['parcel_departure_utilisation', 'parcel_hub_day_utilisation', 'parcel_bookings_total'],
    ],
  ])('shows %s', (_topic, names) => {
    for (const name of names) expect([name, namesUsed.has(name)]).toEqual([name, true]);
  });

  it('shows latency p50 and p99, and outcomes by outcome', () => {
    const exprs = queries.map((query) => query.expr);
    expect(exprs.some((expr) => expr.startsWith('histogram_quantile(0.5,'))).toBe(true);
    expect(exprs.some((expr) => expr.startsWith('histogram_quantile(0.99,'))).toBe(true);
    expect(exprs.some((expr) => /by \([^)]*outcome[^)]*\) \(rate\(parcel_routes_total/.test(expr))).toBe(true);
  });

  it('names only metrics that a live GET /metrics exports', async () => {
    const h = await startApp({ network: tinyNetwork() });
    try {
      await h.app.inject({
        method: 'POST',
        url: '/v1/routes',
        payload: { origin: 'HGH', destination: 'SVO', weightKg: 1 },
      });
      const exposition = parseExposition((await h.app.inject({ method: 'GET', url: '/metrics' })).body);
      const unknown = [...namesUsed].filter((name) => !familyOf(exposition, name));
      expect(unknown).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describeWith(['promtool'])('the dashboard queries, checked by promtool', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('all parse as PromQL', async () => {
    const rules = queries.map((query) => ({
      record: `dashboard:panel_${query.panel.id}:${query.refId}`,
      expr: query.expr,
    }));
    const file = join(dir, 'dashboard-rules.yml');
    writeFileSync(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }, null, 2));
    const { stdout } = await promisify(execFile)('promtool', ['check', 'rules', file]);
    expect(stdout).toContain(`SUCCESS: ${rules.length} rules found`);
  });
});
