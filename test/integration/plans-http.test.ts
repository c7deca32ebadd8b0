/**
 * POST /v1/plans, GET /v1/plans/:id and its results on real Redis and BullMQ, through a
 * real plan worker (its plans thread run from the sources), on the demo network with
 * saturated capacities (a thousandth of the real ones):
 * - a plan round-trips: one line per parcel in submission order, invalid parcels with
 *   their error lines, unplanned ones NO_CAPACITY, figures that hold together (never
 *   worse than greedy, lowerBound below the objective);
 * - book=true beside live bookings made while the plan runs never oversells: the
 *   ledger's counters are exactly what the plan's and the live bookings' routes hold,
 *   every one within its capacity, also as GET /v1/capacity reports it;
 * - a plan job run again after it completed books nothing twice, and a booked plan run
 *   twice (the first run stopped before completing) holds each parcel once;
 * - bad input answers 4xx naming the field.
 */
import pino from 'pino';
import { startPlanWorkers, type PlanWorkers } from '../../src/plan-jobs/plan-workers';
import { bookPlan, claimPlan, planBookingIds } from '../../src/plan-jobs/plan-booking';
import { PLAN_MAX_STARTS } from '../../src/plan-jobs/plan-job';
import { PlanRunner } from '../../src/plan-jobs/plan-runner';
import { PlanStore, type PlanRunFigures } from '../../src/plan-jobs/plan-store';
import type { LiveNetwork } from '../../src/network/live-network';
import type { PlannedParcel, PlanTask } from '../../src/plans-pool/task';
import type { NetworkDocument } from '../../src/routing/types';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import { waitFor } from '../support/app-harness';
import { NDJSON, demoNetwork, ndjson, startBatchApp, type BatchHarness } from '../support/batch-harness';
import { heldBy, ledgerCounters as ledgerCountersOf, type BookedRoute } from '../support/ledger-counters';
import { PLANS_WORKER, SEARCH_THREAD } from '../support/thread-scripts';

interface Line {
  parcelId: string;
  bookingId?: string;
  route?: { legs: { legId: string; departAt: string }[]; cost: number };
  meetsDeadline?: boolean;
  error?: { code: string; message: string };
}

interface PlanBody {
  planId: string;
  state: string;
  total: number;
  planned: number;
  late: number;
  unplanned: number;
  failed: number;
  objective: number;
  lowerBound: number;
  gap: number;
  greedy: { objective: number; late: number; unplanned: number };
  booked: number | null;
  rerouted: number | null;
  lp: { columns: number; rows: number; nonzeros: number };
  solveSeconds: number;
  helper: { searches: number; halves: number } | null;
}

