/**
 * What the router has already found to have no room, while loads only grow (greedy's
 * bookings, the repair after rounding). NO_CAPACITY means that no route within the
 * 14-day horizon has room for the parcel, at any level (every level falls back to the
 * express route with room); which routes have room depends on the origin, destination,
 * readyAt and `avoid`, and the parcel's weight. Once loads only grow, a parcel of the
 * same query no lighter than one refused is refused too: room only shrinks, and a
 * heavier parcel fits nowhere a lighter one did not. So it is told so without a search,
 * which on saturated networks is most of what greedy and the repair would search for.
 */
import { gramsOf } from '../routing/capacity/loads';
import type { RouteQuery } from '../routing/types';

export class NoRoom {
  /** The lightest parcel refused so far, in grams, by query. */
  private readonly lightest = new Map<string, number>();

  /** Whether a parcel of `q` no lighter than it was refused before. */
  known(q: RouteQuery): boolean {
    const refused = this.lightest.get(keyOf(q));
    return refused !== undefined && gramsOf(q.weightKg) >= refused;
  }

  /** Notes that `q` found no route with room. */
  refused(q: RouteQuery): void {
    const key = keyOf(q);
    const grams = gramsOf(q.weightKg);
    if (!(grams >= (this.lightest.get(key) ?? Infinity))) this.lightest.set(key, grams);
  }
}

function keyOf(q: RouteQuery): string {
  return `${q.origin}\t${q.destination}\t${q.readyAt}\t${q.avoid ? JSON.stringify(q.avoid) : ''}`;
}
