/**
 * the routing rules (docs/api.md, What a route is), rule by rule: one small hand-drawn network per rule, the expected
 * answer worked out by hand beside it. Each case is checked against the router,
 * against the brute-force oracle (which the property test trusts), and for the
 * route's inner consistency.
 *
 * Unless a case says otherwise: query A → B, 1 kg, ready Mon 08:00 (2026-11-23,
 * UTC), standard service; hubs in DE on one spot, sort 0, handling 0; legs are
 * continuous 60-minute trucks of carrier 'Road' costing 1 (see support/sketch.ts).
 */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import type { Closure, Mode, NetworkDocument, RouteQuery } from '../../src/routing/types';
import { validateNetwork } from '../../src/routing/network/validate';
import { bruteForceRoute } from '../support/brute-force';
import { routeOf } from '../support/oracle-check';
import { routeProblems } from '../support/route-consistency';
import { hub, leg, sketch } from '../support/sketch';
import { at } from '../support/week';

interface Expected {
  legs: string[];
  departs?: number[];
  arriveAt: number;
  cost?: number;
  co2Kg?: number;
  deadline?: number;
  meetsDeadline?: boolean;
  slackMinutes?: number;
}

interface Case {
  rule: string;
  network: NetworkDocument;
  query?: Partial<RouteQuery>;
  closures?: Closure[];
  expected: Expected | 'NO_ROUTE';
}

function queryOf(fields: Partial<RouteQuery> = {}): RouteQuery {
  return { origin: 'A', destination: 'B', weightKg: 1, readyAt: at('Mon 08:00'), ...fields };
}

/** The expected fields, with money and CO2 compared to 1e-9. */
function matcherOf({ cost, co2Kg, ...exact }: Expected): Record<string, unknown> {
  return {
    ...exact,
    ...(cost === undefined ? {} : { cost: expect.closeTo(cost, 9) }),
    ...(co2Kg === undefined ? {} : { co2Kg: expect.closeTo(co2Kg, 9) }),
  };
}

function check(c: Case): void {
  const query = queryOf(c.query);
  const closures = c.closures ?? [];
  expect(validateNetwork(c.network)).toMatchObject({ ok: true });
  const router = new Router(prepareNetwork(c.network), closures);
  const oracle = bruteForceRoute(c.network, query, closures);
  if (c.expected === 'NO_ROUTE') {
    expect(router.route(query)).toEqual({ kind: 'no-route' });
    expect(oracle).toBeNull();
    return;
  }
  const answer = routeOf(router, query);
  const { route } = answer;
  const actual = {
    legs: route.legs.map((l) => l.legId),
    departs: route.legs.map((l) => l.departAt),
    arriveAt: route.arriveAt,
    cost: route.cost,
    co2Kg: route.co2Kg,
    deadline: answer.deadline,
    meetsDeadline: answer.meetsDeadline,
    slackMinutes: answer.slackMinutes,
  };
  expect(actual).toMatchObject(matcherOf(c.expected));
  expect(routeProblems(c.network, query, closures, answer)).toEqual([]);
  // The oracle knows no departure times; everything else must agree with the hand.
  const { departs: _departs, ...overall } = c.expected;
  const slackMinutes = oracle && oracle.deadline - oracle.arriveAt;
  expect({ ...oracle, legs: oracle?.legIds, slackMinutes }).toMatchObject(matcherOf(overall));
}

const DAY = MINUTES_PER_DAY;