describe('flow plans over HTTP', () => {
  const silent = pino({ level: 'silent' });
  let h: BatchHarness;
  let workers: PlanWorkers;
  let doc: NetworkDocument;

  beforeAll(async () => {
    doc = withCapacities(await demoNetwork(), 'saturated');
    h = await startBatchApp({ network: doc, env: { BATCH_CHUNK_SIZE: '50', BATCH_MAX_PARCELS: '500' } });
    workers = startPlanWorkers(h.config, h, silent, {
      workerFile: PLANS_WORKER,
      searchFile: SEARCH_THREAD,
    });
  });
  afterAll(async () => {
    await workers.close();
    await h.close();
  });

  async function finishedPlan(planId: string): Promise<PlanBody> {
    let body: PlanBody | undefined;
    await waitFor(async () => {
      const res = await h.app.inject({ method: 'GET', url: `/v1/plans/${planId}` });
      expect(res.statusCode).toBe(200);
      body = res.json<PlanBody>();
      return body.state === 'completed' || body.state === 'failed';
    }, 90_000);
    return body as PlanBody;
  }

  async function planLines(planId: string): Promise<Line[]> {
    const res = await h.app.inject({ method: 'GET', url: `/v1/plans/${planId}/results` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    return res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  }

  const ledgerCounters = () => ledgerCountersOf(h.capacity.ledger);
  const holdsOfRoutes = (booked: readonly BookedRoute[]) => heldBy(h.live.require().index, booked);

  /** Every counter within the capacity the network declares. */
  function overCapacity(counters: ReadonlyMap<string, number>): string[] {
    const legs = new Map(doc.legs.map((l) => [l.id, l]));
    const hubs = new Map(doc.hubs.map((hub) => [hub.id, hub]));
    const over: string[] = [];
    for (const [key, value] of counters) {
      const field = key.split(' ')[1];
      const [kind, id] = field.split(':');
      if (kind === 'h' && value > (hubs.get(id)?.capacityPerDay ?? Infinity)) over.push(`${key} = ${value}`);
      if (kind === 'p' && value > (legs.get(id)?.capacityPerDeparture ?? Infinity)) over.push(`${key} = ${value}`);
      if (kind === 'g' && value > (legs.get(id)?.capacityKgPerDeparture ?? Infinity) * 1000)
        over.push(`${key} = ${value}`);
    }
    return over;
  }

  it('plans parcels through a worker: status, figures and one line per parcel in order', async () => {
    const parcels: unknown[] = [...parcelMix(doc, 300, { seed: 5, waves: 4 })];
    parcels.splice(7, 0, { parcelId: 'BAD-WEIGHT', origin: 'HGH', destination: 'SVO', weightKg: -1 });
    parcels.splice(20, 0, { parcelId: 'NO-HUB', origin: 'HGH', destination: 'NOWHERE', weightKg: 1 });
    const res = await h.app.inject({ method: 'POST', url: '/v1/plans?latePenalty=50', payload: { parcels } });
    expect(res.statusCode).toBe(202);
    const accepted = res.json<{ planId: string; statusUrl: string; resultsUrl: string; total: number }>();
    expect(accepted).toMatchObject({
      total: 302,
      statusUrl: `/v1/plans/${accepted.planId}`,
      resultsUrl: `/v1/plans/${accepted.planId}/results`,
    });

    const plan = await finishedPlan(accepted.planId);
    expect(plan).toMatchObject({ state: 'completed', total: 302, failed: 2, booked: null });
    expect(plan.planned + plan.unplanned + plan.failed).toBe(302);
    expect(plan.objective).toBeLessThanOrEqual(plan.greedy.objective + 1e-6);
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.objective + 1e-6);
    expect(plan.gap).toBeCloseTo((plan.objective - plan.lowerBound) / plan.objective, 9);
    expect(plan.lp.columns).toBeGreaterThan(0);
    // Saturated: some parcels wait or find no room (the test is about something).
    expect(plan.late + plan.unplanned).toBeGreaterThan(0);
    // The plans thread's helper (its own thread, started by the worker's plans thread) searched
    // for it: half of greedy's parcels a batch ahead and half of each round of candidates. A
    // helper that failed would leave its work to the plans thread and the plan unchanged.
    expect(plan.helper?.searches).toBeGreaterThan(100);
    // One model: no relaxation to share.
    expect(plan.helper?.halves).toBe(0);

    const lines = await planLines(accepted.planId);
    expect(lines.map((l) => l.parcelId)).toEqual(parcels.map((p) => (p as { parcelId: string }).parcelId));
    expect(lines[7].error?.code).toBe('VALIDATION');
    expect(lines[7].error?.message).toMatch(/weightKg/);
    expect(lines[20].error?.code).toBe('UNKNOWN_HUB');
    expect(lines.filter((l) => l.route).length).toBe(plan.planned);
    expect(lines.filter((l) => l.error?.code === 'NO_CAPACITY').length).toBe(plan.unplanned);
    expect(lines.filter((l) => l.meetsDeadline === false).length).toBe(plan.late);
    const cost = lines.reduce((sum, l) => sum + (l.route?.cost ?? 0), 0);
    expect(cost + 50 * plan.late + 1000 * plan.unplanned).toBeCloseTo(plan.objective, 6);
    // A plan only routes: nothing is booked.
    expect([...(await ledgerCounters()).values()].every((v) => v === 0)).toBe(true);
  }, 120_000);

  it('book=true beside live bookings made meanwhile never oversells, and a run again books nothing twice', async () => {
    const parcels: ParcelRequest[] = [...parcelMix(doc, 250, { seed: 8, waves: 3 })];
    const live: ParcelRequest[] = [...parcelMix(doc, 200, { seed: 9, waves: 3, withIds: false })];
    const liveBooked: { route: Line['route']; weightKg: number }[] = [];
    const bookLive = async (parcel: ParcelRequest) => {
      const res = await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: parcel });
      if (res.statusCode === 201) liveBooked.push({ route: res.json<Line>().route, weightKg: parcel.weightKg });
      else expect(res.json<{ error: string }>().error).toMatch(/NO_CAPACITY|NO_ROUTE/);
    };
    for (const parcel of live.slice(0, 100)) await bookLive(parcel);

    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/plans?book=true',
      headers: NDJSON,
      payload: ndjson(parcels),
    });
    expect(res.statusCode).toBe(202);
    const { planId } = res.json<{ planId: string }>();
    // Live bookings go on while the plan is made and booked.
    for (const parcel of live.slice(100)) await bookLive(parcel);
    const plan = await finishedPlan(planId);
    expect(plan.state).toBe('completed');
    const lines = await planLines(planId);
    const booked = lines.filter((l) => l.bookingId);
    expect(booked.length).toBe(plan.booked);
    expect(plan.planned).toBe(plan.booked);
    expect(lines.filter((l) => l.error?.code === 'NO_CAPACITY').length).toBe(plan.unplanned);
    booked.forEach((line) => {
      const n = parcels.findIndex((p) => p.parcelId === line.parcelId);
      expect(line.bookingId).toBe(`${planId}.${Math.floor(n / 50)}.${n % 50}`);
    });
    expect(liveBooked.length).toBeGreaterThan(0);
    expect(booked.length).toBeGreaterThan(0);

    const weightOf = new Map(parcels.map((p) => [p.parcelId, p.weightKg]));
    const expected = holdsOfRoutes([
      ...liveBooked,
      ...booked.map((l) => ({ route: l.route, weightKg: weightOf.get(l.parcelId) as number })),
    ]);
    const counters = await ledgerCounters();
    const nonZero = new Map([...counters].filter(([, v]) => v !== 0));
    expect(nonZero).toEqual(expected);
    expect(overCapacity(counters)).toEqual([]);
    for (const date of new Set([...counters.keys()].map((k) => k.split(' ')[0]))) {
      const report = await h.app.inject({ method: 'GET', url: `/v1/capacity?date=${date}` });
      expect(report.statusCode).toBe(200);
      const { departures, hubs } = report.json<{
        departures: { capacity: number | null; booked: number }[];
        hubs: { capacity: number | null; booked: number }[];
      }>();
      for (const d of [...departures, ...hubs])
        if (d.capacity !== null) expect(d.booked).toBeLessThanOrEqual(d.capacity);
    }

    // The same job taken up again (a retry, a stalled worker's successor): nothing changes.
    const runner = new PlanRunner({
      live: h.live,
      store: new (await import('../../src/plan-jobs/plan-store')).PlanStore(
        h.redis,
        h.keys,
        h.config.resultsTtlSeconds,
      ),
      ledger: h.capacity.ledger,
      pool: undefined as never,
      booking: undefined as never,
      logger: silent,
    });
    const again = await runner.run({
      data: { planId, requestId: 'again' },
      attemptsMade: 0,
      opts: { attempts: 2 },
    } as never);
    expect(again).toBe('abandoned');
    expect(await ledgerCounters()).toEqual(counters);
  }, 180_000);

  /** A booked plan of 120 parcels, stored, and each parcel's route over what has room now (what a plans thread would answer). */
  async function bookedPlan(planId: string, seed = 22, live: Pick<LiveNetwork, 'require'> = h.live) {
    const parcels: ParcelRequest[] = [...parcelMix(doc, 120, { seed, waves: 2 })];
    const store = new PlanStore(h.redis, h.keys, h.config.resultsTtlSeconds);
    const penalties = { latePenalty: 100, unplannedPenalty: 1000 };
    const entries = parcels.map((p) => ({ id: p.parcelId as string, request: p }));
    await store.begin(planId, new Date().toISOString(), true, penalties);
    for (let chunk = 0; chunk * 50 < entries.length; chunk++)
      await store.writeParcels(planId, chunk, entries.slice(chunk * 50, (chunk + 1) * 50));
    await store.commit(planId, parcels.length, 3);
    const router = h.live.require().router;
    const planned: PlannedParcel[] = parcels.map((p) => {
      const outcome = router.route({ ...p, readyAt: Date.parse(p.readyAt) / 60_000 });
      if (outcome.kind !== 'routed')
        return { line: `${JSON.stringify({ parcelId: p.parcelId, error: { code: 'NO_CAPACITY', message: '-' } })}\n` };
      return { id: p.parcelId as string, answer: outcome.answer, weightKg: p.weightKg };
    });
    const deps = { ledger: h.capacity.ledger, view: h.capacity.view, live: live as LiveNetwork, store };
    const book = async () => {
      const claim = await claimPlan(deps, planId, planBookingIds(planId, entries.length, 50));
      return bookPlan(deps, planId, claim, h.live.require().version, entries, planned, 50, penalties, silent);
    };
    return { store, book, parcels };
  }

  it('a parcel routed again while its plan is booked names the network version it was routed on', async () => {
    const taken = await bookedPlan(`taken-${Date.now()}`, 23);
    const snapshot = h.live.require();
    let looks = 0;
    // The network's version changes once the booking has begun: the plan's is its first look.
    const changing = { require: () => (looks++ === 0 ? snapshot : { ...snapshot, version: 'the-next-version' }) };
    const late = await bookedPlan(`late-${Date.now()}`, 23, changing);
    // The same parcels, booked first by another plan: the second finds their room taken and routes them again.
    expect((await taken.book()).figures.booked).toBeGreaterThan(0);
    const booked = await late.book();
    expect(booked.figures.rerouted).toBeGreaterThan(0);
    const versions = booked.parcels
      .map((p) => JSON.parse(p.line as string) as { bookingId?: string; networkVersion?: string })
      .filter((line) => line.bookingId)
      .map((line) => line.networkVersion);
    expect(new Set(versions)).toEqual(new Set([snapshot.version, 'the-next-version']));
  }, 120_000);

  it('a booked plan run twice (the first run stopped before completing) holds each parcel once, and only the last run completes', async () => {
    const planId = `twice-${Date.now()}`;
    const { store, book, parcels } = await bookedPlan(planId, 21);
    const before = await ledgerCounters();
    const first = await book();
    expect(first.figures.booked).toBeGreaterThan(0);
    const second = await book();
    const figures = { failed: 0 } as PlanRunFigures;
    expect(await store.complete(planId, figures, first.run.token)).toBe(false);
    expect(await store.complete(planId, figures, second.run.token)).toBe(true);

    const lines = second.parcels.map((p) => JSON.parse(p.line as string) as Line);
    const weightOf = new Map(parcels.map((p) => [p.parcelId, p.weightKg]));
    const booked = lines
      .filter((l) => l.bookingId)
      .map((l) => ({ route: l.route, weightKg: weightOf.get(l.parcelId) as number }));
    expect(booked.length).toBe(second.figures.booked);
    const after = await ledgerCounters();
    const added = new Map<string, number>();
    for (const [key, value] of after)
      if (value - (before.get(key) ?? 0) !== 0) added.set(key, value - (before.get(key) ?? 0));
    expect(added).toEqual(holdsOfRoutes(booked));
    expect(overCapacity(after)).toEqual([]);
  }, 120_000);

  /** Runs the last of two attempts of the plan's job, its plans thread doing `plan`. */
  function lastAttempt(
    store: PlanStore,
    planId: string,
    plan: (task: PlanTask) => Promise<never>,
    job: { attemptsMade: number; attemptsStarted: number } = { attemptsMade: 1, attemptsStarted: 2 },
  ): Promise<string> {
    const runner = new PlanRunner({
      live: h.live,
      store,
      ledger: h.capacity.ledger,
      pool: { plan } as never,
      booking: { ledger: h.capacity.ledger, view: h.capacity.view, live: h.live, store },
      logger: silent,
    });
    return runner.run({ data: { planId, requestId: 'last' }, ...job, opts: { attempts: 2 } } as never);
  }

  it("a booked plan's run releases every run before it, also one whose successor stopped before releasing it", async () => {
    const planId = `chain-${Date.now()}`;
    const { store, book, parcels } = await bookedPlan(planId);
    const before = await ledgerCounters();
    const first = await book();
    expect(first.figures.booked).toBeGreaterThan(0);
    // A second run claims the plan and stops before releasing what the first holds.
    expect((await store.claimRun(planId, 'stopped-run')).kind).toBe('claimed');
    const third = await book();
    expect(third.figures.booked).toBe(first.figures.booked);
    const weightOf = new Map(parcels.map((p) => [p.parcelId, p.weightKg]));
    const booked = third.parcels
      .map((p) => JSON.parse(p.line as string) as Line)
      .filter((l) => l.bookingId)
      .map((l) => ({ route: l.route, weightKg: weightOf.get(l.parcelId) as number }));
    const after = await ledgerCounters();
    const added = new Map<string, number>();
    for (const [key, value] of after)
      if (value - (before.get(key) ?? 0) !== 0) added.set(key, value - (before.get(key) ?? 0));
    expect(added).toEqual(holdsOfRoutes(booked));
  }, 120_000);

  /** A booked plan whose first run booked, queued again for another attempt; the ledger's counters before that run. */
  async function bookedThenQueued(name: string) {
    const planId = `${name}-${Date.now()}`;
    const { store, book } = await bookedPlan(planId);
    const before = await ledgerCounters();
    expect((await book()).figures.booked).toBeGreaterThan(0);
    expect(await ledgerCounters()).not.toEqual(before);
    await h.redis.hset(h.keys.plan(planId).status, 'state', 'queued');
    return { planId, store, before };
  }

  it('a booked plan whose last attempt fails gives back what its runs booked', async () => {
    const { planId, store, before } = await bookedThenQueued('failed');
    // The attempt after it fails before it books (its plans thread died), and it is the last.
    const outcome = await lastAttempt(store, planId, () => Promise.reject(new Error('the plans thread stopped')));
    expect(outcome).toBe('failed');
    expect((await store.read(planId))?.state).toBe('failed');
    expect(await ledgerCounters()).toEqual(before);
  }, 120_000);

  it("a booked plan's retry plans against the loads without what its earlier run booked", async () => {
    const { planId, store, before } = await bookedThenQueued('retry-loads');
    let planned: Map<string, number> | undefined;
    await lastAttempt(store, planId, (task) => {
      planned = new Map(task.loads.map(([date, field, value]) => [`${date} ${field}`, value]));
      return Promise.reject(new Error('stopped once the loads were read'));
    });
    expect(planned).toEqual(before);
  }, 120_000);

  it('a booked plan whose workers stopped too many times is failed, and what its runs booked given back', async () => {
    const { planId, store, before } = await bookedThenQueued('stalled');
    // Its workers died in every start so far (no attempt ended): it is not planned again.
    const never = () => Promise.reject(new Error('planned again'));
    const outcome = await lastAttempt(store, planId, never, { attemptsMade: 0, attemptsStarted: PLAN_MAX_STARTS + 1 });
    expect(outcome).toBe('failed');
    expect((await store.read(planId))?.error).toMatch(/stopped while planning it, too many times/);
    expect(await ledgerCounters()).toEqual(before);
  }, 120_000);

  it('a booked plan a stalled run completes while the last attempt fails stays completed', async () => {
    const planId = `completed-meanwhile-${Date.now()}`;
    const { store } = await bookedPlan(planId);
    const figures = { failed: 0 } as PlanRunFigures;
    // While this attempt plans, a run that had stalled completes the plan; then this one fails.
    const outcome = await lastAttempt(store, planId, async () => {
      expect(await store.complete(planId, figures)).toBe(true);
      throw new Error('the plans thread stopped');
    });
    expect([outcome, (await store.read(planId))?.state]).toEqual(['superseded', 'completed']);
  }, 120_000);

  it('answers bad input with 4xx naming the field', async () => {
    const one = { parcels: [{ origin: 'HGH', destination: 'SVO', weightKg: 1 }] };
    const late = await h.app.inject({ method: 'POST', url: '/v1/plans?latePenalty=-1', payload: one });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ error: 'VALIDATION' });
    expect(late.json<{ message: string }>().message).toMatch(/latePenalty/);
    const word = await h.app.inject({ method: 'POST', url: '/v1/plans?unplannedPenalty=lots', payload: one });
    expect(word.statusCode).toBe(400);
    expect(word.json<{ message: string }>().message).toMatch(/unplannedPenalty/);
    const empty = await h.app.inject({ method: 'POST', url: '/v1/plans', payload: { parcels: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toMatch(/body|parcels/);
    const none = await h.app.inject({ method: 'POST', url: '/v1/plans' });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ message: string }>().message).toMatch(/body/);
    const emptyNdjson = await h.app.inject({ method: 'POST', url: '/v1/plans', headers: NDJSON, payload: '\n\n' });
    expect(emptyNdjson.statusCode).toBe(400);
    const unknown = await h.app.inject({ method: 'GET', url: '/v1/plans/no-such-plan' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect((await h.app.inject({ method: 'GET', url: '/v1/plans/no-such-plan/results' })).statusCode).toBe(404);
    const many = { parcels: Array.from({ length: 501 }, () => ({ origin: 'HGH', destination: 'SVO', weightKg: 1 })) };
    const tooMany = await h.app.inject({ method: 'POST', url: '/v1/plans', payload: many });
    expect(tooMany.statusCode).toBe(413);
    const tooManyNdjson = await h.app.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: NDJSON,
      payload: ndjson(many.parcels),
    });
    expect(tooManyNdjson.statusCode).toBe(413);
  });
});
