/**
 * What a batch does with what it is given: bad lines become error lines in
 * their place (the batch still completes), Idempotency-Key gives back the same
 * batch, and refused submissions (too many parcels, none, a bad body) answer
 * at once and leave nothing behind.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { WAIT_MS } from '../../src/batch/results-stream';
import { startBatchWorkers } from '../../src/batch/worker-pool';
import { waitFor } from '../support/app-harness';
import {
  NDJSON,
  batchStatus,
  finished,
  ndjson,
  results,
  startBatchApp,
  type BatchHarness,
} from '../support/batch-harness';

const PARCEL = { origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };

/** The ids of the batches that have keys under the harness's prefix, and the chunk jobs waiting. */
async function leftovers(h: BatchHarness): Promise<{ batches: string[]; waitingJobs: number }> {
  const found = await h.redis.keys(`${h.prefix}:batch:*`);
  const batches = [...new Set(found.map((key) => /\{b:([^}]+)\}/.exec(key)?.[1]))].sort();
  const waiting = await Promise.all(
    [0, 1].map((shard) => h.redis.llen(`${h.keys.chunkQueuePrefix(shard)}:chunks-${shard}:wait`)),
  );
  return { batches: batches as string[], waitingJobs: waiting[0] + waiting[1] };
}

describe('batch input', () => {
  let h: BatchHarness;
  beforeAll(async () => {
    h = await startBatchApp({
      workers: true,
      env: { BATCH_MAX_PARCELS: '100', BATCH_CHUNK_SIZE: '10', BODY_LIMIT_BYTES: '1024' },
    });
  });
  afterAll(() => h.close());

  it('turns bad lines into error lines in their place, and still completes', async () => {
    const lines = [
      { ...PARCEL, parcelId: 'ok-1' },
      '{"origin": "HGH", "destination": ',
      '',
      { parcelId: 'no-weight', origin: 'HGH', destination: 'SVO' },
      { ...PARCEL, parcelId: 'unknown-hub', destination: 'XXX' },
      { ...PARCEL, parcelId: 'ok-1' },
      '   ',
      JSON.stringify({ ...PARCEL, parcelId: 'long', carriers: 'x'.repeat(2000) }),
      '[1, 2]',
      { ...PARCEL, parcelId: 'bad-level', serviceLevel: 'overnight' },
      PARCEL,
    ];
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: NDJSON,
      payload: `${ndjson(lines)}\r\n`,
    });
    expect(res.statusCode).toBe(202);
    const { batchId, total } = res.json();
    expect(total).toBe(9);

    const status = await finished(h, batchId);
    expect(status).toMatchObject({ state: 'completed', total: 9, routed: 2, failed: 7 });
    const out = await results(h, batchId);
    expect(out.map((line) => [line.parcelId, (line.error as { code?: string } | undefined)?.code ?? 'routed'])).toEqual(
      [
        ['ok-1', 'routed'],
        [`${batchId}-2`, 'VALIDATION'],
        ['no-weight', 'VALIDATION'],
        ['unknown-hub', 'UNKNOWN_HUB'],
        ['ok-1', 'VALIDATION'],
        [`${batchId}-6`, 'PAYLOAD_TOO_LARGE'],
        [`${batchId}-7`, 'VALIDATION'],
        ['bad-level', 'VALIDATION'],
        [`${batchId}-9`, 'routed'],
      ],
    );
    expect(out[1].error).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/^the line is not valid JSON/) });
    expect((out[2].error as { message: string }).message).toMatch(/weightKg/);
    expect((out[4].error as { message: string }).message).toBe("parcelId: 'ok-1' is already used in this batch");
  });

  it('gives back the same batch for the same Idempotency-Key, a new one for another', async () => {
    const submit = (key: string, count: number) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/batches',
        headers: { ...NDJSON, 'idempotency-key': key },
        payload: ndjson(Array.from({ length: count }, () => PARCEL)),
      });
    const first = await submit('order-2026-11-24', 3);
    const again = await submit('order-2026-11-24', 5);
    const other = await submit('order-2026-11-25', 4);
    expect([first.statusCode, again.statusCode, other.statusCode]).toEqual([202, 202, 202]);
    expect(again.json()).toEqual(first.json());
    expect(other.json().batchId).not.toBe(first.json().batchId);
    expect(other.json().total).toBe(4);
    expect((await finished(h, first.json().batchId)).total).toBe(3);
  });

  it('refuses more than BATCH_MAX_PARCELS with 413, and leaves nothing behind', async () => {
    const idempotencyKeys = async () => (await h.redis.keys(`${h.prefix}:batch-idem:*`)).sort();
    const before = await leftovers(h);
    const keysBefore = await idempotencyKeys();
    const ndjsonRes = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...NDJSON, 'idempotency-key': 'too-big' },
      payload: ndjson(Array.from({ length: 101 }, () => PARCEL)),
    });
    expect(ndjsonRes.statusCode).toBe(413);
    expect(ndjsonRes.json().error).toBe('PAYLOAD_TOO_LARGE');
    const jsonRes = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { parcels: Array.from({ length: 101 }, () => PARCEL) },
    });
    expect(jsonRes.statusCode).toBe(413);
    await sleep(200);
    expect(await leftovers(h)).toEqual(before);
    // The refused submission's Idempotency-Key ('too-big') is not kept.
    expect(await idempotencyKeys()).toEqual(keysBefore);
  });

  it('leaves nothing behind when the client goes away mid-body', async () => {
    const url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const before = await leftovers(h);
    const req = request(`${url}/v1/batches`, { method: 'POST', headers: NDJSON });
    req.on('error', () => undefined);
    // 9 chunks of 10: the first 8 are queued as one round while the body is still open.
    req.write(`${ndjson(Array.from({ length: 90 }, () => PARCEL))}\n`);
    await waitFor(async () => (await leftovers(h)).batches.length > before.batches.length);
    req.destroy();
    await waitFor(async () => JSON.stringify(await leftovers(h)) === JSON.stringify(before));
  });

  it('answers 400 for no parcels and for a body that is not {"parcels": [...]}, 415 for other types', async () => {
    const empty = await h.app.inject({ method: 'POST', url: '/v1/batches', headers: NDJSON, payload: '\n\n' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('the batch holds no parcels');
    for (const payload of [{ parcels: 'x' }, { parcels: [], extra: 1 }, [PARCEL]]) {
      expect((await h.app.inject({ method: 'POST', url: '/v1/batches', payload })).statusCode).toBe(400);
    }
    const text = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(text.statusCode).toBe(415);
  });

  it('answers 404 for an unknown batch, and for its results', async () => {
    for (const url of ['/v1/batches/00000000-0000-0000-0000-000000000000', '/v1/batches/nope/results']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('NOT_FOUND');
    }
    expect((await h.app.inject({ method: 'GET', url: '/v1/batches/a%7Bb' })).statusCode).toBe(400);
  });
});