describe('timing: sort, schedules, cut-offs, weekdays, shuttles', () => {
  const scheduledAB = (fields: Parameters<typeof leg>[3]) =>
    sketch([hub('A', { sortMinutes: 30 }), hub('B')], [leg('AB', 'A', 'B', { durationMinutes: 120, ...fields })]);

  test.each<Case>([
    {
      rule: 'every hub the parcel leaves sorts it first, the origin included; the destination does not',
      // A(sort 45) ─60─▶ M(sort 30) ─60─▶ B(sort 600)
      // ready Mon 08:00, sorted 08:45, leaves; at M 09:45, sorted 10:15, leaves; at B 11:15.
      network: sketch(
        [hub('A', { sortMinutes: 45 }), hub('M', { sortMinutes: 30 }), hub('B', { sortMinutes: 600 })],
        [leg('AM', 'A', 'M'), leg('MB', 'M', 'B')],
      ),
      expected: { legs: ['AM', 'MB'], departs: [at('Mon 08:45'), at('Mon 10:15')], arriveAt: at('Mon 11:15') },
    },
    {
      rule: 'a scheduled leg is caught when d − cutoff = available exactly',
      // A(sort 30) ─10:00 daily, cut-off 60, 120 min─▶ B
      // ready 08:30, available 09:00 = 10:00 − 60: caught; arrives 12:00.
      network: scheduledAB({ departures: ['10:00'], cutoffMinutes: 60 }),
      query: { readyAt: at('Mon 08:30') },
      expected: { legs: ['AB'], departs: [at('Mon 10:00')], arriveAt: at('Mon 12:00') },
    },
    {
      rule: 'one minute later the cut-off is missed and the next day’s departure is taken',
      // available 09:01 > 10:00 − 60: Tue 10:00, arrives Tue 12:00.
      network: scheduledAB({ departures: ['10:00'], cutoffMinutes: 60 }),
      query: { readyAt: at('Mon 08:31') },
      expected: { legs: ['AB'], departs: [at('Tue 10:00')], arriveAt: at('Tue 12:00') },
    },
    {
      rule: 'the first departure is the earliest in time, whatever order the times are listed in',
      // departures 18:00, 09:30, 12:00; available 09:00 → 09:30, arrives 11:30.
      network: scheduledAB({ departures: ['18:00', '09:30', '12:00'] }),
      query: { readyAt: at('Mon 08:30') },
      expected: { legs: ['AB'], departs: [at('Mon 09:30')], arriveAt: at('Mon 11:30') },
    },
    {
      rule: 'days are the weekdays of the departure’s own UTC date, even just past midnight',
      // A(sort 30) ─23:30 and 00:15, Mondays only, 120 min─▶ B
      // ready Mon 23:15, available 23:45: Mon 23:30 is gone; Tue 00:15 is a Tuesday,
      // not allowed; the next allowed departure is next Mon 00:15, arriving 02:15.
      network: scheduledAB({ departures: ['23:30', '00:15'], days: [1] }),
      query: { readyAt: at('Mon 23:15') },
      expected: { legs: ['AB'], departs: [at('next Mon 00:15')], arriveAt: at('next Mon 02:15') },
    },
    {
      rule: 'a weekend-only leg waits for Saturday',
      // days [6, 7]; available Wed 09:00 → Sat 10:00, arrives Sat 12:00.
      network: scheduledAB({ departures: ['10:00'], days: [6, 7] }),
      query: { readyAt: at('Wed 08:30') },
      expected: { legs: ['AB'], departs: [at('Sat 10:00')], arriveAt: at('Sat 12:00') },
    },
    {
      rule: 'a continuous leg (no or empty departures) leaves when the parcel is available; cut-off does not apply',
      // A ─[] departures, cut-off 120, 60 min─▶ M ─no departures, cut-off 90, 60 min─▶ B
      // ready Wed 13:17: leaves 13:17, at M 14:17, leaves 14:17, at B 15:17.
      network: sketch(
        [hub('A'), hub('M'), hub('B')],
        [leg('AM', 'A', 'M', { departures: [], cutoffMinutes: 120 }), leg('MB', 'M', 'B', { cutoffMinutes: 90 })],
      ),
      query: { readyAt: at('Wed 13:17') },
      expected: { legs: ['AM', 'MB'], departs: [at('Wed 13:17'), at('Wed 14:17')], arriveAt: at('Wed 15:17') },
    },
  ])('$rule', check);
});

