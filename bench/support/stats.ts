/** Small measuring helpers shared by the bench scenarios. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Milliseconds each call of `fn(i)` took, for i in 0..count-1, sorted ascending. */
export function timeEach(count: number, fn: (i: number) => void): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    out[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return out.sort((a, b) => a - b);
}

/** JS heap plus ArrayBuffer memory (where typed arrays live), after a GC when --expose-gc is on. */
export function heapUsedMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
