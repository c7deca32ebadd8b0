/**
 * The app with the demo network for the batch tests, optionally with batch
 * workers in the test's own process, and helpers to submit a batch, wait for it
 * and read its results.
 */
import { join } from 'node:path';
import pino from 'pino';
import { BatchStatusStore } from '../../src/batch/batch-status';
import { BookingRuns } from '../../src/batch/booking-runs';
import type { ChunkEntry, ChunkJobData } from '../../src/batch/chunk-job';
import type { ChunkBookingDeps } from '../../src/batch/chunk-booking';
import { startBatchWorkers, type BatchWorkers } from '../../src/batch/worker-pool';
import { readNetworkFile } from '../../src/network/network-file';
import type { NetworkDocument } from '../../src/routing/types';
import { startApp, waitFor, type Harness, type HarnessOptions } from './app-harness';

export const NDJSON = { 'content-type': 'application/x-ndjson' };

let demo: Promise<NetworkDocument> | undefined;

export function demoNetwork(): Promise<NetworkDocument> {
  demo ??= readNetworkFile(join(__dirname, '..', '..', 'data', 'cn-global-demo.json'));
  return demo;
}

export interface BatchHarness extends Harness {
  /** Batch workers in this process, when asked for. */
  workers: BatchWorkers | undefined;
}

export async function startBatchApp(options: HarnessOptions & { workers?: boolean } = {}): Promise<BatchHarness> {
  const h = await startApp({ network: await demoNetwork(), ...options });
  const workers = options.workers ? startBatchWorkers(h.config, h, pino({ level: 'silent' })) : undefined;
  return {
    ...h,
    workers,
    async close() {
      await workers?.close();
      await h.close();
    },
  };
}

/** A booked batch begun under `batchId` (being submitted), and its chunk 0 of `entries`, for a test to book itself. */
export async function bookedChunkZero(
  h: Harness,
  batchId: string,
  requestId: string,
  entries: ChunkEntry[],
): Promise<ChunkJobData> {
  await new BatchStatusStore(h.redis, h.keys, 60).begin(batchId, new Date().toISOString());
  return { batchId, chunk: 0, requestId, book: true, entries };
}

/** What booking a chunk in the test's own process needs: the app's ledger and view, and the runs of its prefix. */
export function chunkBookingDeps(h: Harness): ChunkBookingDeps {
  return {
    ledger: h.capacity.ledger,
    view: h.capacity.view,
    runs: new BookingRuns(h.redis, h.keys, h.config.resultsTtlSeconds),
  };
}

export function ndjson(items: readonly unknown[]): string {
  return items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
}

export interface StatusBody {
  batchId: string;
  state: string;
  total: number;
  routed: number;
  failed: number;
  createdAt: string;
  completedAt: string | null;
}

export async function batchStatus(h: Harness, batchId: string): Promise<StatusBody> {
  const res = await h.app.inject({ method: 'GET', url: `/v1/batches/${batchId}` });
  if (res.statusCode !== 200) throw new Error(`GET status answered ${res.statusCode}: ${res.body}`);
  return res.json<StatusBody>();
}

/** Waits until the batch is completed or failed; returns its status. */
export async function finished(h: Harness, batchId: string, timeoutMs = 20_000): Promise<StatusBody> {
  let status: StatusBody | undefined;
  await waitFor(async () => {
    status = await batchStatus(h, batchId);
    return status.state === 'completed' || status.state === 'failed';
  }, timeoutMs);
  return status as StatusBody;
}

/** The result lines of a finished batch, parsed. */
export async function results(h: Harness, batchId: string): Promise<Record<string, unknown>[]> {
  const res = await h.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/results` });
  if (res.statusCode !== 200) throw new Error(`GET results answered ${res.statusCode}: ${res.body}`);
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  expect(res.body.endsWith('\n')).toBe(true);
  return res.body
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
