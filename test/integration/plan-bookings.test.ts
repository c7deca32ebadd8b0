/**
 * The parcels of a booked plan (POST /v1/plans?book=true) are bookings like any other:
 * GET /v1/bookings/:id reads one back as its result line, DELETE releases it (its room
 * is free again at once, a second DELETE answers 404), and a release a process left half
 * done is finished by the resolver. Real Redis, BullMQ and a plan worker, on the demo
 * network with saturated capacities.
 */
import pino from 'pino';
import { startPlanWorkers, type PlanWorkers } from '../../src/plan-jobs/plan-workers';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import { waitFor } from '../support/app-harness';
import { demoNetwork, startBatchApp, type BatchHarness } from '../support/batch-harness';
import { heldBy, ledgerCounters, type BookedRoute } from '../support/ledger-counters';
import { PLANS_WORKER, SEARCH_THREAD } from '../support/thread-scripts';

interface Line {
  parcelId: string;
  bookingId?: string;
  route?: { legs: { legId: string; departAt: string }[] };
}

describe('the bookings of a booked plan', () => {
  let h: BatchHarness;
  let workers: PlanWorkers;
  let parcels: ParcelRequest[];
  let planId: string;
  let booked: Line[];

  beforeAll(async () => {
    const doc = withCapacities(await demoNetwork(), 'saturated');
    h = await startBatchApp({ network: doc, env: { BATCH_CHUNK_SIZE: '40' } });
    workers = startPlanWorkers(h.config, h, pino({ level: 'silent' }), {
      workerFile: PLANS_WORKER,
      searchFile: SEARCH_THREAD,
    });
    parcels = [...parcelMix(doc, 120, { seed: 21, waves: 2 })];
    const res = await h.app.inject({ method: 'POST', url: '/v1/plans?book=true', payload: { parcels } });
    expect(res.statusCode).toBe(202);
    planId = res.json<{ planId: string }>().planId;
    await waitFor(async () => {
      const status = await h.app.inject({ method: 'GET', url: `/v1/plans/${planId}` });
      return status.json<{ state: string }>().state === 'completed';
    }, 90_000);
    const results = await h.app.inject({ method: 'GET', url: `/v1/plans/${planId}/results` });
    booked = results.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.bookingId);
    // Enough booked to release some and keep others (the test is about something).
    expect(booked.length).toBeGreaterThan(20);
  }, 120_000);
  afterAll(async () => {
    await workers.close();
    await h.close();
  });

  const weightOf = (line: Line) => (parcels.find((p) => p.parcelId === line.parcelId) as ParcelRequest).weightKg;
  const holdsOf = (lines: readonly Line[]) =>
    heldBy(
      h.live.require().index,
      lines.map((l): BookedRoute => ({ route: l.route, weightKg: weightOf(l) })),
    );
  const counters = async () => new Map([...(await ledgerCounters(h.capacity.ledger))].filter(([, v]) => v !== 0));

  it('reads a planned booking back by its id, releases it once, and frees its room', async () => {
    expect(await counters()).toEqual(holdsOf(booked));
    const line = booked[3];
    const url = `/v1/bookings/${line.bookingId}`;
    const get = await h.app.inject({ method: 'GET', url });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual(line);

    expect((await h.app.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    const again = await h.app.inject({ method: 'DELETE', url });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: 'NOT_FOUND', field: 'bookingId' });
    expect(again.json().message).toMatch(/released/);
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    booked = booked.filter((l) => l !== line);
    expect(await counters()).toEqual(holdsOf(booked));
  });

  it('answers 404 for a parcel of the plan that is not booked, or a chunk the plan does not have', async () => {
    for (const id of [`${planId}.0.999`, `${planId}.99.0`]) {
      const res = await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'NOT_FOUND', field: 'bookingId' });
    }
  });

  it('finishes a release that a stopped process left half done', async () => {
    const line = booked[5];
    const id = line.bookingId as string;
    const dates = [...new Set(line.route?.legs.map((l) => l.departAt.slice(0, 10)))].sort();
    const [, chunk, index] = id.slice(planId.length).split('.');
    // What DELETE does before it gives anything back: the mark on the last date, and the parcel marked released.
    await h.capacity.ledger.mark(dates[dates.length - 1], id);
    await h.redis.hset(h.keys.plan(planId).releasedBookings, `${chunk}.${index}`, `R ${dates.join(',')}`);
    expect(await counters()).toEqual(holdsOf(booked));

    await h.redis.zadd(h.keys.capacityDate(dates[dates.length - 1]).unsettled, 'XX', Date.now() - 61_000, id);
    expect(await h.capacity.resolver.resolveIfStale(dates[dates.length - 1], id)).toBe(true);
    booked = booked.filter((l) => l !== line);
    expect(await counters()).toEqual(holdsOf(booked));
    expect(await h.redis.hget(h.keys.plan(planId).releasedBookings, `${chunk}.${index}`)).toBe('X');
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${id}` })).statusCode).toBe(404);
  });
});
