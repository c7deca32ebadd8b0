/**
 * POST /v1/promises through inject, on real Redis: every cell of whole tables
 * against what POST /v1/routes answers for that destination and level, on the
 * demo network and on a synthetic one; and every error naming its field.
 */
import { join } from 'node:path';
import { packageRoot } from '../../src/config';
import { MAX_PROMISE_DESTINATIONS } from '../../src/wire/promise';
import { readNetworkFile } from '../../src/network/network-file';
import { SERVICE_LEVELS, type NetworkDocument } from '../../src/routing/types';
import { generateNetwork } from '../../src/synthetic/generate';
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const post = (h: Harness, url: string, payload: unknown) =>
  h.app.inject({ method: 'POST', url, payload: payload as object });

/** Asks POST /v1/promises, then POST /v1/routes for every cell, and compares them field by field. */
async function checkEveryCell(
  h: Harness,
  request: { origin: string; readyAt: string; weightKg: number; destinations?: string[]; serviceLevels?: string[] },
) {
  const res = await post(h, '/v1/promises', request);
  expect(res.statusCode).toBe(200);
  const table = res.json();
  expect(table).toMatchObject({
    networkVersion: h.live.current?.version,
    origin: request.origin,
    readyAt: request.readyAt,
  });
  const levels = request.serviceLevels ?? SERVICE_LEVELS;
  let routed = 0;
  for (const row of table.rows) {
    expect(Object.keys(row)).toEqual(['destination', ...SERVICE_LEVELS.filter((level) => levels.includes(level))]);
    for (const level of levels) {
      const { origin, readyAt, weightKg } = request;
      const answer = await post(h, '/v1/routes', {
        origin,
        destination: row.destination,
        readyAt,
        weightKg,
        serviceLevel: level,
      });
      const where = `${origin}→${row.destination} ${level}`;
      if (answer.statusCode === 422) {
        expect([where, answer.json().error, row[level]]).toEqual([where, 'NO_ROUTE', null]);
        continue;
      }
      const { route, meetsDeadline, deadline } = answer.json();
      expect([where, row[level]]).toEqual([
        where,
        { arriveAt: route.arriveAt, cost: route.cost, co2Kg: route.co2Kg, meetsDeadline, deadline },
      ]);
      routed++;
    }
  }
  return { rows: table.rows as { destination: string }[], routed };
}

describe.each([
  ['the demo network', () => readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'))],
  ['a 400-hub synthetic network', async () => generateNetwork({ hubs: 400, seed: 2026 })],
])('POST /v1/promises on %s', (_name, load: () => Promise<NetworkDocument>) => {
  let h: Harness;
  let doc: NetworkDocument;
  beforeAll(async () => {
    doc = await load();
    h = await startApp({ network: doc });
  });
  afterAll(() => h.close());

  it('answers every hub at every level by default, each cell as POST /v1/routes answers it', async () => {
    for (const [origin, readyAt] of [
      [doc.hubs[0].id, '2026-11-24T08:00:00Z'],
      [doc.hubs[doc.hubs.length - 1].id, '2026-11-28T23:10:00Z'],
    ]) {
      const { rows, routed } = await checkEveryCell(h, { origin, readyAt, weightKg: 1.5 });
      expect(rows.map((row) => row.destination)).toEqual(doc.hubs.map((hub) => hub.id));
      expect(routed).toBeGreaterThan(rows.length);
    }
  });

  it('answers the destinations and levels asked, in their order', async () => {
    const destinations = doc.hubs
      .filter((_, i) => i % 7 === 3)
      .map((hub) => hub.id)
      .reverse();
    const { rows } = await checkEveryCell(h, {
      origin: doc.hubs[5].id,
      readyAt: '2026-11-25T13:37:00Z',
      weightKg: 12.5,
      destinations,
      serviceLevels: ['green', 'express'],
    });
    expect(rows.map((row) => row.destination)).toEqual(destinations);
  });
});

describe('POST /v1/promises, bad input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  const VALID = { origin: 'HGH', weightKg: 1, readyAt: '2026-11-24T08:00:00Z' };

  it('answers 422 UNKNOWN_HUB naming the origin, or the destination with its index', async () => {
    const origin = await post(h, '/v1/promises', { ...VALID, origin: 'NOPE' });
    expect(origin.statusCode).toBe(422);
    expect(origin.json()).toEqual({ error: 'UNKNOWN_HUB', message: "origin: unknown hub 'NOPE'", field: 'origin' });
    const destination = await post(h, '/v1/promises', { ...VALID, destinations: ['SVO', 'PVG', 'XYZ', 'ABC'] });
    expect(destination.statusCode).toBe(422);
    expect(destination.json()).toEqual({
      error: 'UNKNOWN_HUB',
      message: "destinations[2]: unknown hub 'XYZ'",
      field: 'destinations[2]',
    });
  });

  it('answers 400 VALIDATION naming the field: levels, limits, weight, times, unknown properties', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { ...VALID, serviceLevels: ['express', 'fastest'] },
        /^serviceLevels\[1\]: must be one of express, standard, economy, green/,
      ],
      [{ ...VALID, serviceLevels: [] }, /^serviceLevels: /],
      [{ ...VALID, serviceLevels: ['green', 'green'] }, /^serviceLevels: /],
      [{ ...VALID, destinations: [] }, /^destinations: /],
      [
        { ...VALID, destinations: Array.from({ length: MAX_PROMISE_DESTINATIONS + 1 }, () => 'SVO') },
        /^destinations: must not have more than 1000 items/,
      ],
      [{ ...VALID, destinations: ['SVO', 'not an id'] }, /^destinations\[1\]: must match pattern/],
      [{ ...VALID, weightKg: 0 }, /^weightKg: /],
      [{ origin: 'HGH' }, /weightKg: is required/],
      [{ ...VALID, readyAt: 'Tuesday' }, /^readyAt: must be an ISO 8601 time/],
      [{ ...VALID, readyAt: '9999-12-31T00:00:00Z' }, /^readyAt: must be before 6000-01-01/],
      [{ ...VALID, deadline: '2026-11-25T08:00:00Z' }, /^deadline: is not a known property/],
    ];
    for (const [payload, message] of cases) {
      const res = await post(h, '/v1/promises', payload);
      expect([JSON.stringify(payload).slice(0, 80), res.statusCode]).toEqual([
        JSON.stringify(payload).slice(0, 80),
        400,
      ]);
      expect(res.json()).toMatchObject({ error: 'VALIDATION', message: expect.stringMatching(message) });
    }
  });

  it('takes the longest list of the longest ids within its body limit', async () => {
    const ids = Array.from(
      { length: MAX_PROMISE_DESTINATIONS },
      (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(28)}`,
    );
    const res = await post(h, '/v1/promises', { ...VALID, destinations: ids });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('destinations[0]');
  });

  it('gives null cells for destinations no route reaches, and a no-leg route to the origin itself', async () => {
    const res = await post(h, '/v1/promises', { ...VALID, destinations: ['LGG', 'HGH'], serviceLevels: ['economy'] });
    expect(res.json().rows).toEqual([
      { destination: 'LGG', economy: null },
      {
        destination: 'HGH',
        economy: { arriveAt: VALID.readyAt, cost: 0, co2Kg: 0, meetsDeadline: true, deadline: '2026-11-25T08:00:00Z' },
      },
    ]);
  });

  it('is a routing call in the OpenAPI document', async () => {
    const { paths } = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(paths['/v1/promises'].post).toMatchObject({ operationId: 'promiseTable', tags: ['routing'] });
  });
});
