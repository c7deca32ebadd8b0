import { reservationsOf } from '../../src/routing/capacity/reservations';
import { LoadTable } from '../../src/routing/capacity/loads';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import type { RouteQuery } from '../../src/routing/types';
import { demandSizedCapacities } from '../../src/synthetic/demand-sized-capacities';
import { generateNetwork } from '../../src/synthetic/generate';
import { parcelQueries } from '../../src/synthetic/parcel-mix';
import { withPromisedDeadlines } from '../../src/synthetic/promised-deadlines';
import { withoutCapacities } from '../../src/synthetic/without-capacities';

const real = generateNetwork({ hubs: 120, seed: 3, capacities: 'realistic' });
const parcels: RouteQuery[] = parcelQueries(real, 600, { seed: 5, waves: 6 });
const promised = withPromisedDeadlines(real, parcels);

describe("bench:plan's capacity-bound instances", () => {
  it('give each parcel a deadline at a day boundary or its default, which its fastest route keeps', () => {
    const router = new Router(prepareNetwork(withoutCapacities(real)));
    promised.forEach((q, i) => {
      const fastest = router.route({ ...parcels[i], serviceLevel: 'express' });
      if (fastest.kind !== 'routed') return expect(q).toBe(parcels[i]);
      const { deadline: byDefault, route } = fastest.answer;
      expect(q.deadline).toBeGreaterThanOrEqual(Math.max(byDefault, route.arriveAt));
      expect(q.deadline === byDefault || (q.deadline as number) % MINUTES_PER_DAY === 0).toBe(true);
    });
  });

  it('at share 1 let greedy book every parcel on its uncongested choice; at 0.5 not every one', () => {
    const booked = (share: number) => {
      const ix = prepareNetwork(demandSizedCapacities(real, promised, share));
      const loads = new LoadTable(ix);
      const router = new Router(ix, [], undefined, loads);
      const free = new Router(prepareNetwork(withoutCapacities(real)));
      let same = 0;
      for (const q of promised) {
        const outcome = router.route(q);
        const uncongested = free.route(q);
        if (outcome.kind !== 'routed' || uncongested.kind !== 'routed') continue;
        loads.apply(reservationsOf(ix, outcome.answer.route, q.weightKg), 1);
        if (JSON.stringify(outcome.answer.route) === JSON.stringify(uncongested.answer.route)) same++;
      }
      return same;
    };
    const anyRoute = new Router(prepareNetwork(real));
    const routable = promised.filter((q) => anyRoute.route(q).kind === 'routed').length;
    expect(booked(1)).toBe(routable);
    expect(booked(0.5)).toBeLessThan(routable);
  });

  it('never give more than the real capacity, and leave legs no parcel uses as they were', () => {
    const sized = demandSizedCapacities(real, promised, 0.5);
    sized.legs.forEach((leg, i) => {
      expect(leg.capacityPerDeparture).toBeLessThanOrEqual(real.legs[i].capacityPerDeparture as number);
      expect(leg.capacityKgPerDeparture).toBeLessThanOrEqual(real.legs[i].capacityKgPerDeparture as number);
    });
    sized.hubs.forEach((hub, i) =>
      expect(hub.capacityPerDay).toBeLessThanOrEqual(real.hubs[i].capacityPerDay as number),
    );
    expect(sized.legs.some((leg, i) => leg.capacityPerDeparture === real.legs[i].capacityPerDeparture)).toBe(true);
    expect(() => demandSizedCapacities(real, promised, 0)).toThrow(RangeError);
  });
});