describe('cost and CO2', () => {
  /** One degree of longitude on the equator: 6371.0088 km × π / 180 ≈ 111.195 km. */
  const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
  const onEquator = (mode: Mode, fields: Parameters<typeof leg>[3] = {}) =>
    sketch([hub('A', { lat: 0, lon: 0 }), hub('B', { lat: 0, lon: 1 })], [leg('AB', 'A', 'B', { mode, ...fields })]);

  test.each<Case>([
    {
      rule: 'cost = Σ (costPerParcel + costPerKg × weight) + handling of every hub left, not the destination',
      // A(handling 0.5) ─1 + 0.5/kg─▶ M(handling 0.25) ─1 + 0.5/kg─▶ B(handling 8), 2 kg:
      // legs 2 + 2, handling 0.5 + 0.25 (B's 8 is not charged) = 4.75.
      network: sketch(
        [hub('A', { handlingCost: 0.5 }), hub('M', { handlingCost: 0.25 }), hub('B', { handlingCost: 8 })],
        [leg('AM', 'A', 'M', { costPerKg: 0.5 }), leg('MB', 'M', 'B', { costPerKg: 0.5 })],
      ),
      query: { weightKg: 2 },
      expected: { legs: ['AM', 'MB'], arriveAt: at('Mon 10:00'), cost: 4.75 },
    },
    {
      rule: 'co2Kg = Σ co2KgPerKg × weight',
      // 0.5 kg/kg × 3 kg + 0.25 kg/kg × 3 kg = 2.25.
      network: sketch(
        [hub('A'), hub('M'), hub('B')],
        [leg('AM', 'A', 'M', { co2KgPerKg: 0.5 }), leg('MB', 'M', 'B', { co2KgPerKg: 0.25 })],
      ),
      query: { weightKg: 3 },
      expected: { legs: ['AM', 'MB'], arriveAt: at('Mon 10:00'), co2Kg: 2.25 },
    },
    {
      rule: 'a given co2KgPerKg wins over the distance',
      // 0.5 × 2 kg = 1, though the hubs are 111 km apart.
      network: onEquator('air', { co2KgPerKg: 0.5 }),
      query: { weightKg: 2 },
      expected: { legs: ['AB'], arriveAt: at('Mon 09:00'), co2Kg: 1 },
    },
    ...(
      [
        ['air', 0.000602], // 111.195 × 0.000602 × 2 ≈ 0.13388
        ['truck', 0.000105], // ≈ 0.02335
        ['rail', 0.000028], // ≈ 0.00623
        ['sea', 0.000016], // ≈ 0.00356
        ['ev', 0.00004], // ≈ 0.00890
      ] as const
    ).map(([mode, factor]): Case => ({
      rule: `default CO2 by ${mode}: great-circle km × ${factor} × weight`,
      // A (0°, 0°) → B (0°, 1°): one degree of the equator, 2 kg.
      network: onEquator(mode),
      query: { weightKg: 2 },
      expected: { legs: ['AB'], arriveAt: at('Mon 09:00'), co2Kg: KM_PER_DEGREE * factor * 2 },
    })),
  ])('$rule', check);
});

