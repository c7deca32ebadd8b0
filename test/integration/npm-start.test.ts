/**
 * `npm start` as a whole (src/main.ts in a real process): the API answers on
 * HTTP, its WORKERS child processes route a batch submitted to it, and SIGTERM
 * stops the API and the workers cleanly.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL, waitFor } from '../support/app-harness';
import { deleteKeys } from '../support/delete-keys';
import { NDJSON, ndjson } from '../support/batch-harness';
import { freePort } from '../support/free-port';
import { ServiceProcess } from '../support/service-process';

const PARCEL = { origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };

describe('npm start', () => {
  const prefix = `test:${randomUUID().slice(0, 8)}`;
  let service: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    service = ServiceProcess.start('src/main.ts', {
      REDIS_URL: DEFAULT_REDIS_URL,
      KEY_PREFIX: prefix,
      PORT: String(port),
      WORKERS: '2',
      EVENT_LOOP_LAG_MS: '0',
    });
    await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, 15_000);
  });
  afterAll(async () => {
    await service.stop();
    // Connected here, not when the file is collected: a run whose -t filter skips every test runs no afterAll.
    const redis = new Redis(DEFAULT_REDIS_URL);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('routes a batch with its worker processes, and stops on SIGTERM', async () => {
    const submitted = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: NDJSON,
      body: ndjson(Array.from({ length: 500 }, () => PARCEL)),
    });
    expect(submitted.status).toBe(202);
    const { statusUrl, resultsUrl } = (await submitted.json()) as { statusUrl: string; resultsUrl: string };
    await waitFor(
      async () => ((await (await fetch(`${url}${statusUrl}`)).json()) as { state: string }).state === 'completed',
      15_000,
    );
    const body = await (await fetch(`${url}${resultsUrl}`)).text();
    expect(body.trim().split('\n')).toHaveLength(500);

    const workerPids = execFileSync('pgrep', ['-P', String(service.pid)])
      .toString()
      .trim()
      .split('\n')
      .map(Number);
    expect(workerPids).toHaveLength(2);
    service.kill('SIGTERM');
    const { code } = await service.exited;
    expect(code).toBe(0);
    expect(workerPids.filter(isAlive)).toEqual([]);
  }, 30_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
