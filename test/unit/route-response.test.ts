/** toRouteResponse: the contract's answer, field by field, nothing more. */
import { toRouteResponse } from '../../src/api/route-response';
import type { RouteAnswer } from '../../src/routing/types';

const at = (iso: string) => Date.parse(iso) / 60_000;

const ANSWER = {
  serviceLevel: 'standard',
  deadline: at('2026-11-27T08:00:00Z'),
  meetsDeadline: true,
  slackMinutes: 2730,
  internalScore: 42,
  route: {
    hubs: ['HGH', 'SVO'],
    cost: 5.25,
    co2Kg: 6.15,
    departAt: at('2026-11-25T02:30:00Z'),
    arriveAt: at('2026-11-25T10:30:00Z'),
    transitMinutes: 1590,
    labelIndex: 7,
    legs: [
      {
        legId: 'AIR-HGH-SVO-1',
        from: 'HGH',
        to: 'SVO',
        mode: 'air',
        carrier: 'Cainiao Air',
        departAt: at('2026-11-25T02:30:00Z'),
        arriveAt: at('2026-11-25T10:30:00Z'),
        sortMinutes: 60,
        waitMinutes: 1050,
        cost: 5.2,
        handlingCost: 0.05,
        co2Kg: 6.15,
        legIndex: 3,
      },
    ],
  },
} as unknown as RouteAnswer;

describe('toRouteResponse', () => {
  it('maps every field, ISO times to the second, and drops what the contract does not name', () => {
    expect(JSON.parse(JSON.stringify(toRouteResponse(ANSWER, 'v1', 'P-1')))).toEqual({
      parcelId: 'P-1',
      networkVersion: 'v1',
      serviceLevel: 'standard',
      deadline: '2026-11-27T08:00:00Z',
      meetsDeadline: true,
      slackMinutes: 2730,
      route: {
        hubs: ['HGH', 'SVO'],
        cost: 5.25,
        co2Kg: 6.15,
        departAt: '2026-11-25T02:30:00Z',
        arriveAt: '2026-11-25T10:30:00Z',
        transitMinutes: 1590,
        legs: [
          {
            legId: 'AIR-HGH-SVO-1',
            from: 'HGH',
            to: 'SVO',
            mode: 'air',
            carrier: 'Cainiao Air',
            departAt: '2026-11-25T02:30:00Z',
            arriveAt: '2026-11-25T10:30:00Z',
            sortMinutes: 60,
            waitMinutes: 1050,
            cost: 5.2,
            handlingCost: 0.05,
            co2Kg: 6.15,
          },
        ],
      },
    });
  });

  it('leaves parcelId out when the request had none', () => {
    expect(toRouteResponse(ANSWER, 'v1')).not.toHaveProperty('parcelId');
  });
});