describe('deadline, horizon, origin = destination', () => {
  /** A(DE) ─n min─▶ B(DE), A ─m min─▶ C(FR). */
  const twoCountries = (toB: number, toC: number) =>
    sketch(
      [hub('A'), hub('B'), hub('C', { country: 'FR' })],
      [leg('AB', 'A', 'B', { durationMinutes: toB }), leg('AC', 'A', 'C', { durationMinutes: toC })],
    );

  test.each<Case>([
    {
      rule: 'same country: the deadline is readyAt + 24 h, and arriving exactly then meets it',
      // Mon 08:00 + 1440 = Tue 08:00 = arrival: slack 0.
      network: twoCountries(1440, 4320),
      expected: {
        legs: ['AB'],
        arriveAt: at('Tue 08:00'),
        deadline: at('Tue 08:00'),
        meetsDeadline: true,
        slackMinutes: 0,
      },
    },
    {
      rule: 'same country, one minute late',
      network: twoCountries(1441, 4320),
      expected: {
        legs: ['AB'],
        arriveAt: at('Tue 08:01'),
        deadline: at('Tue 08:00'),
        meetsDeadline: false,
        slackMinutes: -1,
      },
    },
    {
      rule: 'different countries: the deadline is readyAt + 72 h',
      // Mon 08:00 + 4320 = Thu 08:00.
      network: twoCountries(1440, 4320),
      query: { destination: 'C' },
      expected: {
        legs: ['AC'],
        arriveAt: at('Thu 08:00'),
        deadline: at('Thu 08:00'),
        meetsDeadline: true,
        slackMinutes: 0,
      },
    },
    {
      rule: 'different countries, one minute late',
      network: twoCountries(1440, 4321),
      query: { destination: 'C' },
      expected: { legs: ['AC'], arriveAt: at('Thu 08:01'), deadline: at('Thu 08:00'), meetsDeadline: false },
    },
    {
      rule: 'a given deadline replaces the default',
      // deadline Mon 08:30, arrival Mon 09:00: slack −30.
      network: twoCountries(60, 60),
      query: { deadline: at('Mon 08:30') },
      expected: {
        legs: ['AB'],
        arriveAt: at('Mon 09:00'),
        deadline: at('Mon 08:30'),
        meetsDeadline: false,
        slackMinutes: -30,
      },
    },
    {
      rule: 'a route arriving exactly 14 days after readyAt is considered',
      network: twoCountries(14 * DAY, 60),
      expected: { legs: ['AB'], arriveAt: at('Mon 08:00') + 14 * DAY },
    },
    {
      rule: 'a route arriving 14 days and 1 minute after readyAt is not: NO_ROUTE',
      network: twoCountries(14 * DAY + 1, 60),
      expected: 'NO_ROUTE',
    },
    {
      rule: 'waiting counts toward the horizon',
      // A(sort 30) ─Sundays 07:00, 7 days + 1 min─▶ B; ready Sun 07:00 misses it (available
      // 07:30) and leaves a week later: arrival 14 days + 1 min after readyAt, out.
      network: sketch(
        [hub('A', { sortMinutes: 30 }), hub('B')],
        [leg('AB', 'A', 'B', { departures: ['07:00'], days: [7], durationMinutes: 7 * DAY + 1 })],
      ),
      query: { readyAt: at('Sun 07:00') },
      expected: 'NO_ROUTE',
    },
    {
      rule: 'origin = destination: no legs, cost 0, arriveAt = readyAt, no sort',
      network: twoCountries(60, 60),
      query: { destination: 'A', serviceLevel: 'express' },
      expected: { legs: [], arriveAt: at('Mon 08:00'), cost: 0, co2Kg: 0, meetsDeadline: true, slackMinutes: 1440 },
    },
  ])('$rule', check);
});

