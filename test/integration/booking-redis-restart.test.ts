/**
 * Bookings across a Redis restart, on a private redis-server persisting with AOF
 * (appendonly yes, appendfsync everysec: as the embedded Redis and the compose stack
 * run): every acknowledged booking is there after a shutdown and start, and after a
 * crash (SIGKILL) once the next fsync has passed; the ledger is consistent (counters
 * are the holds, within capacity), and booking goes on from it. While Redis is down,
 * bookings answer 503 with Retry-After and quotes keep answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetworkDocument } from '../../src/routing/types';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { auditUnmarked, faultsOf, NO_FAULTS } from '../support/ledger-audit';
import { PrivateRedis } from '../support/private-redis';
import { hub, leg, sketch } from '../support/sketch';

/** A 09:00 and a 12:00 departure for 3 parcels each, and a night route over two dates for the rest. */
const network: NetworkDocument = sketch(
  [hub('A', { capacityPerDay: 100 }), hub('B'), hub('C')],
  [
    leg('FAST', 'A', 'B', { departures: ['09:00', '12:00'], capacityPerDeparture: 3 }),
    leg('NIGHT', 'A', 'C', { departures: ['23:30'], capacityPerDeparture: 50, costPerParcel: 5 }),
    leg('CB', 'C', 'B', { capacityPerDeparture: 50 }),
  ],
);
const PARCEL = { origin: 'A', destination: 'B', weightKg: 1, readyAt: '2026-11-24T08:00:00Z', serviceLevel: 'express' };

describe('bookings across a Redis restart (AOF, fsync every second)', () => {
  let dir: string;
  let server: PrivateRedis;
  let h: Harness;
  const made: { id: string; body: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aof-'));
    server = await PrivateRedis.start(['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir]);
    h = await startApp({ redisUrl: server.url, network, env: { NETWORK_POLL_MS: '200' } });
  });
  afterAll(async () => {
    await h.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const book = () => h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL });
  async function bookSome(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const res = await book();
      expect(res.statusCode).toBe(201);
      made.push({ id: res.json().bookingId, body: res.body });
    }
  }
  async function expectAllThere(): Promise<void> {
    await waitFor(async () => (await h.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, 10_000);
    for (const { id, body } of made) {
      const res = await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` });
      expect([id, res.statusCode, res.body]).toEqual([id, 200, body]);
    }
    const audit = await auditUnmarked(h.redis, h.keys, network);
    expect(faultsOf(audit)).toEqual(NO_FAULTS);
    expect(audit.holds.get('2026-11-24')?.size).toBe(made.length);
  }

  it('keeps every acknowledged booking through a shutdown and start', async () => {
    await bookSome(8);
    expect(made.filter((m) => m.body.includes('"NIGHT"')).length).toBe(2);
    // The marks of the bookings of two dates go in the calls after their answers: sent before Redis stops.
    await h.capacity.groups.drain();
    await server.stop('SIGTERM');
    await server.start();
    await expectAllThere();
  });

  it('answers 503 with Retry-After for bookings while Redis is down, and still quotes', async () => {
    await server.stop('SIGTERM');
    await waitFor(() => h.redis.status !== 'ready');
    const res = await book();
    expect([res.statusCode, res.headers['retry-after']]).toEqual([503, '1']);
    expect((await h.app.inject({ method: 'POST', url: '/v1/routes', payload: PARCEL })).statusCode).toBe(200);
    await server.start();
  });

  it('keeps every acknowledged booking through a crash once the next fsync has passed, and books on from the counts', async () => {
    await waitFor(async () => (await h.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, 10_000);
    await bookSome(4);
    // appendfsync everysec writes the file to disk within about a second: wait past it, then crash.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await server.stop('SIGKILL');
    await server.start();
    await expectAllThere();
    // The view reads the restarted ledger: the next booking takes the room that is left, not more.
    await waitFor(
      async () =>
        (await h.app.inject({ method: 'POST', url: '/v1/routes', payload: PARCEL })).json().route.legs[0].legId ===
        'NIGHT',
      3000,
    );
    await bookSome(1);
    expect(made[made.length - 1].body).toContain('"NIGHT"');
  });
});
