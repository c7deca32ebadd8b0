/**
 * A sweep for one weight (what a promise table makes) passes over a departure that is
 * full by kilograms for that weight. When kilograms on it are released, a parcel of that
 * weight fits again: the sweep must no longer answer, as a sweep must not after parcels
 * are released (CONTRACT §5: answers stay exact after a release).
 */
import { LoadTable, slotOf } from '../../src/routing/capacity/loads';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';
import { tinyNetwork } from '../support/tiny-network';
import { at } from '../support/week';

describe('sweeps for one weight after kilograms are released', () => {
  const doc = tinyNetwork();
  doc.legs[0].capacityKgPerDeparture = 10;
  const ix = prepareNetwork(doc);
  const direct = ix.legByCode.get('AIR-HGH-SVO-1') as number;
  const query: RouteQuery = {
    origin: 'HGH',
    destination: 'SVO',
    readyAt: at('Mon 00:00'),
    weightKg: 5,
    serviceLevel: 'express',
  };
  const slot = slotOf(ix, direct, at('Mon 02:30'));
  const legsOf = (router: Router) => {
    const outcome = router.route(query);
    if (outcome.kind !== 'routed') throw new Error(outcome.kind);
    return outcome.answer.route.legs.map((l) => `${l.legId} ${l.departAt}`);
  };

  it('answers as a router without sweeps does, once the kilograms are given back', () => {
    const loads = new LoadTable(ix);
    loads.setSlot(direct, slot, 1, 6000);
    const router = new Router(ix, [], undefined, loads);
    for (const _ of router.sweepFor('HGH', query.readyAt, ['express'], query.weightKg));
    // 6 kg booked on the 02:30 flight: 5 kg more do not fit, the parcel goes by truck and the 10:00 flight.
    expect(legsOf(router)).toEqual(legsOf(new Router(ix, [], undefined, loads)));
    expect(legsOf(router)[0]).toMatch(/^TRK-HGH-PVG/);

    loads.setSlot(direct, slot, 0, 0);
    expect(legsOf(router)).toEqual(legsOf(new Router(ix, [], undefined, loads)));
    expect(legsOf(router)).toEqual([`AIR-HGH-SVO-1 ${at('Mon 02:30')}`]);
  });
});
