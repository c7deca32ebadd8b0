import { NO_LOADS, type Loads } from '../capacity/loads';
import { Room } from '../capacity/room';
import { AvoidFilter } from '../network/avoid-filter';
import { ClosureTable } from '../network/closures';
import type { NetworkIndex } from '../network/network-index';
import { itineraryOf } from '../search/itinerary';
import { LowerBoundCache } from '../search/lower-bounds';
import type { Front, Objective } from '../search/objective';
import { PathOrder } from '../search/path-order';
import { Search } from '../search/search';
import type { OriginSweep } from '../sweep/origin-sweep';
import { SweepCache } from '../sweep/sweep-cache';
import type { SweepKind } from '../sweep/sweeper';
import { DOMESTIC_DEADLINE_MINUTES, HORIZON_MINUTES, INTERNATIONAL_DEADLINE_MINUTES } from '../time';
import type {
  Closure,
  Itinerary,
  RouteAnswer,
  RouteOutcome,
  RoutePlan,
  RoutePromise,
  RouteQuery,
  ServiceLevel,
} from '../types';
import { selectAlternatives } from './alternatives';
import { amountsOf, explainRoute } from './explain';

/** No sweep to try (a query with `avoid`). */
const NO_SWEEPS: readonly OriginSweep[] = [];

/** A query's choice, and what it was made by. */
interface Chosen {
  itinerary: Itinerary;
  origin: number;
  destination: number;
  level: ServiceLevel;
  deadline: number;
  avoid: AvoidFilter;
  room: Room;
}

/**
 * The level route() answers `q` at and its deadline (§2): its own, or standard; its own,
 * or 24 h at home and 72 h abroad.
 */
export function levelOf(
  ix: NetworkIndex,
  q: RouteQuery,
  origin: number,
  destination: number,
): { level: ServiceLevel; deadline: number } {
  const domestic = ix.hubCountry[origin] === ix.hubCountry[destination];
  const byDefault = domestic ? DOMESTIC_DEADLINE_MINUTES : INTERNATIONAL_DEADLINE_MINUTES;
  return { level: q.serviceLevel ?? 'standard', deadline: q.deadline ?? q.readyAt + byDefault };
}

/** The answer for `q` along an itinerary chosen for it at `level` by `deadline`, without alternatives. */
export function answerOf(
  ix: NetworkIndex,
  q: RouteQuery,
  itinerary: Itinerary,
  level: ServiceLevel,
  deadline: number,
): RouteAnswer {
  const route = explainRoute(ix, itinerary, q.readyAt, q.weightKg);
  const arriveAt = route.arriveAt;
  return {
    serviceLevel: level,
    deadline,
    meetsDeadline: arriveAt <= deadline,
    slackMinutes: deadline - arriveAt,
    route,
  };
}

export interface RouterOptions {
  /**
   * Whether searches earn sweeps (SweepCache): a sweep is made once the searches it would
   * have answered have cost more than it. Off for a flow plan's candidate searches, where
   * a sweep costs more than the searches it spares (docs/plans.md, "Candidate routes").
   * @defaultValue true
   */
  sweeps?: boolean;
}

/** The kind of sweep that answers each level. */
const SWEEP_KIND: Readonly<Record<ServiceLevel, SweepKind>> = {
  express: 'cost',
  standard: 'cost',
  economy: 'economy',
  green: 'co2',
};

/**
 * Answers route queries (docs/api.md, What a route is) on one network version with one set of closures:
 * from a sweep kept for the parcel's origin and hour when there is one (see
 * SweepCache), else by searches. Cheap to create: a change of closures makes a new
 * Router over the same index and lower bounds.
 *
 * Not re-entrant: its searches and sweeps own their scratch arrays.
 */
export class Router {
  private readonly closureTable: ClosureTable;
  private readonly search: Search;
  private readonly sweeps: SweepCache;
  /** Whether searches earn sweeps (RouterOptions.sweeps). */
  private readonly earnsSweeps: boolean;
  /** What is booked, when the network declares capacity; null when it declares none. */
  private readonly loads: Loads | null;
  /** Answers that came from a sweep rather than a search. */
  sweptAnswers = 0;
  /** Of those, the answers from a sweep made before a release that gave room to no departure it found full. */
  sweptAfterRelease = 0;

