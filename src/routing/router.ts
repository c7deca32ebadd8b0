import { AppError } from '../errors';
import { AvoidFilter } from './avoid-filter';
import { ClosureTable } from './closures';
import { explainRoute, itineraryOf } from './explain';
import type { Objective } from './objective';
import { PathOrder } from './path-order';
import type { NetworkIndex } from './prepare';
import { Search } from './search';
import { SweepCache } from './sweep-cache';
import { DOMESTIC_DEADLINE_MINUTES, HORIZON_MINUTES, INTERNATIONAL_DEADLINE_MINUTES } from './time';
import type { Closure, Itinerary, RouteAnswer, RouteQuery, ServiceLevel } from './types';

/**
 * Answers route queries (CONTRACT §2) on one network version with one set of closures.
 * Cheap to create: a change of closures makes a new Router over the same index, which
 * keeps the per-destination lower bounds.
 */
export class Router {
  private readonly closureTable: ClosureTable;
  private readonly search: Search;
  private readonly sweeps: SweepCache;
  /** Answers that came from a sweep rather than a search. */
  sweptAnswers = 0;

  constructor(
    readonly index: NetworkIndex,
    closures: readonly Closure[] = [],
  ) {
    this.closureTable = closures.length ? new ClosureTable(index, closures) : ClosureTable.NONE;
    this.search = new Search(index, this.closureTable);
    this.sweeps = new SweepCache(index, this.closureTable, new PathOrder(index.legRank));
  }

  /** The route for one parcel. Throws AppError UNKNOWN_HUB, NO_ROUTE or VALIDATION. */
  route(q: RouteQuery): RouteAnswer {
    const origin = this.hubOf(q.origin, 'origin');
    const destination = this.hubOf(q.destination, 'destination');
    if (!(q.weightKg > 0 && Number.isFinite(q.weightKg))) {
      throw new AppError('VALIDATION', 'weightKg must be a number greater than 0', { field: 'weightKg' });
    }
    const level = q.serviceLevel ?? 'standard';
    const deadline = q.deadline ?? q.readyAt + this.defaultDeadlineMinutes(origin, destination);
    this.sweeps.work();
    const avoid = q.avoid ? new AvoidFilter(this.index, q.avoid) : AvoidFilter.NONE;
    const itinerary = this.plan(origin, destination, q.readyAt, level, deadline, avoid, q.weightKg);
    if (!itinerary) throw this.noRoute(origin, destination);
    const route = explainRoute(this.index, itinerary, q.readyAt, q.weightKg);
    return { serviceLevel: level, deadline, meetsDeadline: route.arriveAt <= deadline, slackMinutes: deadline - route.arriveAt, route };
  }

  /** The itinerary of the level's choice (CONTRACT §2), or undefined when none arrives within the horizon. */
  private plan(
    origin: number,
    destination: number,
    readyAt: number,
    level: ServiceLevel,
    deadline: number,
    avoid: AvoidFilter,
    weightKg: number,
  ): Itinerary | undefined {
    // Many parcels from one origin at one time: one sweep answers them all, to every destination.
    const sweepKind = avoid.isEmpty && level !== 'economy' ? (level === 'green' ? 'co2' : 'cost') : undefined;
    const swept = sweepKind && this.sweeps.get(origin, readyAt, sweepKind)?.answer(destination, level, readyAt, deadline, weightKg);
    if (typeof swept === 'object') {
      this.sweptAnswers++;
      return swept;
    }
    const horizon = readyAt + HORIZON_MINUTES;
    const byDeadline = Math.min(deadline, horizon);
    let labels = 0;
    const run = (objective: Objective, latestArrival: number): number => {
      const found = this.search.run({ origin, destination, readyAt, weightKg, latestArrival, objective, avoid });
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
    if (sweepKind && swept !== 'beyond') this.sweeps.charge(origin, readyAt, sweepKind, labels);
    return best < 0 ? undefined : itineraryOf(this.search.labels, best);
  }

  private noRoute(origin: number, destination: number): AppError {
    const { hubIds } = this.index;
    return new AppError('NO_ROUTE', `no route from ${hubIds[origin]} to ${hubIds[destination]} arrives within 14 days`);
  }

  private hubOf(id: string, field: 'origin' | 'destination'): number {
    const hub = this.index.hubByCode.get(id);
    if (hub === undefined) throw new AppError('UNKNOWN_HUB', `unknown hub '${id}'`, { field });
    return hub;
  }

  private defaultDeadlineMinutes(origin: number, destination: number): number {
    const domestic = this.index.hubCountry[origin] === this.index.hubCountry[destination];
    return domestic ? DOMESTIC_DEADLINE_MINUTES : INTERNATIONAL_DEADLINE_MINUTES;
  }
}
