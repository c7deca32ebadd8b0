/**
 * Never oversold (CONTRACT §5), under load: two API processes and two worker processes
 * (src/api-main.ts, src/worker-main.ts) on one Redis, the demo network with saturated
 * capacities (a thousandth of the real ones, so that departures and hub-days fill), 50
 * concurrent clients booking on either API, replaying Idempotency-Keys (with the same
 * body: the same booking; with another: 409) and releasing what they booked, while a
 * booked batch runs on the workers. At the end, read from Redis itself: no counter is
 * past its capacity, every counter is the sum of the holds, the holds are exactly the
 * live bookings' (each holding what its route takes), and nothing is left unsettled.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { holdsOf } from '../../src/capacity/holds';
import { keys } from '../../src/redis/keys';
import { prepareNetwork } from '../../src/routing/network/network-index';
import type { RoutePlan } from '../../src/routing/types';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import { createRng } from '../../src/synthetic/prng';
import { isoToMinutes } from '../../src/wire/time';
import { DEFAULT_REDIS_URL, waitFor } from '../support/app-harness';
import { NDJSON, demoNetwork, ndjson } from '../support/batch-harness';
import { deleteKeys } from '../support/delete-keys';
import { parseExposition, samplesOf } from '../support/exposition';
import { freePort } from '../support/free-port';
import { auditUnmarked, faultsOf, heldIds, NO_FAULTS } from '../support/ledger-audit';
import { ServiceProcess } from '../support/service-process';

const CLIENTS = 50;
const CALLS_PER_CLIENT = 30;
const BATCH_PARCELS = 3000;

interface Answer {
  bookingId?: string;
  parcelId?: string;
  route?: { departAt: string; legs: { legId: string; departAt: string }[] };
  error?: string | { code: string };
}

describe('never oversold: 2 API and 2 worker processes, 50 clients, replays and releases, a booked batch', () => {
  const prefix = `test:${randomUUID().slice(0, 8)}`;
  const redis = new Redis(DEFAULT_REDIS_URL);
  const processes: ServiceProcess[] = [];
  const apis: string[] = [];
  let dir: string;

  beforeAll(async () => {
    const doc = withCapacities(await demoNetwork(), 'saturated');
    dir = mkdtempSync(join(tmpdir(), 'storm-'));
    writeFileSync(join(dir, 'network.json'), JSON.stringify(doc));
    const env = {
      REDIS_URL: DEFAULT_REDIS_URL,
      KEY_PREFIX: prefix,
      NETWORK_FILE: join(dir, 'network.json'),
      EVENT_LOOP_LAG_MS: '0',
      BATCH_CHUNK_SIZE: '200',
      QUEUE_SHARDS: '2',
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      processes.push(ServiceProcess.start('src/api-main.ts', { ...env, PORT: String(port) }));
      apis.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < 2; i++) processes.push(ServiceProcess.start('src/worker-main.ts', env));
    for (const api of apis)
      await waitFor(async () => (await fetch(`${api}/health/ready`).catch(() => undefined))?.status === 200, 30_000);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await deleteKeys(redis, prefix);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every counter within its capacity and equal to the live bookings', async () => {
    const doc = withCapacities(await demoNetwork(), 'saturated');
    const singles = [...parcelMix(doc, 4000, { seed: 77, waves: 8, withIds: false })];
    const live = new Map<string, { weightKg: number; answer: Answer }>();
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    const post = async (api: string, body: object, key?: string) => {
      const res = await fetch(`${api}/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify(body),
      });
      count(res.status);
      return { status: res.status, answer: (await res.json()) as Answer };
    };

    const client = async (n: number): Promise<void> => {
      const rng = createRng(1000 + n);
      const mine: { key?: string; body: ParcelRequest; id: string }[] = [];
      for (let call = 0; call < CALLS_PER_CLIENT; call++) {
        const api = rng.pick(apis);
        const roll = rng.next();
        if (roll < 0.15 && mine.length > 0) {
          // Release one of mine.
          const [released] = mine.splice(rng.int(0, mine.length - 1), 1);
          const res = await fetch(`${api}/v1/bookings/${released.id}`, { method: 'DELETE' });
          count(res.status);
          expect(res.status).toBe(204);
          live.delete(released.id);
          const again = await fetch(`${rng.pick(apis)}/v1/bookings/${released.id}`, { method: 'DELETE' });
          expect(again.status).toBe(404);
        } else if (roll < 0.3 && mine.some((b) => b.key)) {
          // Replay a key of mine: the same body gives the same booking; another body, 409.
          const keyed = rng.pick(mine.filter((b) => b.key));
          const same = await post(api, keyed.body, keyed.key);
          expect([same.status, same.answer.bookingId]).toEqual([200, keyed.id]);
          const other = await post(api, { ...keyed.body, weightKg: keyed.body.weightKg + 1 }, keyed.key);
          expect(other.status).toBe(409);
        } else {
          const body = rng.pick(singles);
          const key = rng.chance(0.5) ? `client-${n}-${call}` : undefined;
          const { status, answer } = await post(api, body, key);
          expect([201, 422]).toContain(status);
          if (status !== 201) continue;
          mine.push({ key, body, id: answer.bookingId as string });
          live.set(answer.bookingId as string, { weightKg: body.weightKg, answer });
        }
      }
    };

    const batchParcels = [...parcelMix(doc, BATCH_PARCELS, { seed: 78, waves: 8 })];
    const submitted = fetch(`${apis[0]}/v1/batches?book=true`, {
      method: 'POST',
      headers: NDJSON,
      body: ndjson(batchParcels),
    });
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const { batchId } = (await (await submitted).json()) as { batchId: string };
    await waitFor(
      async () =>
        ((await (await fetch(`${apis[1]}/v1/batches/${batchId}`)).json()) as { state: string }).state === 'completed',
      120_000,
    );
    const lines = (await (await fetch(`${apis[1]}/v1/batches/${batchId}/results`)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
    const weights = new Map(batchParcels.map((p) => [p.parcelId, p.weightKg]));
    const booked = lines.filter((line) => line.bookingId);
    // Release a few batch bookings too.
    for (const line of booked.splice(0, 20))
      expect((await fetch(`${apis[1]}/v1/bookings/${line.bookingId}`, { method: 'DELETE' })).status).toBe(204);
    for (const line of booked)
      live.set(line.bookingId as string, { weightKg: weights.get(line.parcelId) as number, answer: line });

    // Every routing of a booking counts in parcel_routes_total: more than the bookings answered means dates refused some (contention).
    let routings = 0;
    for (const api of apis) {
      const exposition = parseExposition(await (await fetch(`${api}/metrics`)).text());
      for (const sample of samplesOf(exposition, 'parcel_routes_total', { source: 'sync' }))
        if (sample.labels.outcome !== 'invalid') routings += sample.value;
    }
    const answered = (statuses.get(201) ?? 0) + (statuses.get(422) ?? 0);
    console.log(
      `storm: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}; ${routings - answered} routed again after a date refused; ` +
        `batch ${booked.length} booked, ${lines.filter((l) => typeof l.error === 'object' && l.error.code === 'NO_CAPACITY').length} NO_CAPACITY`,
    );
    expect(statuses.get(422) ?? 0).toBeGreaterThan(0);
    expect(routings - answered).toBeGreaterThan(0);
    expect(booked.length).toBeGreaterThan(100);

    const audit = await auditUnmarked(redis, keys(prefix), doc);
    expect(faultsOf(audit)).toEqual(NO_FAULTS);
    // The holds are the live bookings' (a batch parcel with no legs holds nothing), each what its route takes.
    const expected = [...live]
      .filter(([id, b]) => !id.includes('.') || (b.answer.route?.legs.length ?? 0) > 0)
      .map(([id]) => id);
    expect([...heldIds(audit)].sort()).toEqual(expected.sort());
    const index = prepareNetwork(doc);
    for (const [id, { weightKg, answer }] of live) {
      const route = answer.route as NonNullable<Answer['route']>;
      const plan = {
        legs: route.legs.map((leg) => ({ ...leg, departAt: isoToMinutes(leg.departAt, 'down') as number })),
      } as unknown as RoutePlan;
      for (const { date, fields } of holdsOf(index, plan, weightKg).dates) {
        expect([id, date, audit.holds.get(date)?.get(id)]).toEqual([id, date, fields.map((f) => f.field)]);
      }
    }
  }, 240_000);
});