  /**
   * @param bounds the per-destination lower bounds of `index`, shared by the Routers of
   *   one version. @defaultValue new ones
   * @param loads what is booked (capacity: docs/network.md), read at each query: its owner keeps it
   *   up to date. @defaultValue nothing booked
   */
  constructor(
    readonly index: NetworkIndex,
    closures: readonly Closure[] = [],
    bounds = new LowerBoundCache(index),
    loads: Loads = NO_LOADS,
    options: RouterOptions = {},
  ) {
    this.earnsSweeps = options.sweeps ?? true;
    this.closureTable = closures.length ? new ClosureTable(index, closures) : ClosureTable.NONE;
    this.loads = index.hasCapacity ? loads : null;
    this.search = new Search(index, this.closureTable, bounds);
    this.sweeps = new SweepCache(index, this.closureTable, new PathOrder(index.legRank), this.loads);
  }

  /**
   * The route for one parcel, or why there is none; with `q.alternatives`, the
   * alternatives too (selectAlternatives), from the routes of `front`: those by the
   * deadline that no other beats on arrival, cost and CO2 (`pareto`, the API's), or on
   * arrival and cost alone (`tradeoffs`, a flow plan's candidates). `weightKg` must be a
   * finite number above 0.
   */
  route(q: RouteQuery, front: Front = 'pareto'): RouteOutcome {
    const chosen = this.choose(q);
    if (!('itinerary' in chosen)) return chosen;
    const answer = answerOf(this.index, q, chosen.itinerary, chosen.level, chosen.deadline);
    if (q.alternatives)
      answer.alternatives = selectAlternatives(
        this.routesOnFront(q, chosen, front),
        answer.meetsDeadline ? answer.route : undefined,
        q.alternatives,
        front,
      );
    return { kind: 'routed', answer };
  }

  /** Every route by the deadline that no other dominates in the amounts of `front` (its search). */
  private routesOnFront(
    q: RouteQuery,
    { origin, destination, deadline, avoid, room }: Chosen,
    front: Front,
  ): RoutePlan[] {
    const { readyAt, weightKg } = q;
    const latestArrival = Math.min(deadline, readyAt + HORIZON_MINUTES);
    this.search.run({ origin, destination, readyAt, weightKg, latestArrival, objective: front, avoid, room });
    const { labels } = this.search;
    // The origin's own label is not held to the deadline by the search: a route with no legs may be late.
    const onTime = this.search.destinationLabels().filter((label) => labels.arrival[label] <= latestArrival);
    return onTime.map((label) => explainRoute(this.index, itineraryOf(labels, label), readyAt, weightKg));
  }

  /**
   * What route() answers for `q`, in short (a promise table's cell, docs/api.md): when the route
   * arrives, what it costs and emits, and its deadline; null when route() would find
   * none (or none with room). The same choice, without explaining every leg.
   */
  promise(q: RouteQuery): RoutePromise | null {
    const chosen = this.choose(q);
    if (!('itinerary' in chosen)) return null;
    const { itinerary, deadline } = chosen;
    const { legs, arrivals } = itinerary;
    const arriveAt = legs.length ? arrivals[legs.length - 1] : q.readyAt;
    return { arriveAt, ...amountsOf(this.index, legs, q.weightKg), deadline, meetsDeadline: arriveAt <= deadline };
  }

  /**
   * Makes now, a slice at a time, the sweeps that answer promise() for parcels of
   * `weightKg` from `origin` at `readyAt` for `levels` to every destination, and keeps
   * them: a CO2 sweep for green, one looking the whole 14 days ahead for the others,
   * both for that one weight. Yields between slices.
   */
  *sweepFor(origin: string, readyAt: number, levels: readonly ServiceLevel[], weightKg: number): Generator<void> {
    const from = this.index.hubByCode.get(origin);
    if (from === undefined) return;
    const kinds = new Set(levels.map((level): SweepKind => (level === 'green' ? 'co2' : 'economy')));
    for (const kind of kinds) yield* this.sweeps.sweepNow(from, readyAt, kind, weightKg);
  }