describe('service levels', () => {
  /**
   * Four ways from A to B, 1 kg, ready Mon 08:00, deadline Tue 08:00 (domestic):
   *   FAST   air   60 min → Mon 09:00  cost 10  co2 5
   *   MID    truck 300    → Mon 13:00  cost 3   co2 2
   *   GREEN  rail  600    → Mon 18:00  cost 4   co2 0.5
   *   CHEAP  sea   2000   → Tue 17:20  cost 2   co2 1   (late)
   */
  const fourWays = sketch(
    [hub('A'), hub('B')],
    [
      leg('FAST', 'A', 'B', { mode: 'air', durationMinutes: 60, costPerParcel: 10, co2KgPerKg: 5 }),
      leg('MID', 'A', 'B', { mode: 'truck', durationMinutes: 300, costPerParcel: 3, co2KgPerKg: 2 }),
      leg('GREEN', 'A', 'B', { mode: 'rail', durationMinutes: 600, costPerParcel: 4, co2KgPerKg: 0.5 }),
      leg('CHEAP', 'A', 'B', { mode: 'sea', durationMinutes: 2000, costPerParcel: 2, co2KgPerKg: 1 }),
    ],
  );
  const FAST = { legs: ['FAST'], arriveAt: at('Mon 09:00'), cost: 10, co2Kg: 5 };
  const MID = { legs: ['MID'], arriveAt: at('Mon 13:00'), cost: 3, co2Kg: 2 };
  const GREEN = { legs: ['GREEN'], arriveAt: at('Mon 18:00'), cost: 4, co2Kg: 0.5 };
  const CHEAP = { legs: ['CHEAP'], arriveAt: at('Tue 17:20'), cost: 2, co2Kg: 1 };

  test.each<Case>([
    {
      rule: 'express: the earliest arrival',
      network: fourWays,
      query: { serviceLevel: 'express' },
      expected: { ...FAST, meetsDeadline: true },
    },
    {
      rule: 'standard: the cheapest arriving by the deadline (CHEAP is late)',
      network: fourWays,
      query: { serviceLevel: 'standard' },
      expected: { ...MID, meetsDeadline: true },
    },
    { rule: 'standard is the default level', network: fourWays, expected: MID },
    {
      rule: 'economy: the cheapest, deadline ignored',
      network: fourWays,
      query: { serviceLevel: 'economy' },
      expected: { ...CHEAP, meetsDeadline: false },
    },
    {
      rule: 'green: the least CO2 arriving by the deadline',
      network: fourWays,
      query: { serviceLevel: 'green' },
      expected: { ...GREEN, meetsDeadline: true },
    },
    {
      rule: 'standard: arriving exactly at the deadline counts',
      network: fourWays,
      query: { deadline: at('Mon 13:00') },
      expected: { ...MID, meetsDeadline: true, slackMinutes: 0 },
    },
    {
      rule: 'standard: a minute earlier, MID is out and FAST is the only one on time',
      network: fourWays,
      query: { deadline: at('Mon 12:59') },
      expected: { ...FAST, meetsDeadline: true },
    },
    {
      rule: 'green: with GREEN late, the least CO2 of FAST (5) and MID (2)',
      network: fourWays,
      query: { serviceLevel: 'green', deadline: at('Mon 17:59') },
      expected: { ...MID, meetsDeadline: true },
    },
    {
      rule: 'standard: nothing by the deadline → the express route, meetsDeadline false',
      // deadline Mon 08:30; FAST arrives 09:00: slack −30.
      network: fourWays,
      query: { deadline: at('Mon 08:30') },
      expected: { ...FAST, meetsDeadline: false, slackMinutes: -30 },
    },
    {
      rule: 'green: nothing by the deadline → the express route, meetsDeadline false',
      network: fourWays,
      query: { serviceLevel: 'green', deadline: at('Mon 08:30') },
      expected: { ...FAST, meetsDeadline: false, slackMinutes: -30 },
    },
  ])('$rule', check);

  test.each<Case>([
    {
      rule: 'express tie on arrival → the cheaper',
      // X1 and X2 both arrive 09:00, costs 5 and 4; X3 costs 1 but arrives 09:30 → X2.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('X1', 'A', 'B', { costPerParcel: 5 }),
          leg('X2', 'A', 'B', { costPerParcel: 4 }),
          leg('X3', 'A', 'B', { costPerParcel: 1, durationMinutes: 90 }),
        ],
      ),
      query: { serviceLevel: 'express' },
      expected: { legs: ['X2'], arriveAt: at('Mon 09:00'), cost: 4 },
    },
    {
      rule: 'express fallback keeps the express tie-break (standard, impossible deadline)',
      network: sketch(
        [hub('A'), hub('B')],
        [leg('X1', 'A', 'B', { costPerParcel: 5 }), leg('X2', 'A', 'B', { costPerParcel: 4 })],
      ),
      query: { deadline: at('Mon 07:00') },
      expected: { legs: ['X2'], arriveAt: at('Mon 09:00'), cost: 4, meetsDeadline: false },
    },
    {
      rule: 'standard tie on cost → the earlier; a cheaper late route does not count',
      // S1 cost 3 arrives 10:00, S2 cost 3 arrives 09:00, S3 cost 2 arrives Tue 17:20 (late) → S2.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('S1', 'A', 'B', { costPerParcel: 3, durationMinutes: 120 }),
          leg('S2', 'A', 'B', { costPerParcel: 3, durationMinutes: 60 }),
          leg('S3', 'A', 'B', { costPerParcel: 2, durationMinutes: 2000 }),
          leg('S4', 'A', 'B', { costPerParcel: 2, durationMinutes: 1900 }),
        ],
      ),
      expected: { legs: ['S2'], arriveAt: at('Mon 09:00'), cost: 3 },
    },
    {
      rule: 'economy tie on cost → the earlier, however late',
      // S3 and S4 both cost 2; S4 arrives Mon 08:00 + 1900 min = Tue 15:40, before S3's Tue 17:20.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('S2', 'A', 'B', { costPerParcel: 3, durationMinutes: 60 }),
          leg('S3', 'A', 'B', { costPerParcel: 2, durationMinutes: 2000 }),
          leg('S4', 'A', 'B', { costPerParcel: 2, durationMinutes: 1900 }),
        ],
      ),
      query: { serviceLevel: 'economy' },
      expected: { legs: ['S4'], arriveAt: at('Tue 15:40'), cost: 2, meetsDeadline: false },
    },
    {
      rule: 'green tie on CO2 → the cheaper; tie on CO2 and cost → the earlier',
      // G1 co2 1 cost 5 @10:00; G2 co2 1 cost 4 @12:00; G3 co2 1 cost 4 @11:00; G4 co2 2 cost 1 @09:00 → G3.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('G1', 'A', 'B', { co2KgPerKg: 1, costPerParcel: 5, durationMinutes: 120 }),
          leg('G2', 'A', 'B', { co2KgPerKg: 1, costPerParcel: 4, durationMinutes: 240 }),
          leg('G3', 'A', 'B', { co2KgPerKg: 1, costPerParcel: 4, durationMinutes: 180 }),
          leg('G4', 'A', 'B', { co2KgPerKg: 2, costPerParcel: 1, durationMinutes: 60 }),
        ],
      ),
      query: { serviceLevel: 'green' },
      expected: { legs: ['G3'], arriveAt: at('Mon 11:00'), cost: 4, co2Kg: 1 },
    },
    {
      rule: 'money differing by less than 1e-9 of its size is a tie (then the earlier wins)',
      // T1 cost 1 @10:00; T2 cost 1 + 5e-10 @09:00: |Δ| = 5e-10 < 1e-9 × 1.0000000005 → tie → T2.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('T1', 'A', 'B', { costPerParcel: 1, durationMinutes: 120 }),
          leg('T2', 'A', 'B', { costPerParcel: 1 + 5e-10, durationMinutes: 60 }),
        ],
      ),
      expected: { legs: ['T2'], arriveAt: at('Mon 09:00') },
    },
    {
      rule: 'money differing by more than 1e-9 of its size is not a tie',
      // T2 cost 1 + 2e-9: |Δ| = 2e-9 > 1e-9 × 1.000000002 → T1 is cheaper.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('T1', 'A', 'B', { costPerParcel: 1, durationMinutes: 120 }),
          leg('T2', 'A', 'B', { costPerParcel: 1 + 2e-9, durationMinutes: 60 }),
        ],
      ),
      expected: { legs: ['T1'], arriveAt: at('Mon 10:00') },
    },
    {
      rule: 'a float sum like 0.1 + 0.2 ties with 0.3',
      // via M: 0.1 + 0.2 = 0.30000000000000004 @10:00; direct 0.3 @11:00 → tie → via M, the earlier.
      network: sketch(
        [hub('A'), hub('M'), hub('B')],
        [
          leg('AM', 'A', 'M', { costPerParcel: 0.1 }),
          leg('MB', 'M', 'B', { costPerParcel: 0.2 }),
          leg('AB', 'A', 'B', { costPerParcel: 0.3, durationMinutes: 180 }),
        ],
      ),
      expected: { legs: ['AM', 'MB'], arriveAt: at('Mon 10:00') },
    },
    {
      rule: 'CO2 differing by less than 1e-9 of its size is a tie (green: then the cheaper)',
      // K1 co2 1 cost 2; K2 co2 1 + 5e-10 cost 1 → tie on CO2 → K2.
      network: sketch(
        [hub('A'), hub('B')],
        [
          leg('K1', 'A', 'B', { co2KgPerKg: 1, costPerParcel: 2 }),
          leg('K2', 'A', 'B', { co2KgPerKg: 1 + 5e-10, costPerParcel: 1 }),
        ],
      ),
      query: { serviceLevel: 'green' },
      expected: { legs: ['K2'], arriveAt: at('Mon 09:00'), cost: 1 },
    },
  ])('$rule', check);
});

