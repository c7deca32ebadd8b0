/**
 * The one prom-client Registry of this process (never prom-client's global
 * default), with the default process and Node metrics on it: CPU, RSS, heap,
 * event-loop lag, GC, handles. Every family of src/metrics/definitions.ts
 * registers here; GET /metrics exposes it.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** The text exposition of every metric, with its Content-Type. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
