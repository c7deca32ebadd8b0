/**
 * A promise table (docs/api.md): from one origin, at one ready time and weight,
 * what each service level promises to each destination — what checkout pages
 * show ("arrives by Thursday"). Every cell is what the router answers to that
 * single route request (default deadline, no avoid), by the same choice
 * (Router.promise): first the one-to-all sweeps that answer every destination
 * are made (Router.sweepFor), then each cell is read from them. Both come a slice
 * or a row at a time, so that the HTTP layer can let other calls in between.
 */
import { AppError } from '../errors';
import type { Router } from '../routing/router/router';
import type { RoutePromise, ServiceLevel } from '../routing/types';

export interface PromiseQuery {
  origin: string;
  /** Hub ids, answered in this order; undefined = every hub, in the network document's order. */
  destinations?: readonly string[];
  /** Epoch minutes. */
  readyAt: number;
  weightKg: number;
  /** The levels asked, in this order. */
  levels: readonly ServiceLevel[];
}

export interface PromiseRow {
  destination: string;
  /** One entry per level asked: null when no route (with room) arrives within 14 days. */
  cells: Partial<Record<ServiceLevel, RoutePromise | null>>;
}

export interface PromiseTable {
  /** The sweeps that answer the table, made a slice at a time as it is iterated. */
  prepare: Iterable<void>;
  /** The rows, computed as they are taken (after `prepare`, they are read from its sweeps). */
  rows: Iterable<PromiseRow>;
}

/**
 * The table of `query`. Checks every hub first: throws 422 UNKNOWN_HUB naming the field
 * (`origin`, `destinations[i]`) of the first hub not in the network.
 */
export function promiseTable(router: Router, query: PromiseQuery): PromiseTable {
  const { hubByCode, hubIds } = router.index;
  if (!hubByCode.has(query.origin)) throw unknownHub(query.origin, 'origin');
  query.destinations?.forEach((id, i) => {
    if (!hubByCode.has(id)) throw unknownHub(id, `destinations[${i}]`);
  });
  return {
    prepare: { [Symbol.iterator]: () => router.sweepFor(query.origin, query.readyAt, query.levels, query.weightKg) },
    rows: { [Symbol.iterator]: () => rowsOf(router, query, query.destinations ?? hubIds) },
  };
}

function* rowsOf(router: Router, query: PromiseQuery, destinations: readonly string[]): Generator<PromiseRow> {
  const { origin, readyAt, weightKg } = query;
  for (const destination of destinations) {
    const cells: PromiseRow['cells'] = {};
    for (const serviceLevel of query.levels)
      cells[serviceLevel] = router.promise({ origin, destination, weightKg, readyAt, serviceLevel });
    yield { destination, cells };
  }
}

function unknownHub(id: string, field: string): AppError {
  return new AppError('UNKNOWN_HUB', `${field}: unknown hub '${id}'`, { field });
}
