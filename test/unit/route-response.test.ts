/** toRouteResponse: the contract's answer, field by field, nothing more; answerJson: its JSON text (kept per answer the router keeps). */
import { answerJson } from '../../src/api/answer-json';
import { toRouteResponse } from '../../src/api/route-response';
import type { RouteAnswer } from '../../src/routing/types';

const at = (iso: string) => Date.parse(iso) / 60_000;

const ANSWER = {
  serviceLevel: 'standard',
  deadline: at('2026-11-27T08:00:00Z'),
  meetsDeadline: true,
  slackMinutes: 2730,
  itinerary: { origin: 0, legs: Int32Array.of(3), arrivals: Int32Array.of(0) },
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
        legId: 'AIR-HGH-SVO-1', from: 'HGH', to: 'SVO', mode: 'air', carrier: 'Cainiao Air',
        departAt: at('2026-11-25T02:30:00Z'), arriveAt: at('2026-11-25T10:30:00Z'),
        sortMinutes: 60, waitMinutes: 1050, cost: 5.2, handlingCost: 0.05, co2Kg: 6.15, legIndex: 3,
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
        hubs: ['HGH', 'SVO'], cost: 5.25, co2Kg: 6.15,
        departAt: '2026-11-25T02:30:00Z', arriveAt: '2026-11-25T10:30:00Z', transitMinutes: 1590,
        legs: [
          {
            legId: 'AIR-HGH-SVO-1', from: 'HGH', to: 'SVO', mode: 'air', carrier: 'Cainiao Air',
            departAt: '2026-11-25T02:30:00Z', arriveAt: '2026-11-25T10:30:00Z',
            sortMinutes: 60, waitMinutes: 1050, cost: 5.2, handlingCost: 0.05, co2Kg: 6.15,
          },
        ],
      },
    });
  });

  it('leaves parcelId out when the request had none', () => {
    expect(toRouteResponse(ANSWER, 'v1')).not.toHaveProperty('parcelId');
  });
});

/** Ids and carriers as an uploaded network may spell them: quotes, backslashes, controls, non-ASCII, a lone surrogate. */
const ODD = ['H"1', 'H\\2', 'H\u0001\n', '杭州\u2028', '\ud83d\udce6', 'X\ud800'];
const ODD_ANSWER = {
  ...ANSWER,
  route: {
    ...ANSWER.route,
    hubs: ODD,
    legs: ODD.slice(1).map((to, i) => ({ ...ANSWER.route.legs[0], legId: `${ODD[i]}>${to}`, from: ODD[i], to, carrier: to, cost: 0.1 + 0.2, co2Kg: 1e-7 })),
  },
} as RouteAnswer;
const NO_LEGS = { ...ANSWER, route: { ...ANSWER.route, hubs: ['HGH'], legs: [], cost: 0, co2Kg: 0, transitMinutes: 0 } } as RouteAnswer;

describe('answerJson', () => {
  it.each([
    ['a one-leg answer', ANSWER],
    ['the same answer, kept by the router', { ...ANSWER, kept: true }],
    ['ids that JSON must escape', ODD_ANSWER],
    ['a route with no legs', NO_LEGS],
  ])('is JSON.stringify(toRouteResponse(...)) for %s, any parcelId, none, and another network version', (_, answer) => {
    for (const [version, parcelId] of [
      ['v1', 'P-1'],
      ['v1', 'P-"2" \\ \u2028 \ud83d\udce6 \ud800'],
      ['v1', undefined],
      ['v2', 'P-1'],
      ['v"3', undefined],
      ['v1', undefined],
    ] as const) {
      expect(answerJson(answer, version, parcelId)).toBe(JSON.stringify(toRouteResponse(answer, version, parcelId)));
    }
  });
});
