/**
 * The plans threads' heap (PLANS_HEAP_MB): each thread gets the heap it is given, not
 * Node's default of about 4 GB that a million-parcel plan outgrows, and the larger young
 * generation of thread-limits.ts; a plan that outgrows its heap fails alone, with the
 * pool still planning after it.
 */
import { join } from 'node:path';
import { PlansPool } from '../../src/plans-pool/plans-pool';
import type { PlanTask } from '../../src/plans-pool/task';
import { PLAN_YOUNG_GENERATION_MB } from '../../src/plans-pool/thread-limits';

const HEAP_WORKER = join(__dirname, '..', 'support', 'heap-worker.js');
const MB = 1024 * 1024;

/** The stand-in thread's answer: its heap limit in bytes. */
function heapLimit(pool: PlansPool, fill = false): Promise<number> {
  return pool.plan({ fill } as unknown as PlanTask) as unknown as Promise<number>;
}

test('a plans thread gets the heap it is given, past Node default', async () => {
  const pool = new PlansPool({ workerFile: HEAP_WORKER, heapMb: 6_000 });
  try {
    const limit = await heapLimit(pool);
    expect(limit).toBeGreaterThanOrEqual(6_000 * MB);
    expect(limit).toBeLessThan(7_000 * MB);
  } finally {
    await pool.close();
  }
});

test('a plans thread gets the larger young generation beside its heap', async () => {
  const pool = new PlansPool({ workerFile: HEAP_WORKER, heapMb: 64 });
  try {
    // V8's heap limit is the old generation and the young one together (Node 20's default young one: 48 MB).
    expect(await heapLimit(pool)).toBeGreaterThanOrEqual((64 + PLAN_YOUNG_GENERATION_MB) * MB);
  } finally {
    await pool.close();
  }
});

test('a plan that outgrows its heap fails alone, and the pool plans on', async () => {
  const pool = new PlansPool({ workerFile: HEAP_WORKER, heapMb: 64 });
  try {
    await expect(heapLimit(pool, true)).rejects.toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(await heapLimit(pool)).toBeLessThan((64 + PLAN_YOUNG_GENERATION_MB + 64) * MB);
  } finally {
    await pool.close();
  }
}, 30_000);
