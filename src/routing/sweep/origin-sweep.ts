import type { ClosureTable } from '../network/closures';
import { freedFor, type Loads } from '../capacity/loads';
import { Room, type FullSeen } from '../capacity/room';
import { departureTime, departureWithRoom } from '../network/departures';
import { itineraryOf } from '../search/itinerary';
import type { LabelChain } from '../search/labels';
import { compareOutcomes, type Objective, type Outcome } from '../search/objective';
import type { PathOrder } from '../search/path-order';
import type { NetworkIndex } from '../network/network-index';
import { HORIZON_MINUTES, minuteOfWeek } from '../time';
import type { Itinerary, ServiceLevel } from '../types';

/** What a sweep keeps per label, for choosing (bag, amounts) and for reading itineraries (chain). */
export interface SweptLabels extends LabelChain {
  /** Per-parcel cost so far: Σ costPerParcel + Σ handlingCost of the hubs left. */
  readonly fixed: Float64Array;
  /** Cost per kg so far: Σ costPerKg. */
  readonly perKg: Float64Array;
  /** CO2 per kg so far: Σ co2KgPerKg. */
  readonly co2PerKg: Float64Array;
  /** The next label of the same hub's bag, -1 at the end. */
  readonly next: Int32Array;
}

/**
 * Every route from one origin at one readyAt, to every hub, that some parcel could
 * prefer: at each hub, the routes arriving within the horizon that no other route
 * beats at every weight at once — no later, no dearer per parcel nor per kg, and in a
 * CO2 sweep no more CO2 per kg (made by Sweeper).
 *
 * Why a choice made here is exact: a route's cost at weight w is fixed + w × perKg and
 * its CO2 w × co2PerKg, so a route that is no worse in each of those is no worse at
 * any weight under any level's order (docs/api.md, What a route is), ties included; where they tie in
 * every amount, the legs decide (PathOrder), as they do for a search. Every level's
 * choice among the routes arriving by some minute within the horizon is therefore
 * among the ones kept, and the choice made here is the search's.
 *
 * It also answers parcels ready later, at readyAt' ≥ readyAt. A route can only leave
 * later from a later start (FIFO), so every route from readyAt' is, from readyAt, kept
 * or beaten by one kept that arrived no later. The choice is made among the kept routes
 * as they arrived from readyAt, under the later deadline; it stands if the chosen
 * route, timed again from readyAt', still arrives when it did: nothing from readyAt'
 * can beat it then. When it does not (its first departure has gone), the sweep cannot
 * tell.
 *
 * A sweep for one weight (a promise table's) keeps, the same way, the routes no other
 * beats at that weight: no later, no dearer at it (and no more CO2 per kg); it answers
 * parcels of that weight only.
 */
export class OriginSweep {
  constructor(
    private readonly ix: NetworkIndex,
    private readonly closures: ClosureTable,
    private readonly order: PathOrder,
    readonly readyAt: number,
    /** Routes arriving after this minute were not followed. */
    readonly horizon: number,
    /** freedFor(loads, weightKg) when the sweep started, or when holdsOver last found it exact. */
    private freed: number,
    /** The departures the sweep found full. */
    private readonly fullSeen: FullSeen,
    /** The one weight this sweep answers (its labels' per-parcel cost is at that weight, perKg 0); 0 = every weight. */
    readonly weightKg: number,
    private readonly labels: SweptLabels,
    /** The first label of each hub's bag, -1 for none. */
    private readonly bagHead: Int32Array,
  ) {}

  get labelCount(): number {
    return this.labels.parent.length;
  }

  /** Whether it was found exact over loads that had room again somewhere since it started (holdsOver). */
  keptOverRelease = false;
  /** Parcels it answered (counted by the Router). */
  answered = 0;

  /**
   * Whether the sweep may still answer over `loads`: while no departure or hub-day got
   * room again since it started (freedFor), or while every departure it found full is
   * still full as it was (FullSeen). Then what has room now is what it saw with room,
   * less what filled since, plus room it never asked about: answer() stays exact.
   */
  holdsOver(loads: Loads): boolean {
    const freed = freedFor(loads, this.weightKg);
    if (freed === this.freed) return true;
    if (!this.fullSeen.stillFull(new Room(this.ix, loads, this.weightKg, Infinity))) return false;
    this.freed = freed;
    this.keptOverRelease = true;
    return true;
  }

