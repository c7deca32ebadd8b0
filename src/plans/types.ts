/**
 * What the planner takes and gives back (docs/plans.md). Pure data: times are epoch
 * minutes, as everywhere in the routing core.
 */
import type { RouteAnswer, RouteOutcome, RouteQuery } from '../routing/types';

/** What the objective charges besides the routes' cost. */
export interface PlanPenalties {
  /** Charged once for each parcel that arrives after its deadline. @defaultValue 100 */
  latePenalty: number;
  /** Charged once for each parcel with no route that has room. @defaultValue 1000 */
  unplannedPenalty: number;
}

export const DEFAULT_PENALTIES: Readonly<PlanPenalties> = { latePenalty: 100, unplannedPenalty: 1000 };

/** What one parcel of a plan gets. */
export type ParcelPlan =
  | { kind: 'planned'; answer: RouteAnswer }
  /** No route that has room was given to it (NO_CAPACITY). */
  | { kind: 'unplanned' }
  /** Not plannable at all: no route by §2 alone, or an unknown hub. Outside the objective. */
  | { kind: 'excluded'; outcome: Exclude<RouteOutcome, { kind: 'routed' } | { kind: 'no-capacity' }> };

/** An objective and what it is made of. */
export interface Score {
  objective: number;
  cost: number;
  planned: number;
  late: number;
  unplanned: number;
}

/** The size of the linear programmes solved. */
export interface LpSize {
  columns: number;
  rows: number;
  nonzeros: number;
}

export interface PlanFigures extends Score {
  /** Parcels given, excluded ones included. */
  total: number;
  /** Parcels with no route by §2 alone, or naming an unknown hub: outside the objective. */
  excluded: number;
  /** A proven lower bound on every plan over the routes in `bound` (see docs/plans.md). */
  lowerBound: number;
  /** (objective − lowerBound) / objective; 0 when both are 0. */
  gap: number;
  /** What lowerBound bounds, in words. */
  bound: string;
  greedy: Score;
  /** 'lp' when the rounded LP plan is returned, 'greedy' when greedy was no worse and is returned instead. */
  source: 'lp' | 'greedy';
  commodities: number;
  /** The last (largest) LP solved. */
  lp: LpSize;
  /** LPs solved: the first over the candidate routes, then one per round of new columns. */
  lpSolves: number;
  /** Interior-point, crossover and simplex iterations over all the LPs (lp-solve.ts). */
  lpIterations: number;
  /** Columns added after the first LP because their reduced cost was negative. */
  columnsPriced: number;
  /** Seconds inside HiGHS. */
  solveSeconds: number;
  /** Seconds for the whole plan. */
  totalSeconds: number;
  /** Seconds by phase: greedy, candidates (the core's searches), lp (HiGHS), pricing (the core's searches), rounding. */
  phases: Record<'greedy' | 'candidates' | 'lp' | 'pricing' | 'rounding', number>;
  /** How the plan was split into models: 'none' (one model), or what it was split by. */
  split: string;
  /** What the helper thread did for the plan, when it had one. */
  helper?: HelperWork;
}

/** What a plan's helper thread did for it (search-helper.ts). */
export interface HelperWork {
  /** Queries it searched: candidates, pricing, and greedy's choices ahead of their turn. */
  searches: number;
  /** Second halves of the relaxation's evaluations it made (shared-half.ts). */
  halves: number;
}

export interface PlanOutcome {
  /** One per parcel, in the order given. */
  parcels: ParcelPlan[];
  figures: PlanFigures;
  /** The last LP's commodities and routes, when asked for (PlanInput.exposeModel): for tests against an exact MIP. */
  model?: ExposedModel;
}

/** The commodities of a plan and the routes (columns) of each, as plain data. */
export interface ExposedModel {
  commodities: { parcels: number[]; routes: { legIds: string[]; departs: number[] }[] }[];
}

/** A parcel to plan: the query as POST /v1/routes takes it. */
export type PlanQuery = RouteQuery;
