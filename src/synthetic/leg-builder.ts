import { distanceKm } from '../routing/network/geo';
import type { Hub, Leg, Mode } from '../routing/types';
import { legCosts, legDurationMinutes } from './mode-profiles';

/** What a caller decides about a leg; duration and prices follow from the distance unless given. */
export interface LegSpec {
  mode: Mode;
  carrier: string;
  departures?: string[];
  days?: readonly number[];
  cutoffMinutes?: number;
  co2KgPerKg?: number;
  capacityPerDeparture?: number;
  capacityKgPerDeparture?: number;
}

/**
 * Collects legs with readable unique ids, `MODE-FROM-TO-n` (e.g. `AIR-HGH-SVO-1`),
 * n counting the legs of that mode between the same two hubs.
 */
export class LegBuilder {
  readonly legs: Leg[] = [];
  private readonly seen = new Map<string, number>();

  add(from: Hub, to: Hub, spec: LegSpec): Leg {
    const km = distanceKm(from, to);
    const stem = `${spec.mode.toUpperCase()}-${from.id}-${to.id}`;
    const n = (this.seen.get(stem) ?? 0) + 1;
    this.seen.set(stem, n);
    const leg: Leg = {
      id: `${stem}-${n}`,
      from: from.id,
      to: to.id,
      mode: spec.mode,
      carrier: spec.carrier,
      durationMinutes: legDurationMinutes(spec.mode, km),
      ...legCosts(spec.mode, km),
    };
    if (spec.departures && spec.departures.length > 0) leg.departures = spec.departures;
    if (spec.days) leg.days = [...spec.days];
    if (spec.cutoffMinutes !== undefined) leg.cutoffMinutes = spec.cutoffMinutes;
    if (spec.co2KgPerKg !== undefined) leg.co2KgPerKg = spec.co2KgPerKg;
    if (spec.capacityPerDeparture !== undefined) leg.capacityPerDeparture = spec.capacityPerDeparture;
    if (spec.capacityKgPerDeparture !== undefined) leg.capacityKgPerDeparture = spec.capacityKgPerDeparture;
    this.legs.push(leg);
    return leg;
  }

  /** A leg from `a` to `b` and one back; the way back uses `back`, or the same spec. */
  both(a: Hub, b: Hub, there: LegSpec, back: LegSpec = there): void {
    this.add(a, b, there);
    this.add(b, a, back);
  }
}
