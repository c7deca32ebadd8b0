/**
 * Plans a day's parcels together against capacity (CONTRACT §6, docs/plans.md):
 *
 * 1. greedy: the parcels booked one by one in the order given (greedy.ts), the figure to
 *    beat, and which parcels can be planned at all;
 * 2. commodities (commodities.ts), in one part, or in parts by origin when there are more
 *    than one model holds (split.ts);
 * 3. each part planned by its own LP (part.ts: candidates, LP, pricing, rounding), over
 *    what the parts before it booked;
 * 4. a split plan: one LP over the whole plan with the parts' columns, rounded into a
 *    plan of its own, kept when it costs less (whole-plan.ts);
 * 5. the better of the plan and greedy is returned.
 *
 * `lowerBound` is a proven lower bound on the objective of every plan whose parcels take
 * routes among the LP's columns (the plan and greedy included), not on plans over routes
 * the core never offered: the dual bound of the LP (lp-bound.ts) when the plan is one
 * model, the Lagrangian bound at the volume algorithm's prices or the whole LP's duals
 * (volume.ts, lagrangian-bound.ts, subgradient.ts) when it is split.
 */
import type { Highs } from 'highs';
import type { LoadTable, Reservation } from '../routing/capacity/loads';
import { reservationsOf } from '../routing/capacity/reservations';
import type { NetworkIndex } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import type { LowerBoundCache } from '../routing/search/lower-bounds';
import type { Closure, RoutePlan, RouteQuery } from '../routing/types';
import { CANDIDATE_SEARCHES } from './candidates';
import { groupCommodities, type Commodity } from './commodities';
import { greedyPlans } from './greedy';
import { planPart, type PartOutcome, type Phase } from './part';
import { scorePlans } from './score';
import type { SearchHelper } from './search-helper';
import { MAX_COMMODITIES_PER_MODEL, splitByOrigin } from './split';
import type { ExposedModel, ParcelPlan, PlanFigures, PlanOutcome, PlanPenalties } from './types';
import type { Pool } from './whole-lp';
import { planWhole } from './whole-plan';

/** Pricing rounds after the first LP of each part. @defaultValue */
export const PRICING_ROUNDS = 3;

export interface PlanInput {
  index: NetworkIndex;
  closures?: readonly Closure[];
  /** Shared lower bounds of the index, when the caller keeps them. */
  bounds?: LowerBoundCache;
  /** A new table of what is booked already (the starting loads), at each call. */
  startingLoads: () => LoadTable;
  queries: readonly RouteQuery[];
  penalties: PlanPenalties;
  highs: Highs;
  /** @defaultValue PRICING_ROUNDS */
  pricingRounds?: number;
  /** Most commodities in one model; more are split into parts by origin. @defaultValue MAX_COMMODITIES_PER_MODEL */
  maxCommodities?: number;
  /** Return the LPs' commodities and routes too (PlanOutcome.model). @defaultValue false */
  exposeModel?: boolean;
  /** Told at the end of each phase (of each part), with its seconds: for benchmarks and logs. */
  onPhase?: (phase: Phase | 'greedy', seconds: number) => void;
  /**
   * Another thread that shares the plan's searches (search-helper.ts): half of each round
   * of candidate searches, and greedy's choices ahead of their turn. The same plan,
   * sooner. @defaultValue none: every search here
   */
  helper?: SearchHelper;
}

const BOUND_ONE_MODEL =
  "the LP relaxation over the candidate routes (the core's routes by arrival and cost, the economy route and the level's choice when on time, the routes found by pricing around saturated capacity, and the routes greedy and the repair used): every plan over those routes costs at least this";
const BOUND_PARTS =
  "the Lagrangian relaxation of every capacity of the plan, at the best prices found by the volume algorithm and the duals of the LP over the whole plan (raised by subgradient steps when they do not prove the plan within 1 %), over the candidate routes of all parts (the core's routes, the priced ones, and those greedy and the repair used): every plan over those routes costs at least this";

