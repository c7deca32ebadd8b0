/** What goes to a plans thread and what comes back (structured-clone safe: no classes). */
import type { ChunkEntry } from '../batch/chunk-job';
import type { PlanFigures, PlanPenalties } from '../plans/types';
import type { Closure, NetworkDocument, RouteAnswer } from '../routing/types';

/** A field of a date's load hash in the ledger and its value: [date, field, value]. */
export type LoadEntry = [date: string, field: string, value: number];

export interface PlanTask {
  /** The network version planned on, as its document; the thread builds its own index. */
  doc: NetworkDocument;
  version: string;
  closures: Closure[];
  /** What the ledger holds on the dates the plan may use: the starting loads. */
  loads: LoadEntry[];
  /** The parcels as submitted, in order. */
  entries: ChunkEntry[];
  penalties: PlanPenalties;
  /** book=true: planned parcels come back as answers to book, not as lines. */
  book: boolean;
}

export type PlannedParcel =
  /** The parcel's result line (with its newline). */
  | { line: string }
  /** A planned parcel to book (book=true). */
  | { id: string; answer: RouteAnswer; weightKg: number; line?: undefined };

export interface PlanTaskResult {
  figures: PlanFigures;
  /** Parcels with an error line other than NO_CAPACITY. */
  failed: number;
  parcels: PlannedParcel[];
}
