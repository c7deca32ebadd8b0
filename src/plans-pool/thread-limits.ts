import type { ResourceLimits } from 'node:worker_threads';

/**
 * The young generation of a plan's threads (the plans thread and its search helper), in
 * MB: V8's semi-spaces of 64 MB instead of Node 20's 16. Their searches leave short-lived
 * garbage at every label (garbage collection was 16 % of greedy's profile on 2,000 hubs),
 * and a larger young generation collects it less often. Greedy on the first 200,000
 * parcels of `2000/0.5` at a million, in a Worker, took 25.5 and 25.8 s against 27.4 and
 * 28.5 s (1.09×); the whole plan at 100,000 parcels, 571.4 s against 591.8 s, the same
 * plan (bench/README.md, "Stop 39"). @defaultValue
 */
export const PLAN_YOUNG_GENERATION_MB = 192;

/** A plan thread's limits: its young generation, and its old generation when `heapMb` is given. */
export function planThreadLimits(heapMb?: number): ResourceLimits {
  return {
    maxYoungGenerationSizeMb: PLAN_YOUNG_GENERATION_MB,
    ...(heapMb !== undefined && { maxOldGenerationSizeMb: heapMb }),
  };
}