  /**
   * The itinerary of a level's choice to `destination` for a parcel of `weightKg`
   * ready at `readyAt` (not before the sweep's), or why this sweep cannot tell:
   * 'beyond' when the route, if any, may arrive past its horizon or the deadline lies
   * past it (economy, which looks 14 days ahead, unless this is an economy sweep), or
   * when the sweep is for another weight,
   * 'stale' when the route chosen no longer arrives as it did (a sweep from `readyAt`
   * would tell); 'none' when no route arrives within the 14 days at all (only a sweep
   * that looks that far can say so); 'late', for standard and green, when no route
   * arrives by the deadline and the express route they fall back to lies beyond it.
   *
   * With capacity (`room` for the parcel's weight, not UNLIMITED), the route chosen is
   * timed again on the loads as they are now. The sweep took the departures that had
   * room for some parcel when it ran; since then departures can only have filled, or
   * got room where the sweep never looked (holdsOver), so what has room for this parcel
   * now is, as far as the sweep's run can tell, a subset of what it saw, and the choice
   * stands when the chosen route still arrives when it did.
   */
  answer(
    destination: number,
    level: ServiceLevel,
    readyAt: number,
    deadline: number,
    weightKg: number,
    room: Room,
  ): Itinerary | 'beyond' | 'stale' | 'none' | 'late' {
    if (readyAt < this.readyAt || (this.weightKg > 0 && weightKg !== this.weightKg)) return 'beyond';
    const horizon = readyAt + HORIZON_MINUTES;
    // Whether every route that counts (arriving within 14 days of readyAt) was followed.
    const whole = horizon <= this.horizon;
    let chosen: number;
    if (level === 'economy') {
      if (!whole) return 'beyond';
      chosen = this.best(destination, 'cost', weightKg, horizon);
    } else if (level === 'express') {
      chosen = this.best(destination, 'time', weightKg, Math.min(horizon, this.horizon));
    } else {
      if (deadline > this.horizon) return 'beyond';
      chosen = this.best(destination, level === 'green' ? 'co2' : 'cost', weightKg, deadline);
      if (chosen < 0) {
        chosen = this.best(destination, 'time', weightKg, Math.min(horizon, this.horizon));
        if (chosen < 0 && !whole) return 'late';
      }
    }
    if (chosen < 0) return whole ? 'none' : 'beyond';
    const itinerary = itineraryOf(this.labels, chosen);
    if (readyAt === this.readyAt && room.isUnlimited) return itinerary;
    return this.retimed(itinerary, readyAt, room) ?? 'stale';
  }

  /** The best label at `destination` under `objective` among those arriving by `latestArrival`; -1 for none. */
  private best(destination: number, objective: Objective, weightKg: number, latestArrival: number): number {
    const { arrival, fixed, perKg, co2PerKg, next } = this.labels;
    let best = -1;
    let bestOutcome: Outcome = { arrival: 0, cost: 0, co2: 0 };
    for (let m = this.bagHead[destination]; m >= 0; m = next[m]) {
      if (arrival[m] > latestArrival) continue;
      const outcome = { arrival: arrival[m], cost: fixed[m] + weightKg * perKg[m], co2: weightKg * co2PerKg[m] };
      const byCriteria = best < 0 ? -1 : compareOutcomes(objective, outcome, bestOutcome);
      if (byCriteria < 0 || (byCriteria === 0 && this.order.compare(this.labels, m, best) < 0)) {
        best = m;
        bestOutcome = outcome;
      }
    }
    return best;
  }

  /** The same legs from `readyAt` (and for `room`), if they still arrive when they did in the sweep; else undefined. */
  private retimed(itinerary: Itinerary, readyAt: number, room: Room): Itinerary | undefined {
    const { ix, closures } = this;
    const { legs } = itinerary;
    const arrivals = new Int32Array(legs.length);
    let arrival = readyAt;
    const limited = room.isUnlimited ? undefined : room;
    for (let i = 0; i < legs.length; i++) {
      const l = legs[i];
      const available = arrival + ix.hubSort[ix.legFrom[l]];
      const departAt = departureWithRoom(
        ix,
        closures,
        l,
        departureTime(ix, closures, l, available, minuteOfWeek(available)),
        limited,
      );
      arrival = departAt + ix.legDuration[l];
      arrivals[i] = arrival;
    }
    const last = legs.length - 1;
    if (last >= 0 && arrival !== itinerary.arrivals[last]) return undefined;
    return { origin: itinerary.origin, legs, arrivals };
  }
}