describe('avoid', () => {
  /** A ─truck 'Slow' 1─▶ M ─truck 'Slow' 1─▶ B (cost 2, Mon 10:00), or A ─air 'Jet' 5─▶ B (Mon 09:00). */
  const viaM = sketch(
    [hub('A'), hub('M'), hub('B')],
    [
      leg('AM', 'A', 'M', { carrier: 'Slow' }),
      leg('MB', 'M', 'B', { carrier: 'Slow' }),
      leg('AB', 'A', 'B', { mode: 'air', carrier: 'Jet', costPerParcel: 5 }),
    ],
  );
  const VIA_M = { legs: ['AM', 'MB'], arriveAt: at('Mon 10:00'), cost: 2 };
  const DIRECT = { legs: ['AB'], arriveAt: at('Mon 09:00'), cost: 5 };

  test.each<Case>([
    { rule: 'nothing avoided: the cheaper way via M', network: viaM, expected: VIA_M },
    { rule: 'an avoided hub is not a stop', network: viaM, query: { avoid: { hubs: ['M'] } }, expected: DIRECT },
    {
      rule: 'origin and destination are exempt from avoid.hubs',
      network: viaM,
      query: { avoid: { hubs: ['A', 'B'] } },
      expected: VIA_M,
    },
    { rule: 'an avoided mode is not used', network: viaM, query: { avoid: { modes: ['truck'] } }, expected: DIRECT },
    {
      rule: 'an avoided carrier is not used',
      network: viaM,
      query: { avoid: { carriers: ['Slow'] } },
      expected: DIRECT,
    },
    {
      rule: 'avoiding another carrier changes nothing',
      network: viaM,
      query: { avoid: { carriers: ['Jet'] } },
      expected: VIA_M,
    },
    {
      rule: 'avoiding every mode there is: NO_ROUTE',
      network: viaM,
      query: { avoid: { modes: ['truck', 'air'] } },
      expected: 'NO_ROUTE',
    },
  ])('$rule', check);
});

