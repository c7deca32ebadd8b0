import { validateNetwork } from '../../src/routing/network/validate';
import type { NetworkDocument } from '../../src/routing/types';
import type { Problem } from '../../src/routing/network/problems';

/** A document loose enough to break on purpose. */
type Draft = Record<string, unknown> & { hubs: Record<string, unknown>[]; legs: Record<string, unknown>[] };

/** HGH → SVO by scheduled air, SVO → LGG by shuttle truck; KUL is linked to nothing and carries every optional field. */
const VALID: NetworkDocument = {
  name: 'validate-fixture',
  hubs: [
    {
      id: 'HGH',
      name: 'Hangzhou Gateway',
      country: 'CN',
      lat: 30.23,
      lon: 120.43,
      sortMinutes: 60,
      handlingCost: 0.05,
    },
    {
      id: 'SVO',
      name: 'Moscow Sheremetyevo',
      country: 'RU',
      lat: 55.97,
      lon: 37.41,
      sortMinutes: 45,
      handlingCost: 0.1,
    },
    { id: 'LGG', name: 'Liège', country: 'BE', lat: 50.64, lon: 5.44, sortMinutes: 30, handlingCost: 0.08 },
    {
      id: 'KUL',
      name: 'Kuala Lumpur',
      country: 'MY',
      lat: 2.74,
      lon: 101.7,
      sortMinutes: 40,
      handlingCost: 0.04,
      kind: 'gateway',
      capacityPerDay: 3000000,
    },
  ],
  legs: [
    {
      id: 'AIR-HGH-SVO-1',
      from: 'HGH',
      to: 'SVO',
      mode: 'air',
      carrier: 'Cainiao Air',
      durationMinutes: 480,
      costPerParcel: 2.5,
      costPerKg: 1.8,
      departures: ['02:30', '14:30'],
      days: [1, 3, 5],
      cutoffMinutes: 90,
      co2KgPerKg: 4.1,
      capacityPerDeparture: 20000,
    },
    {
      id: 'TRK-SVO-LGG',
      from: 'SVO',
      to: 'LGG',
      mode: 'truck',
      carrier: 'Best Inc',
      durationMinutes: 2880,
      costPerParcel: 1.2,
      costPerKg: 0.3,
    },
  ],
};

function draft(): Draft {
  return structuredClone(VALID) as unknown as Draft;
}