  /** The itinerary of the query's choice, with what it was chosen by, or why there is none. */
  private choose(q: RouteQuery): Chosen | Exclude<RouteOutcome, { kind: 'routed' }> {
    const origin = this.index.hubByCode.get(q.origin);
    if (origin === undefined) return { kind: 'unknown-hub', field: 'origin', hubId: q.origin };
    const destination = this.index.hubByCode.get(q.destination);
    if (destination === undefined) return { kind: 'unknown-hub', field: 'destination', hubId: q.destination };
    if (!(q.weightKg > 0 && Number.isFinite(q.weightKg)))
      throw new RangeError(`weightKg must be above 0, not ${q.weightKg}`);
    const { level, deadline } = levelOf(this.index, q, origin, destination);
    this.sweeps.work();
    const avoid = q.avoid ? new AvoidFilter(this.index, q.avoid) : AvoidFilter.NONE;
    const horizon = q.readyAt + HORIZON_MINUTES;
    const room = this.loads ? new Room(this.index, this.loads, q.weightKg, horizon) : Room.UNLIMITED;
    const itinerary = this.plan(origin, destination, q.readyAt, level, deadline, avoid, q.weightKg, room);
    if (itinerary) return { itinerary, origin, destination, level, deadline, avoid, room };
    return { kind: room.isUnlimited || !this.exists(origin, destination, q, avoid) ? 'no-route' : 'no-capacity' };
  }

  /** The itinerary of the level's choice (docs/api.md, What a route is), or undefined when none arrives within the horizon. */
  private plan(
    origin: number,
    destination: number,
    readyAt: number,
    level: ServiceLevel,
    deadline: number,
    avoid: AvoidFilter,
    weightKg: number,
    room: Room,
  ): Itinerary | undefined {
    // Many parcels from one origin at one time: one sweep answers them all, to every destination.
    const sweepKind = avoid.isEmpty ? SWEEP_KIND[level] : undefined;
    let swept: ReturnType<OriginSweep['answer']> | undefined;
    let from: OriginSweep | undefined;
    for (const sweep of sweepKind ? this.sweeps.candidates(origin, readyAt, sweepKind, weightKg) : NO_SWEEPS) {
      swept = sweep.answer(destination, level, readyAt, deadline, weightKg, room);
      from = sweep;
      if (swept !== 'beyond') break;
    }
    if (typeof swept === 'object' || swept === 'none') {
      this.sweptAnswers++;
      if (from) from.answered++;
      if (from?.keptOverRelease) this.sweptAfterRelease++;
      return swept === 'none' ? undefined : swept;
    }
    // Nothing arrives by the deadline: the level falls back to the express route, which may be swept too.
    if (swept === 'late') return this.plan(origin, destination, readyAt, 'express', deadline, avoid, weightKg, room);
    const horizon = readyAt + HORIZON_MINUTES;
    const byDeadline = Math.min(deadline, horizon);
    let labels = 0;
    const run = (objective: Objective, latestArrival: number): number => {
      const found = this.search.run({ origin, destination, readyAt, weightKg, latestArrival, objective, avoid, room });
      labels += this.search.labels.size;
      return found;
    };

    let best: number;
    if (level === 'express') best = run('time', horizon);
    else if (level === 'economy') best = run('cost', horizon);
    else {
      best = run(level === 'green' ? 'co2' : 'cost', byDeadline);
      if (best < 0) best = run('time', horizon);
    }
    // The searches that a sweep from readyAt would answer earn one; those past any sweep's horizon do not.
    if (sweepKind && swept !== 'beyond' && this.earnsSweeps) this.sweeps.charge(origin, readyAt, sweepKind, labels);
    return best < 0 ? undefined : itineraryOf(this.search.labels, best);
  }

  /** Whether some route arrives within the horizon by the schedule alone, capacity aside. */
  private exists(origin: number, destination: number, q: RouteQuery, avoid: AvoidFilter): boolean {
    const { readyAt, weightKg } = q;
    const latestArrival = readyAt + HORIZON_MINUTES;
    const request = {
      origin,
      destination,
      readyAt,
      weightKg,
      latestArrival,
      objective: 'time' as const,
      avoid,
      room: Room.UNLIMITED,
    };
    return this.search.run(request) >= 0;
  }
}
