/**
 * A promise table (CONTRACT §8): from one origin, at one ready time and weight,
 * what each service level promises to each destination — what checkout pages
 * show ("arrives by Thursday"). Every cell is, by definition, what the router
 * answers to that single route request (default deadline, no avoid); for now
 * it is computed by asking it cell by cell. The router's sweeps make that
 * cheap for express, standard and green once a few cells from the origin have
 * earned one; economy looks 14 days ahead and searches each time. Rows come
 * one at a time, so that the HTTP layer can let other calls in between the
 * rows of a table of thousands of cells.
 */
import { AppError } from '../errors';
import type { Router } from '../routing/router/router';
import type { ServiceLevel } from '../routing/types';

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

/** What POST /v1/routes answers for one destination and level, in epoch minutes. */
export interface PromiseCell {
  arriveAt: number;
  cost: number;
  co2Kg: number;
  meetsDeadline: boolean;
  deadline: number;
}

export interface PromiseRow {
  destination: string;
  /** One entry per level asked: null when no route arrives within 14 days. */
  cells: Partial<Record<ServiceLevel, PromiseCell | null>>;
}

/**
 * The table's rows, computed as they are taken. Checks every hub first: throws 422
 * UNKNOWN_HUB naming the field (`origin`, `destinations[i]`) of the first hub not in the network.
 */
export function promiseTable(router: Router, query: PromiseQuery): IterableIterator<PromiseRow> {
  const { hubByCode, hubIds } = router.index;
  if (!hubByCode.has(query.origin)) throw unknownHub(query.origin, 'origin');
  query.destinations?.forEach((id, i) => {
    if (!hubByCode.has(id)) throw unknownHub(id, `destinations[${i}]`);
  });
  return rowsOf(router, query, query.destinations ?? hubIds);
}

function* rowsOf(router: Router, query: PromiseQuery, destinations: readonly string[]): IterableIterator<PromiseRow> {
  for (const destination of destinations) {
    const cells: PromiseRow['cells'] = {};
    for (const level of query.levels) cells[level] = cellOf(router, query, destination, level);
    yield { destination, cells };
  }
}

function cellOf(router: Router, query: PromiseQuery, destination: string, serviceLevel: ServiceLevel): PromiseCell | null {
  const outcome = router.route({ origin: query.origin, destination, weightKg: query.weightKg, readyAt: query.readyAt, serviceLevel });
  if (outcome.kind !== 'routed') return null;
  const { route, meetsDeadline, deadline } = outcome.answer;
  return { arriveAt: route.arriveAt, cost: route.cost, co2Kg: route.co2Kg, meetsDeadline, deadline };
}

function unknownHub(id: string, field: string): AppError {
  return new AppError('UNKNOWN_HUB', `${field}: unknown hub '${id}'`, { field });
}
