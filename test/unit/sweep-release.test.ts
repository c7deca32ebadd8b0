/**
 * Sweeps kept over releases (routing README, "Sweeps and capacity") on a network where
 * departures and hub-days fill: the demo network with a hundredth of its capacities,
 * parcels of the courier mix booked one by one through one Router, and in the second
 * half a random earlier booking released before every 20th. Each answer of the second
 * half must be what a new Router (no sweeps) gives over the same loads; many come from
 * sweeps made before a release.
 */
import { join } from 'node:path';
import { packageRoot } from '../../src/config';
import { readNetworkFile } from '../../src/network/network-file';
import { LoadTable, type Reservation } from '../../src/routing/capacity/loads';
import { reservationsOf } from '../../src/routing/capacity/reservations';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { LowerBoundCache } from '../../src/routing/search/lower-bounds';
import type { RouteOutcome } from '../../src/routing/types';
import { dividedCapacities } from '../../src/synthetic/capacities';
import { parcelQueries } from '../../src/synthetic/parcel-mix';
import { createRng } from '../../src/synthetic/prng';

const PARCELS = 20_000;
const RELEASE_EVERY = 20;

function summary(outcome: RouteOutcome): string {
  if (outcome.kind !== 'routed') return outcome.kind;
  return outcome.answer.route.legs.map((l) => `${l.legId}@${l.departAt}`).join(' ');
}

it('answers after releases are a new router’s, and sweeps made before them answer many', async () => {
  const doc = dividedCapacities(await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json')), 100);
  const ix = prepareNetwork(doc);
  const bounds = new LowerBoundCache(ix);
  const loads = new LoadTable(ix);
  const router = new Router(ix, [], bounds, loads);
  const queries = parcelQueries(doc, PARCELS, { seed: 11 });
  const rng = createRng(5);
  const booked: Reservation[][] = [];
  const differing: string[] = [];
  let released = 0;
  for (let i = 0; i < PARCELS; i++) {
    const second = i >= PARCELS / 2;
    if (second && i % RELEASE_EVERY === 0) {
      const [reservations] = booked.splice(rng.int(0, booked.length - 1), 1);
      loads.apply(reservations, -1);
      released++;
    }
    const outcome = router.route(queries[i]);
    if (second) {
      const fresh = new Router(ix, [], bounds, loads).route(queries[i]);
      if (summary(outcome) !== summary(fresh)) differing.push(`parcel ${i}: ${summary(outcome)} | ${summary(fresh)}`);
    }
    if (outcome.kind === 'routed') {
      const reservations = reservationsOf(ix, outcome.answer.route, queries[i].weightKg);
      loads.apply(reservations, 1);
      booked.push(reservations);
    }
  }
  expect(differing).toEqual([]);
  expect(released).toBe(PARCELS / 2 / RELEASE_EVERY);
  // Releases gave room to full departures and hub-days (each once dropped every sweep).
  expect(loads.freed).toBeGreaterThan(300);
  expect(router.sweptAfterRelease).toBeGreaterThan(500);
});