export async function planParcels(input: PlanInput): Promise<PlanOutcome> {
  const started = performance.now();
  const { index: ix, queries, penalties, highs } = input;
  const closures = input.closures ?? [];
  const router = (loads: LoadTable) => new Router(ix, closures, input.bounds, loads);
  const searcher = (loads: LoadTable) => new Router(ix, closures, input.bounds, loads, CANDIDATE_SEARCHES);
  const phases: PlanFigures['phases'] = { greedy: 0, candidates: 0, lp: 0, pricing: 0, rounding: 0 };
  let mark = performance.now();
  const lap = (phase: Phase | 'greedy') => {
    const now = performance.now();
    phases[phase] += (now - mark) / 1000;
    input.onPhase?.(phase, (now - mark) / 1000);
    mark = now;
  };

  const greedyLoads = input.startingLoads();
  const greedy = await greedyPlans(router(greedyLoads), greedyLoads, queries, input.helper);
  lap('greedy');
  const plannable: number[] = [];
  for (let i = 0; i < queries.length; i++) if (greedy[i].kind !== 'excluded') plannable.push(i);
  const commodities = groupCommodities(ix, queries, plannable);

  const parts = splitByOrigin(commodities, input.maxCommodities ?? MAX_COMMODITIES_PER_MODEL);
  const plans: ParcelPlan[] = greedy.map((g) => (g.kind === 'excluded' ? g : { kind: 'unplanned' }));
  const booked: Reservation[] = [];
  const partsStart = () => {
    const loads = input.startingLoads();
    loads.apply(booked, 1);
    return loads;
  };
  const outcomes: { part: number[]; outcome: PartOutcome }[] = [];
  for (const part of parts) {
    const local = part.map((id, k) => ({ ...commodities[id], id: k }));
    const greedyRoutes = new Map<number, RoutePlan[]>();
    local.forEach((c) => {
      const routes = c.parcels.flatMap((i) => {
        const g = greedy[i];
        return g.kind === 'planned' ? [g.answer.route] : [];
      });
      if (routes.length) greedyRoutes.set(c.id, routes);
    });
    const outcome = await planPart({
      ix,
      router,
      searcher,
      highs,
      penalties,
      queries,
      commodities: local,
      greedyRoutes,
      startingLoads: partsStart,
      working: partsStart(),
      pricingRounds: input.pricingRounds ?? PRICING_ROUNDS,
      boundPlan: parts.length === 1,
      lap,
      helper: input.helper,
    });
    for (const c of local) {
      for (const i of c.parcels) {
        const p = outcome.plans[i];
        plans[i] = p;
        if (p.kind === 'planned' && parts.length > 1)
          booked.push(...reservationsOf(ix, p.answer.route, queries[i].weightKg));
      }
    }
    outcomes.push({ part, outcome });
  }

  const greedyScore = scorePlans(greedy, penalties);
  const whole =
    parts.length === 1
      ? undefined
      : planWhole({
          ix,
          highs,
          router,
          queries,
          penalties,
          commodities,
          outcomes,
          startingLoads: input.startingLoads,
          plans,
          greedyObjective: greedyScore.objective,
          lap,
          helper: input.helper,
        });
  const planned = whole?.plans ?? plans;
  const lpScore = scorePlans(planned, penalties);
  const useGreedy = greedyScore.objective < lpScore.objective;
  const score = useGreedy ? greedyScore : lpScore;
  const lowerBound = whole ? whole.bound : outcomes[0].outcome.bound;
  const sizes = [...outcomes.map((o) => o.outcome.size), ...(whole?.lp ? [whole.lp.size] : [])];
  const largest = sizes.reduce((a, b) => (b.nonzeros > a.nonzeros ? b : a));
  const sum = (f: (o: PartOutcome) => number, ofWhole = 0) => outcomes.reduce((s, o) => s + f(o.outcome), ofWhole);
  const figures: PlanFigures = {
    ...score,
    total: queries.length,
    excluded: queries.length - plannable.length,
    lowerBound,
    gap: score.objective > 0 ? Math.max(0, (score.objective - lowerBound) / score.objective) : 0,
    bound: parts.length === 1 ? BOUND_ONE_MODEL : BOUND_PARTS,
    greedy: { ...greedyScore },
    source: useGreedy ? 'greedy' : 'lp',
    commodities: commodities.length,
    lp: largest,
    lpSolves: sum((o) => o.solves, whole?.lp?.solves),
    lpIterations: sum((o) => o.lpIterations, whole?.lp?.iterations),
    columnsPriced: sum((o) => o.columnsPriced),
    solveSeconds: sum((o) => o.solveSeconds, whole?.lp?.seconds),
    totalSeconds: (performance.now() - started) / 1000,
    phases,
    split:
      parts.length === 1
        ? 'none'
        : `${parts.length} parts by origin hub (at most ${input.maxCommodities ?? MAX_COMMODITIES_PER_MODEL} commodities each), each planned over what the parts before it booked, then one LP over the whole plan with the parts' routes${whole?.lp ? '' : " (not solved: over its size limit, or HiGHS failed; the parts' plan kept)"}`,
    ...(input.helper && { helper: input.helper.work() }),
  };
  const result: PlanOutcome = { parcels: useGreedy ? greedy : planned, figures };
  if (input.exposeModel) result.model = exposed(ix, commodities, whole?.pool ?? outcomes[0].outcome.columns);
  return result;
}

/** The plan's commodities, each with its routes: the columns of its one model, or of a split plan's pool. */
function exposed(ix: NetworkIndex, commodities: readonly Commodity[], columns: Pool): ExposedModel {
  return {
    commodities: commodities.map((c) => ({
      parcels: [...c.parcels],
      routes: columns.ofCommodity[c.id].map((j) => ({
        legIds: [...columns.list[j].legs].map((l) => ix.legIds[l]),
        departs: [...columns.list[j].departs],
      })),
    })),
  };
}