describe('a batch without workers', () => {
  let h: BatchHarness;
  beforeAll(async () => {
    h = await startBatchApp();
  });
  afterAll(() => h.close());

  it('stays queued; its results, asked for early, wait for the workers and then come whole', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { parcels: [PARCEL, { ...PARCEL, weightKg: 0 }] },
    });
    const { batchId } = res.json();
    expect(await batchStatus(h, batchId)).toMatchObject({
      state: 'queued',
      total: 2,
      routed: 0,
      failed: 0,
      completedAt: null,
    });
    let answered = false;
    const early = h.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/results` }).finally(() => {
      answered = true;
    });
    await sleep(3 * WAIT_MS);
    expect(answered).toBe(false);

    const workers = startBatchWorkers(h.config, h, pino({ level: 'silent' }));
    try {
      const body = await early;
      expect(body.statusCode).toBe(200);
      const lines = body.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.parcelId)).toEqual([`${batchId}-1`, `${batchId}-2`]);
      expect(lines[0].route.hubs[0]).toBe('HGH');
      expect(lines[1].error.code).toBe('VALIDATION');
    } finally {
      await workers.close();
    }
  });

  it('ends results still waiting when the server closes, rather than holding the shutdown', async () => {
    const own = await startBatchApp({ prefix: h.prefix });
    const res = await own.app.inject({ method: 'POST', url: '/v1/batches', payload: { parcels: [PARCEL] } });
    const waiting = own.app
      .inject({ method: 'GET', url: `/v1/batches/${res.json().batchId}/results` })
      .catch((err: Error) => err);
    await sleep(2 * WAIT_MS);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    const ended = await waiting;
    // Ended before its first line: 503 with Retry-After (over a socket whose headers are out, a cut-short answer).
    expect(ended).not.toBeInstanceOf(Error);
    const answer = ended as Awaited<ReturnType<typeof own.app.inject>>;
    expect([answer.statusCode, answer.json().error]).toEqual([503, 'UNAVAILABLE']);
    expect(answer.headers['retry-after']).toBeDefined();
  });
});
