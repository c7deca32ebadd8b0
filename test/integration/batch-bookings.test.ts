/**
 * POST /v1/batches?book=true on real Redis and BullMQ, on the demo network with
 * saturated capacities (a thousandth of the real ones), so that many parcels wait for
 * later departures and some find no room at all:
 * - with one worker taking the chunks in order, the batch books exactly what booking
 *   the parcels one by one in submission order books (an in-process Router over a
 *   LoadTable, as the core's oracle test books): same routes, same departures, same
 *   refusals; the ledger's counters are the sum of the booked parcels' holds;
 * - a batch booking is read and released by its id;
 * - a chunk run again after it was recorded changes nothing, and a chunk run twice
 *   before it was recorded holds each parcel once (the second run's).
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { parseRouteRequest } from '../../src/api/route-request';
import { bookChunk } from '../../src/batch/chunk-booking';
import type { ChunkJobData } from '../../src/batch/chunk-job';
import { CHUNK_JOB, chunkQueueName } from '../../src/batch/queues';
import { ResultsStore } from '../../src/batch/results-store';
import { LoadTable } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { NetworkDocument } from '../../src/routing/types';
import { withCapacities } from '../../src/synthetic/capacities';
import { parcelMix, type ParcelRequest } from '../../src/synthetic/parcel-mix';
import {
  NDJSON,
  bookedChunkZero,
  chunkBookingDeps,
  demoNetwork,
  finished,
  ndjson,
  results,
  startBatchApp,
  type BatchHarness,
} from '../support/batch-harness';
import { heldBy, ledgerCounters as ledgerCountersOf } from '../support/ledger-counters';

const PARCELS = 3000;
const CHUNK = 500;

interface Line {
  parcelId: string;
  bookingId?: string;
  route?: { legs: { legId: string; departAt: string }[] };
  weightKg?: number;
  error?: { code: string };
}

/** What booking the parcels one by one in order gives: per parcel its legs and departures, or its error code. */
function bookOneByOne(doc: NetworkDocument, parcels: readonly ParcelRequest[]): string[] {
  const index = prepareNetwork(doc);
  const loads = new LoadTable(index);
  const router = new Router(index, [], undefined, loads);
  return parcels.map((parcel) => {
    const parsed = parseRouteRequest(parcel);
    if (!parsed.ok) return parsed.error.code;
    const outcome = router.route(parsed.query);
    if (outcome.kind !== 'routed')
      return outcome.kind === 'no-capacity' ? 'NO_CAPACITY' : outcome.kind === 'no-route' ? 'NO_ROUTE' : 'UNKNOWN_HUB';
    loads.apply(reservationsOf(index, outcome.answer.route, parsed.query.weightKg), 1);
    return outcome.answer.route.legs.map((l) => `${l.legId}@${l.departAt}`).join(' ');
  });
}

function summary(line: Line): string {
  if (line.error) return line.error.code;
  return (line.route?.legs ?? []).map((l) => `${l.legId}@${Date.parse(l.departAt) / 60_000}`).join(' ');
}

