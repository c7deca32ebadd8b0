/** What goes to a tours thread and what comes back (structured-clone safe: no classes). */
import type { ToursLimits } from '../api/tours/solve-request';

export interface ToursTask {
  /** The request body, UTF-8 JSON, in a buffer of its own (transferred, not copied). */
  body: Uint8Array;
  /** Hubs of the active network: id, lat, lon. */
  hubs: [string, number, number][];
  limits: ToursLimits;
}

export type ToursTaskResult =
  /** The answer as JSON text: serialised in the thread, sent as it is. */
  { json: string } | { error: { code: string; message: string; details?: Record<string, unknown> } };