function problemsOf(input: unknown): Problem[] {
  const result = validateNetwork(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('validateNetwork accepts', () => {
  test('the fixture, returning an equal copy that shares nothing with the frozen input', () => {
    const input = deepFreeze(structuredClone(VALID));
    const result = validateNetwork(input);
    expect(result).toEqual({ ok: true, network: VALID });
    if (!result.ok) return;
    expect(result.network).not.toBe(input);
    expect(result.network.hubs).not.toBe(input.hubs);
    expect(result.network.hubs[3]).not.toBe(input.hubs[3]);
    expect(result.network.legs[0]).not.toBe(input.legs[0]);
    expect(result.network.legs[0].departures).not.toBe(input.legs[0].departures);
    expect(result.network.legs[0].days).not.toBe(input.legs[0].days);
  });

  const edges: { name: string; change: (doc: Draft) => void }[] = [
    { name: 'an id of 32 characters', change: (d) => void (d.hubs[3].id = 'A_b.C-0123456789012345678901234z') },
    { name: 'lat and lon at their limits', change: (d) => Object.assign(d.hubs[3], { lat: -90, lon: 180 }) },
    { name: 'the other lat and lon limits', change: (d) => Object.assign(d.hubs[3], { lat: 90, lon: -180 }) },
    {
      name: 'zero sort time, handling cost, costs and cut-off',
      change: (d) => {
        Object.assign(d.hubs[0], { sortMinutes: 0, handlingCost: 0 });
        Object.assign(d.legs[0], { costPerParcel: 0, costPerKg: 0, cutoffMinutes: 0, co2KgPerKg: 0 });
      },
    },
    {
      name: 'minute fields of exactly one year (527,040 minutes)',
      change: (d) => {
        d.hubs[0].sortMinutes = 527040;
        Object.assign(d.legs[0], { durationMinutes: 527040, cutoffMinutes: 527040 });
      },
    },
    {
      name: 'a one-minute leg and capacities of one',
      change: (d) => {
        Object.assign(d.legs[0], { durationMinutes: 1, capacityPerDeparture: 1 });
        d.hubs[3].capacityPerDay = 1;
      },
    },
    {
      name: 'departures at 00:00 and 23:59 on every weekday',
      change: (d) => {
        Object.assign(d.legs[0], { departures: ['00:00', '23:59'], days: [1, 2, 3, 4, 5, 6, 7] });
      },
    },
    { name: 'an empty departures list (a continuous shuttle)', change: (d) => void (d.legs[1].departures = []) },
    {
      name: 'every hub kind',
      change: (d) => ['gateway', 'sort-center', 'city', 'rural'].forEach((kind, i) => (d.hubs[i].kind = kind)),
    },
    {
      name: 'every mode',
      change: (d) => ['rail', 'sea', 'ev'].forEach((mode, i) => d.legs.push({ ...d.legs[1], id: `L${i}`, mode })),
    },
    { name: 'no legs at all', change: (d) => void (d.legs = []) },
  ];
  test.each(edges)('$name', ({ change }) => {
    const doc = draft();
    change(doc);
    expect(validateNetwork(doc)).toEqual({ ok: true, network: doc });
  });
});

describe('validateNetwork refuses', () => {
  test.each([
    { name: 'a number', input: 42 },
    { name: 'null', input: null },
    { name: 'an array', input: [VALID] },
    { name: 'a string', input: JSON.stringify(VALID) },
  ])('a document that is $name', ({ input }) => {
    expect(problemsOf(input)).toEqual([{ path: '', message: 'must be an object' }]);
  });

  const hubRequired = ['id', 'name', 'country', 'lat', 'lon', 'sortMinutes', 'handlingCost'];
  const legRequired = ['id', 'from', 'to', 'mode', 'carrier', 'durationMinutes', 'costPerParcel', 'costPerKg'];
  test.each([
    ...['name', 'hubs', 'legs'].map((key) => ({ path: `/${key}`, change: (d: Draft) => void delete d[key] })),
    ...hubRequired.map((key) => ({ path: `/hubs/3/${key}`, change: (d: Draft) => void delete d.hubs[3][key] })),
    ...legRequired.map((key) => ({ path: `/legs/1/${key}`, change: (d: Draft) => void delete d.legs[1][key] })),
  ])('a document missing $path', ({ path, change }) => {
    const doc = draft();
    change(doc);
    expect(problemsOf(doc)).toEqual([{ path, message: 'is required' }]);
  });

  const cases: { name: string; change: (doc: Draft) => void; path: string; message: RegExp }[] = [
    { name: 'a numeric name', change: (d) => void (d.name = 7), path: '/name', message: /must be a string/ },
    { name: 'a blank name', change: (d) => void (d.name = '  '), path: '/name', message: /must not be empty/ },
    {
      name: 'hubs that are not an array',
      change: (d) => void (d.hubs = {} as never),
      path: '/hubs',
      message: /must be an array/,
    },
    {
      name: 'legs that are not an array',
      change: (d) => void (d.legs = 'none' as never),
      path: '/legs',
      message: /must be an array/,
    },
    {
      name: 'an empty hubs array',
      change: (d) => Object.assign(d, { hubs: [], legs: [] }),
      path: '/hubs',
      message: /at least one hub/,
    },
    {
      name: 'a hub that is not an object',
      change: (d) => void d.hubs.push('PEK' as never),
      path: '/hubs/4',
      message: /must be an object/,
    },
    {
      name: 'a leg that is null',
      change: (d) => void d.legs.push(null as never),
      path: '/legs/2',
      message: /must be an object/,
    },
    {
      name: 'a hub id with a space',
      change: (d) => void (d.hubs[3].id = 'KU L'),
      path: '/hubs/3/id',
      message: /1–32 characters of A-Za-z0-9_.-/,
    },
    {
      name: 'a hub id of 33 characters',
      change: (d) => void (d.hubs[3].id = 'K'.repeat(33)),
      path: '/hubs/3/id',
      message: /1–32 characters/,
    },
    {
      name: 'an empty hub id',
      change: (d) => void (d.hubs[3].id = ''),
      path: '/hubs/3/id',
      message: /1–32 characters/,
    },
    {
      name: 'a numeric hub id',
      change: (d) => void (d.hubs[3].id = 12),
      path: '/hubs/3/id',
      message: /must be a string/,
    },
    {
      name: 'a duplicate hub id',
      change: (d) => void (d.hubs[3].id = 'HGH'),
      path: '/hubs/3/id',
      message: /duplicate hub id 'HGH' \(first at \/hubs\/0\)/,
    },
    {
      name: 'a lower-case country',
      change: (d) => void (d.hubs[3].country = 'my'),
      path: '/hubs/3/country',
      message: /two upper-case letters/,
    },
    {
      name: 'a three-letter country',
      change: (d) => void (d.hubs[3].country = 'MYS'),
      path: '/hubs/3/country',
      message: /two upper-case letters/,
    },
    {
      name: 'lat above 90',
      change: (d) => void (d.hubs[3].lat = 90.5),
      path: '/hubs/3/lat',
      message: /at most 90 \(got 90.5\)/,
    },
    { name: 'lat below -90', change: (d) => void (d.hubs[3].lat = -91), path: '/hubs/3/lat', message: /at least -90/ },
    { name: 'lon above 180', change: (d) => void (d.hubs[3].lon = 180.1), path: '/hubs/3/lon', message: /at most 180/ },
    {
      name: 'lon below -180',
      change: (d) => void (d.hubs[3].lon = -181),
      path: '/hubs/3/lon',
      message: /at least -180/,
    },
    {
      name: 'a lat given as a string',
      change: (d) => void (d.hubs[3].lat = '2.74'),
      path: '/hubs/3/lat',
      message: /must be a number/,
    },
    {
      name: 'a negative sort time',
      change: (d) => void (d.hubs[3].sortMinutes = -1),
      path: '/hubs/3/sortMinutes',
      message: /at least 0/,
    },
    {
      name: 'a fractional sort time',
      change: (d) => void (d.hubs[3].sortMinutes = 1.5),
      path: '/hubs/3/sortMinutes',
      message: /whole number of minutes/,
    },
    {
      name: 'an infinite sort time',
      change: (d) => void (d.hubs[3].sortMinutes = Infinity),
      path: '/hubs/3/sortMinutes',
      message: /finite/,
    },
    {
      name: 'a NaN handling cost',
      change: (d) => void (d.hubs[3].handlingCost = NaN),
      path: '/hubs/3/handlingCost',
      message: /finite/,
    },
    {
      name: 'a negative handling cost',
      change: (d) => void (d.hubs[3].handlingCost = -0.01),
      path: '/hubs/3/handlingCost',
      message: /at least 0/,
    },
    {
      name: 'an unknown hub kind',
      change: (d) => void (d.hubs[3].kind = 'airport'),
      path: '/hubs/3/kind',
      message: /unknown kind 'airport'/,
    },
    {
      name: 'a null hub kind',
      change: (d) => void (d.hubs[3].kind = null),
      path: '/hubs/3/kind',
      message: /must be a string/,
    },
    {
      name: 'a zero daily capacity',
      change: (d) => void (d.hubs[3].capacityPerDay = 0),
      path: '/hubs/3/capacityPerDay',
      message: /greater than 0/,
    },
    {
      name: 'a fractional daily capacity',
      change: (d) => void (d.hubs[3].capacityPerDay = 2.5),
      path: '/hubs/3/capacityPerDay',
      message: /whole number of parcels/,
    },
    {
      name: 'an unknown hub property',
      change: (d) => void (d.hubs[3].timezone = 'UTC+8'),
      path: '/hubs/3/timezone',
      message: /unknown property/,
    },
    {
      name: 'an unknown property named with / and ~',
      change: (d) => void (d.hubs[3]['a/b~c'] = 1),
      path: '/hubs/3/a~1b~0c',
      message: /unknown property/,
    },
    {
      name: 'an unknown top-level property',
      change: (d) => void (d.version = 3),
      path: '/version',
      message: /unknown property/,
    },
    {
      name: 'a leg id with a slash',
      change: (d) => void (d.legs[1].id = 'TRK/1'),
      path: '/legs/1/id',
      message: /1–32 characters/,
    },
    {
      name: 'a duplicate leg id',
      change: (d) => void (d.legs[1].id = 'AIR-HGH-SVO-1'),
      path: '/legs/1/id',
      message: /duplicate leg id 'AIR-HGH-SVO-1' \(first at \/legs\/0\)/,
    },
    {
      name: 'a leg from an unknown hub',
      change: (d) => void (d.legs[1].from = 'XYZ'),
      path: '/legs/1/from',
      message: /unknown hub 'XYZ'/,
    },
    {
      name: 'a leg to an unknown hub',
      change: (d) => void (d.legs[1].to = 'XYZ'),
      path: '/legs/1/to',
      message: /^unknown hub 'XYZ'$/,
    },
    {
      name: 'a leg to a hub differing only in case',
      change: (d) => void (d.legs[1].to = 'lgg'),
      path: '/legs/1/to',
      message: /unknown hub 'lgg'/,
    },
    {
      name: 'a leg from a hub to itself',
      change: (d) => void (d.legs[1].to = 'SVO'),
      path: '/legs/1/to',
      message: /same hub as 'from' \('SVO'\)/,
    },
    {
      name: 'an empty leg end',
      change: (d) => void (d.legs[1].from = ''),
      path: '/legs/1/from',
      message: /must not be empty/,
    },
    {
      name: 'an unknown mode',
      change: (d) => void (d.legs[1].mode = 'boat'),
      path: '/legs/1/mode',
      message: /unknown mode 'boat' \(expected one of air, truck, rail, sea, ev\)/,
    },
    {
      name: 'a mode in capitals',
      change: (d) => void (d.legs[1].mode = 'AIR'),
      path: '/legs/1/mode',
      message: /unknown mode 'AIR'/,
    },
    {
      name: 'an empty carrier',
      change: (d) => void (d.legs[1].carrier = ''),
      path: '/legs/1/carrier',
      message: /must not be empty/,
    },
    {
      name: 'a zero duration',
      change: (d) => void (d.legs[1].durationMinutes = 0),
      path: '/legs/1/durationMinutes',
      message: /greater than 0 \(got 0\)/,
    },
    {
      name: 'a negative duration',
      change: (d) => void (d.legs[1].durationMinutes = -5),
      path: '/legs/1/durationMinutes',
      message: /greater than 0/,
    },
    {
      name: 'a fractional duration',
      change: (d) => void (d.legs[1].durationMinutes = 90.5),
      path: '/legs/1/durationMinutes',
      message: /whole number of minutes/,
    },
    {
      name: 'a duration past one year, which the index could not hold',
      change: (d) => void (d.legs[1].durationMinutes = 2 ** 31),
      path: '/legs/1/durationMinutes',
      message: /at most 527040/,
    },
    {
      name: 'a sort time past one year',
      change: (d) => void (d.hubs[3].sortMinutes = 527041),
      path: '/hubs/3/sortMinutes',
      message: /at most 527040 \(got 527041\)/,
    },
    {
      name: 'a cut-off past one year',
      change: (d) => void (d.legs[0].cutoffMinutes = 1e12),
      path: '/legs/0/cutoffMinutes',
      message: /at most 527040/,
    },
    {
      name: 'a negative cost per parcel',
      change: (d) => void (d.legs[1].costPerParcel = -1),
      path: '/legs/1/costPerParcel',
      message: /at least 0/,
    },
    {
      name: 'a negative cost per kg',
      change: (d) => void (d.legs[1].costPerKg = -0.5),
      path: '/legs/1/costPerKg',
      message: /at least 0/,
    },
    {
      name: 'departures that are not a list',
      change: (d) => void (d.legs[0].departures = '02:30'),
      path: '/legs/0/departures',
      message: /must be an array/,
    },
    {
      name: 'a departure at 24:00',
      change: (d) => void (d.legs[0].departures = ['02:30', '24:00']),
      path: '/legs/0/departures/1',
      message: /HH:MM from 00:00 to 23:59/,
    },
    {
      name: 'a departure at 12:60',
      change: (d) => void (d.legs[0].departures = ['12:60']),
      path: '/legs/0/departures/0',
      message: /HH:MM/,
    },
    {
      name: 'a departure without its leading zero',
      change: (d) => void (d.legs[0].departures = ['2:30']),
      path: '/legs/0/departures/0',
      message: /HH:MM/,
    },
    {
      name: 'a departure with seconds',
      change: (d) => void (d.legs[0].departures = ['02:30:00']),
      path: '/legs/0/departures/0',
      message: /HH:MM/,
    },
    {
      name: 'a departure given as a number',
      change: (d) => void (d.legs[0].departures = [230]),
      path: '/legs/0/departures/0',
      message: /HH:MM/,
    },
    {
      name: 'an empty days list',
      change: (d) => void (d.legs[0].days = []),
      path: '/legs/0/days',
      message: /must list at least one weekday/,
    },
    {
      name: 'weekday 0',
      change: (d) => void (d.legs[0].days = [0, 1]),
      path: '/legs/0/days/0',
      message: /ISO weekday: a whole number from 1 \(Monday\) to 7 \(Sunday\)/,
    },
    {
      name: 'weekday 8',
      change: (d) => void (d.legs[0].days = [1, 8]),
      path: '/legs/0/days/1',
      message: /ISO weekday/,
    },
    {
      name: 'a fractional weekday',
      change: (d) => void (d.legs[0].days = [1.5]),
      path: '/legs/0/days/0',
      message: /ISO weekday/,
    },
    {
      name: 'a weekday given as a string',
      change: (d) => void (d.legs[0].days = ['1']),
      path: '/legs/0/days/0',
      message: /ISO weekday/,
    },
    {
      name: 'a negative cut-off',
      change: (d) => void (d.legs[0].cutoffMinutes = -1),
      path: '/legs/0/cutoffMinutes',
      message: /at least 0/,
    },
    {
      name: 'a fractional cut-off',
      change: (d) => void (d.legs[0].cutoffMinutes = 0.5),
      path: '/legs/0/cutoffMinutes',
      message: /whole number of minutes/,
    },
    {
      name: 'a negative CO2 factor',
      change: (d) => void (d.legs[0].co2KgPerKg = -4.1),
      path: '/legs/0/co2KgPerKg',
      message: /at least 0/,
    },
    {
      name: 'a negative departure capacity',
      change: (d) => void (d.legs[0].capacityPerDeparture = -1),
      path: '/legs/0/capacityPerDeparture',
      message: /greater than 0/,
    },
    {
      name: 'an unknown leg property',
      change: (d) => void (d.legs[0].price = 3),
      path: '/legs/0/price',
      message: /unknown property/,
    },
  ];
  test.each(cases)('$name', ({ change, path, message }) => {
    const doc = draft();
    change(doc);
    expect(problemsOf(doc)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});

describe('validateNetwork reports', () => {
  test('every problem of a document with several, not just the first', () => {
    const doc = draft();
    doc.name = '';
    doc.hubs[0].lat = 100;
    doc.hubs[1].id = 'HGH'; // SVO is gone: both legs touching it now name an unknown hub
    delete doc.hubs[2].country;
    doc.legs[0].days = [];
    doc.legs[0].departures = ['25:00'];
    doc.legs[1].to = 'XYZ';
    doc.legs[1].mode = 'boat';
    doc.legs[1].extra = true;
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path).sort()).toEqual([
      '/hubs/0/lat',
      '/hubs/1/id',
      '/hubs/2/country',
      '/legs/0/days',
      '/legs/0/departures/0',
      '/legs/0/to',
      '/legs/1/extra',
      '/legs/1/from',
      '/legs/1/mode',
      '/legs/1/to',
      '/name',
    ]);
    expect(problems).toContainEqual({ path: '/legs/0/to', message: "unknown hub 'SVO'" });
    expect(problems).toContainEqual({ path: '/legs/1/from', message: "unknown hub 'SVO'" });
    expect(problems).toContainEqual({ path: '/hubs/1/id', message: "duplicate hub id 'HGH' (first at /hubs/0)" });
  });

  test('__proto__ keys as unknown properties, copying nothing from them', () => {
    const text = JSON.stringify(VALID)
      .replace('{"name"', '{"__proto__":{"polluted":true},"name"')
      .replace('{"id":"HGH"', '{"__proto__":{"sortMinutes":1},"id":"HGH"');
    const problems = problemsOf(JSON.parse(text));
    expect(problems).toEqual([
      { path: '/hubs/0/__proto__', message: 'unknown property' },
      { path: '/__proto__', message: 'unknown property' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('fields a hub only inherits as missing', () => {
    const doc = draft();
    const { id, ...rest } = doc.hubs[3];
    doc.hubs[3] = Object.assign(Object.create({ id }) as Record<string, unknown>, rest);
    expect(problemsOf(doc)).toEqual([{ path: '/hubs/3/id', message: 'is required' }]);
  });
});