describe('a booked batch', () => {
  let h: BatchHarness;
  let doc: NetworkDocument;
  let parcels: ParcelRequest[];
  let batchId: string;
  let lines: Line[];

  beforeAll(async () => {
    doc = withCapacities(await demoNetwork(), 'saturated');
    h = await startBatchApp({
      network: doc,
      workers: true,
      env: { QUEUE_SHARDS: '1', WORKER_CONCURRENCY: '1', BATCH_CHUNK_SIZE: String(CHUNK) },
    });
    parcels = [...parcelMix(doc, PARCELS, { seed: 11 })];
  });
  afterAll(() => h.close());

  const ledgerCounters = () => ledgerCountersOf(h.capacity.ledger);

  /** What the booked lines hold, summed as the ledger's counters are. */
  function holdsOfLines(booked: readonly Line[]): Map<string, number> {
    const byId = new Map(parcels.map((p) => [p.parcelId, p]));
    return heldBy(
      h.live.require().index,
      booked.map((line) => ({ route: line.route, weightKg: (byId.get(line.parcelId) as ParcelRequest).weightKg })),
    );
  }

  it('books what booking the parcels one by one in submission order books', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches?book=true',
      headers: NDJSON,
      payload: ndjson(parcels),
    });
    expect(res.statusCode).toBe(202);
    batchId = res.json().batchId;
    const status = await finished(h, batchId, 60_000);
    expect(status).toMatchObject({ state: 'completed', total: PARCELS });
    lines = (await results(h, batchId)) as unknown as Line[];
    expect(lines.map((l) => l.parcelId)).toEqual(parcels.map((p) => p.parcelId));
    expect(lines.map(summary)).toEqual(bookOneByOne(doc, parcels));

    const booked = lines.filter((l) => l.bookingId);
    booked.forEach((line) => {
      const n = parcels.findIndex((p) => p.parcelId === line.parcelId);
      expect(line.bookingId).toBe(`${batchId}.${Math.floor(n / CHUNK)}.${n % CHUNK}`);
    });
    // Capacity decided often: refusals, and parcels held back (the test is about something).
    expect(lines.filter((l) => l.error?.code === 'NO_CAPACITY').length).toBeGreaterThan(50);
    expect(booked.length).toBeGreaterThan(PARCELS / 3);
    expect(status.routed).toBe(booked.length);
    expect(await ledgerCounters()).toEqual(holdsOfLines(booked));
  }, 90_000);

  it('reads a booked parcel back by its id, and releases it', async () => {
    const line = lines.find((l) => l.bookingId) as Line;
    const url = `/v1/bookings/${line.bookingId}`;
    const get = await h.app.inject({ method: 'GET', url });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual(line);
    expect((await h.app.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const left = lines.filter((l) => l.bookingId && l !== line);
    expect(await ledgerCounters()).toEqual(holdsOfLines(left));
    lines = lines.filter((l) => l !== line);
  });

  it('changes nothing when a recorded chunk runs again', async () => {
    const before = await ledgerCounters();
    const queue = new Queue<ChunkJobData>(chunkQueueName(0), {
      connection: h.redis,
      prefix: h.keys.chunkQueuePrefix(0),
    });
    const blocking = new Redis(h.config.redisUrl, { maxRetriesPerRequest: null });
    const events = new QueueEvents(chunkQueueName(0), { connection: blocking, prefix: h.keys.chunkQueuePrefix(0) });
    try {
      await events.waitUntilReady();
      const entries = parcels.slice(0, CHUNK).map((p) => ({ id: p.parcelId as string, request: p }));
      const job = await queue.add(
        CHUNK_JOB,
        { batchId, chunk: 0, requestId: 'again', book: true, entries },
        { jobId: `${batchId}.again` },
      );
      expect(await job.waitUntilFinished(events, 30_000)).toBe('completed');
    } finally {
      await events.close();
      await queue.close();
      blocking.disconnect();
    }
    expect(await ledgerCounters()).toEqual(before);
  });

  it('holds each parcel once when a chunk runs twice before it is recorded: the second run releases the first', async () => {
    const before = await ledgerCounters();
    const otherBatch = 'batch-run-twice';
    const data = await bookedChunkZero(
      h,
      otherBatch,
      'twice',
      parcels
        .slice(0, 50)
        .map((p) => ({ id: `${p.parcelId}-again`, request: { ...p, parcelId: `${p.parcelId}-again` } })),
    );
    const deps = chunkBookingDeps(h);
    const fault = (err: unknown) => pino().error(err);
    const first = await bookChunk(data, h.live.require(), deps, fault);
    const second = await bookChunk(data, h.live.require(), deps, fault);
    if (first.kind !== 'booked' || second.kind !== 'booked')
      throw new Error(`runs ended ${first.kind}, ${second.kind}`);
    expect(second.results.routed).toBeGreaterThan(0);
    const secondLines = second.results.lines
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Line);
    const holdsAfter = holdsOfLines(
      secondLines.filter((l) => l.bookingId).map((l) => ({ ...l, parcelId: l.parcelId.replace(/-again$/, '') })),
    );
    const expected = new Map(before);
    for (const [field, value] of holdsAfter) expected.set(field, (expected.get(field) ?? 0) + value);
    expect(await ledgerCounters()).toEqual(expected);
    // The first run can no longer record its results.
    expect(await new ResultsStore(h.redis, h.keys).record(otherBatch, 0, first.results, first.token)).toBe(
      'superseded',
    );
  });

  it('releases every run before it, also one whose successor stopped before releasing it', async () => {
    const before = await ledgerCounters();
    const batchId = 'batch-run-chain';
    const data = await bookedChunkZero(
      h,
      batchId,
      'chain',
      parcels
        .slice(50, 100)
        .map((p) => ({ id: `${p.parcelId}-chain`, request: { ...p, parcelId: `${p.parcelId}-chain` } })),
    );
    const deps = chunkBookingDeps(h);
    const fault = (err: unknown) => pino().error(err);
    const first = await bookChunk(data, h.live.require(), deps, fault);
    if (first.kind !== 'booked') throw new Error(`the first run ended ${first.kind}`);
    // A second run claims the chunk and stops (a SIGKILL) before releasing what the first holds.
    expect((await deps.runs.claim(batchId, 0, 'stopped-run')).kind).toBe('claimed');
    const third = await bookChunk(data, h.live.require(), deps, fault);
    if (third.kind !== 'booked') throw new Error(`the third run ended ${third.kind}`);
    const lines = third.results.lines
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Line);
    expect(lines.filter((l) => l.bookingId)).toHaveLength(first.results.routed);
    const held = holdsOfLines(
      lines.filter((l) => l.bookingId).map((l) => ({ ...l, parcelId: l.parcelId.replace(/-chain$/, '') })),
    );
    const expected = new Map(before);
    for (const [field, value] of held) expected.set(field, (expected.get(field) ?? 0) + value);
    expect(await ledgerCounters()).toEqual(expected);
  });

  it('refuses book=maybe with a 400 naming the parameter', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/batches?book=maybe',
      headers: NDJSON,
      payload: ndjson(parcels.slice(0, 2)),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^book: /);
  });
});
