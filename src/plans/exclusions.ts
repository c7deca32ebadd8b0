/**
 * The parcels no plan can route, known before greedy has booked anything: an unknown
 * hub, or no route within the horizon by the schedule alone (CONTRACT §2). Those are
 * the parcels greedy excludes (greedy.ts): whether some route exists does not depend on
 * what is booked, on the level or on the weight, only on the origin, destination,
 * readyAt and `avoid`, so each such query is asked once, of a router with nothing booked.
 */
import type { Router } from '../routing/router/router';
import type { RouteQuery } from '../routing/types';
import { keyOf } from './no-room';
import type { ParcelPlan } from './types';

type Excluded = Extract<ParcelPlan, { kind: 'excluded' }>;

/**
 * @param router a router with nothing booked
 * @returns the excluded parcels' plans, by index
 */
export function exclusions(router: Router, queries: readonly RouteQuery[]): Map<number, Excluded> {
  const known = new Map<string, Excluded | null>();
  const excluded = new Map<number, Excluded>();
  queries.forEach((q, i) => {
    const key = keyOf(q);
    let plan = known.get(key);
    if (plan === undefined) {
      const outcome = router.route({ ...q, alternatives: undefined });
      plan = outcome.kind === 'unknown-hub' || outcome.kind === 'no-route' ? { kind: 'excluded', outcome } : null;
      known.set(key, plan);
    }
    if (plan) excluded.set(i, plan);
  });
  return excluded;
}
