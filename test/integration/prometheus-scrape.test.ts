/**
 * A real scrape: the app listens on a loopback port, Debian's Prometheus server
 * scrapes it every second (temporary config and storage, a free loopback port),
 * and its HTTP API sees parcel_routes_total move as parcels are routed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWith } from '../support/binaries';
import { freePort } from '../support/free-port';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const ROUTED = 'sum(parcel_routes_total{job="api", source="sync", outcome="routed"})';

describeWith(['prometheus'])('Prometheus scraping the API', () => {
  let h: Harness;
  let dir: string;
  let prometheus: ChildProcess;
  let prometheusUrl: string;
  let log = '';

  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
    const appUrl = new URL(await h.app.listen({ host: '127.0.0.1', port: 0 }));
    dir = mkdtempSync(join(tmpdir(), 'prometheus-scrape-'));
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      JSON.stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        scrape_configs: [{ job_name: 'api', static_configs: [{ targets: [appUrl.host] }] }],
      }),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  });

  afterAll(async () => {
    await stop(prometheus);
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sees parcel_routes_total move as parcels are routed', async () => {
    const before = await eventually(() => query(ROUTED), 'a first scrape');
    for (let i = 0; i < 5; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/routes',
        payload: { origin: 'HGH', destination: 'SVO', weightKg: 1 + i, serviceLevel: 'express' },
      });
      expect(res.statusCode).toBe(200);
    }
    const after = await eventually(async () => {
      const value = await query(ROUTED);
      return value !== undefined && value >= before + 5 ? value : undefined;
    }, 'the routed parcels');
    expect(after).toBe(before + 5);
    expect(await query('up{job="api"}')).toBe(1);
    expect(await query(`parcel_network_info{version="${h.live.current?.version}"}`)).toBe(1);
  }, 60_000);

  /** The value of an instant query's single answer; undefined while it has none. */
  async function query(promql: string): Promise<number | undefined> {
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`).catch(() => undefined);
    if (!res?.ok) return undefined;
    const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
    const [first] = body.data.result;
    return first ? Number(first.value[1]) : undefined;
  }

  async function eventually(read: () => Promise<number | undefined>, what: string): Promise<number> {
    let value: number | undefined;
    try {
      await waitFor(async () => (value = await read()) !== undefined, 30_000);
    } catch {
      throw new Error(`Prometheus did not show ${what} within 30 s; its log:\n${log}`);
    }
    return value as number;
  }
});

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
