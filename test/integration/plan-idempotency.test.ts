/**
 * POST /v1/plans with an Idempotency-Key, as batches take one: the same key answers the
 * same plan (its parcels are not read again), another key makes another plan, 409 while
 * the key's first submission runs, a refused submission leaves its key free, and a key
 * naming a plan whose submission died is taken over. Real Redis and BullMQ; no plan is
 * made (no worker runs): only the submission is under test.
 */
import { SUBMISSION_LEASE_SECONDS } from '../../src/batch/batch-status';
import { PlanStore } from '../../src/plan-jobs/plan-store';
import { idempotencyHash } from '../../src/redis/idempotency-keys';
import { parcelMix } from '../../src/synthetic/parcel-mix';
import { demoNetwork, startBatchApp, type BatchHarness } from '../support/batch-harness';

describe('POST /v1/plans with an Idempotency-Key', () => {
  let h: BatchHarness;
  let parcels: unknown[];

  beforeAll(async () => {
    h = await startBatchApp();
    parcels = [...parcelMix(await demoNetwork(), 30, { seed: 4 })];
  });
  afterAll(async () => {
    await h.close();
  });

  const post = (key: string | undefined, body: unknown = { parcels }) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: key === undefined ? {} : { 'idempotency-key': key },
      payload: body as object,
    });

  it('answers the same plan for the same key, a new one for another key or none', async () => {
    const first = await post('plan-key-1');
    expect(first.statusCode).toBe(202);
    const again = await post('plan-key-1', { parcels: parcels.slice(0, 5) });
    expect(again.statusCode).toBe(202);
    // The same plan, with the parcels of the first request: the second body is not read.
    expect(again.json()).toEqual(first.json());
    expect(first.json().total).toBe(30);

    const other = await post('plan-key-2');
    const none = await post(undefined);
    const ids = new Set([first, other, none].map((res) => res.json().planId));
    expect(ids.size).toBe(3);
    expect((await h.app.inject({ method: 'GET', url: `/v1/plans/${first.json().planId}` })).statusCode).toBe(200);
  });

  it('answers 409 while the first submission with the key is still running', async () => {
    const store = new PlanStore(h.redis, h.keys, 60);
    await store.begin('plan-being-submitted', new Date().toISOString(), false, { latePenalty: 1, unplannedPenalty: 1 });
    await h.redis.set(h.keys.planIdempotency(idempotencyHash('', 'plan-key-busy')), 'plan-being-submitted');
    const res = await post('plan-key-busy');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'CONFLICT', field: 'idempotency-key' });
    expect(res.json().message).toMatch(/plan .*still being submitted/);
  });

  it('holds a submission by a lease: one whose process died is gone within a minute, and its key with it', async () => {
    const store = new PlanStore(h.redis, h.keys, 86_400);
    const penalties = { latePenalty: 1, unplannedPenalty: 1 };
    await store.begin('plan-leased', new Date().toISOString(), false, penalties);
    await store.writeParcels('plan-leased', 0, []);
    const k = h.keys.plan('plan-leased');
    const ttls = async () => Promise.all([k.status, k.parcels].map((key) => h.redis.ttl(key)));
    // Before: the status lived RESULTS_TTL (a day), and its key answered 409 all that time.
    expect((await ttls()).every((ttl) => ttl > 0 && ttl <= SUBMISSION_LEASE_SECONDS)).toBe(true);
    await store.renew('plan-leased');
    expect((await ttls()).every((ttl) => ttl > SUBMISSION_LEASE_SECONDS - 5)).toBe(true);
    expect(await store.commit('plan-leased', 0, 1)).toBe(true);
    expect((await ttls()).every((ttl) => ttl > 86_000)).toBe(true);
    // A submission whose lease ran out is not made visible by a late commit.
    await store.discard('plan-leased');
    expect(await store.commit('plan-leased', 0, 1)).toBe(false);
    expect(await h.redis.exists(k.status)).toBe(0);
  });

  it('takes over a key whose plan is gone, and leaves a key free when its submission is refused', async () => {
    await h.redis.set(h.keys.planIdempotency(idempotencyHash('', 'plan-key-gone')), 'a-plan-that-died');
    const taken = await post('plan-key-gone');
    expect(taken.statusCode).toBe(202);
    expect(taken.json().planId).not.toBe('a-plan-that-died');

    const empty = await post('plan-key-3', { parcels: [] });
    expect(empty.statusCode).toBe(400);
    const then = await post('plan-key-3');
    expect(then.statusCode).toBe(202);
    expect(then.json().total).toBe(30);
  });

  it('answers 400 naming the header for a key that is empty or too long', async () => {
    for (const key of ['', 'k'.repeat(256)]) {
      const res = await post(key);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'VALIDATION' });
      expect(res.json().message).toMatch(/idempotency-key/);
    }
  });
});
