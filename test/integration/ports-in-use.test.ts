/**
 * A port that another process holds, as when a second service is started on the
 * same host. A worker (`npm run start:worker`) whose METRICS_PORT is taken says so
 * in one line and serves GET /metrics on a free port, which that line names; the
 * API, which must have its PORT, exits with one line naming it, no stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL, waitFor } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';
import { ServiceProcess } from '../support/service-process';

describe('a port held by another process', () => {
  const prefix = `test:${randomUUID().slice(0, 8)}`;
  const env = { REDIS_URL: DEFAULT_REDIS_URL, KEY_PREFIX: prefix, LOG_LEVEL: 'info' };
  let holder: ChildProcess;
  let heldPort: number;

  beforeAll(async () => {
    const listen =
      "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port))";
    holder = spawn(process.execPath, ['-e', listen], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(holder.stdout!, 'data')) as [Buffer];
    heldPort = Number(String(chunk).trim());
  });
  afterAll(async () => {
    holder.kill();
    // Connected here, not when the file is collected: a run whose -t filter skips every test runs no afterAll.
    const redis = new Redis(DEFAULT_REDIS_URL);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('a worker with it as METRICS_PORT serves GET /metrics on another port, and says which in one line', async () => {
    const worker = ServiceProcess.start('src/worker-main.ts', { ...env, METRICS_PORT: String(heldPort) }, 'capture');
    try {
      const isWarning = (line: Record<string, unknown>) => line.level === 40 && line.portInUse === heldPort;
      await waitFor(() => worker.logLines().some(isWarning), 15_000);
      const warnings = worker.logLines().filter(isWarning);
      expect(warnings).toHaveLength(1);
      const port = warnings[0].metricsPort as number;
      expect(port).not.toBe(heldPort);
      expect(warnings[0].msg).toBe(
        `METRICS_PORT ${heldPort} is in use on 127.0.0.1 (another worker on this host?): ` +
          `serving GET /metrics on http://127.0.0.1:${port}/metrics instead`,
      );
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^parcel_network_hubs \d+$/m);
      worker.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
      expect(worker.stderr).toBe('');
    } finally {
      await worker.stop();
    }
  }, 30_000);

  it('the API with it as PORT exits with one line naming it', async () => {
    const api = ServiceProcess.start('src/api-main.ts', { ...env, PORT: String(heldPort) }, 'capture');
    expect((await api.exited).code).toBe(1);
    expect(api.stderr).toBe(
      `PORT ${heldPort} is in use on 127.0.0.1: stop what holds it, or set PORT to a free port\n`,
    );
  }, 30_000);
});