describe('closures', () => {
  const scheduled = sketch([hub('A'), hub('B')], [leg('AB', 'A', 'B', { departures: ['10:00'] })]);
  const shuttle = sketch([hub('A'), hub('B')], [leg('AB', 'A', 'B')]);

  test.each<Case>([
    {
      rule: 'a closed scheduled leg takes its next allowed departure',
      // closed [Mon 09:00, Mon 11:00): Mon 10:00 is closed → Tue 10:00, arrives 11:00.
      network: scheduled,
      closures: [{ legId: 'AB', from: at('Mon 09:00'), until: at('Mon 11:00') }],
      expected: { legs: ['AB'], departs: [at('Tue 10:00')], arriveAt: at('Tue 11:00') },
    },
    {
      rule: 'a closure ends at `until`, exclusive',
      // closed [Mon 09:00, Mon 10:00): the 10:00 departure is open.
      network: scheduled,
      closures: [{ legId: 'AB', from: at('Mon 09:00'), until: at('Mon 10:00') }],
      expected: { legs: ['AB'], departs: [at('Mon 10:00')], arriveAt: at('Mon 11:00') },
    },
    {
      rule: 'a closed continuous leg leaves at `until`, the first open minute',
      // closed [Mon 07:00, Mon 12:00), available 08:00 → leaves 12:00, arrives 13:00.
      network: shuttle,
      closures: [{ legId: 'AB', from: at('Mon 07:00'), until: at('Mon 12:00') }],
      expected: { legs: ['AB'], departs: [at('Mon 12:00')], arriveAt: at('Mon 13:00') },
    },
    {
      rule: 'back-to-back closures push a continuous leg to the end of the last',
      // [07:00, 12:00) then [12:00, 12:30) → leaves 12:30, arrives 13:30.
      network: shuttle,
      closures: [
        { legId: 'AB', from: at('Mon 12:00'), until: at('Mon 12:30') },
        { legId: 'AB', from: at('Mon 07:00'), until: at('Mon 12:00') },
      ],
      expected: { legs: ['AB'], departs: [at('Mon 12:30')], arriveAt: at('Mon 13:30') },
    },
    {
      rule: 'a hub closure blocks leaving the hub only; arriving at a closed hub is fine',
      // A closed until 08:30 → leaves 08:30; at M 09:30 (closed, arriving is fine) → leaves 10:00;
      // at B (closed all Monday) 11:00.
      network: sketch([hub('A'), hub('M'), hub('B')], [leg('AM', 'A', 'M'), leg('MB', 'M', 'B')]),
      closures: [
        { hubId: 'A', from: at('Mon 00:00'), until: at('Mon 08:30') },
        { hubId: 'M', from: at('Mon 08:00'), until: at('Mon 10:00') },
        { hubId: 'B', from: at('Mon 00:00'), until: at('Tue 00:00') },
      ],
      expected: { legs: ['AM', 'MB'], departs: [at('Mon 08:30'), at('Mon 10:00')], arriveAt: at('Mon 11:00') },
    },
    {
      rule: 'a closure of another leg changes nothing',
      network: scheduled,
      closures: [{ legId: 'ELSEWHERE', from: at('Mon 00:00'), until: at('Sun 00:00') }],
      expected: { legs: ['AB'], departs: [at('Mon 10:00')], arriveAt: at('Mon 11:00') },
    },
    {
      rule: 'closed for the whole horizon: NO_ROUTE',
      network: shuttle,
      closures: [{ hubId: 'A', from: at('Mon 00:00'), until: at('Mon 08:00') + 14 * DAY }],
      expected: 'NO_ROUTE',
    },
  ])('$rule', check);
});

describe('errors', () => {
  const oneWay = sketch([hub('A'), hub('B')], [leg('BA', 'B', 'A')]);

  test('NO_ROUTE when nothing leads to the destination', () => {
    check({ rule: 'unreachable', network: oneWay, expected: 'NO_ROUTE' });
  });

  test.each(['origin', 'destination'] as const)('unknown-hub, naming the field, for an unknown %s', (field) => {
    const router = new Router(prepareNetwork(oneWay));
    const query = queryOf({ [field]: 'ZZZ' });
    expect(router.route(query)).toEqual({ kind: 'unknown-hub', field, hubId: 'ZZZ' });
  });
});
