/** POST /v1/routes through inject, on real Redis: the answer's shape and every error code. */
import { Compile } from 'typebox/compile';
import { parseRouteRequest } from '../../src/api/route-request';
import { routeParcel } from '../../src/api/route-parcel';
import { routeJson } from '../../src/api/route-response';
import { RouteResponseSchema } from '../../src/wire/route';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const REQUEST = {
  parcelId: 'P-1',
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1.5,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
};

function post(h: Harness, payload: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({ method: 'POST', url: '/v1/routes', payload: payload as object, headers });
}

describe('POST /v1/routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  it('answers exactly the contract fields, times in ISO without milliseconds', async () => {
    const res = await post(h, REQUEST);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      parcelId: 'P-1',
      networkVersion: h.live.current?.version,
      serviceLevel: 'express',
      deadline: '2026-11-27T08:00:00Z',
      meetsDeadline: true,
      slackMinutes: 2730,
      route: {
        hubs: ['HGH', 'SVO'],
        cost: expect.closeTo(5.25, 9),
        co2Kg: expect.closeTo(6.15, 9),
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
            cost: expect.closeTo(5.2, 9),
            handlingCost: 0.05,
            co2Kg: expect.closeTo(6.15, 9),
          },
        ],
      },
    });
  });

  it('sends JSON.stringify(toRouteResponse(...)) byte for byte, valid against the response schema', async () => {
    const responseSchema = Compile(RouteResponseSchema);
    const { parcelId: _, ...withoutId } = REQUEST;
    const payloads = [
      REQUEST,
      { ...REQUEST, parcelId: 'P-"2" \\ ünï \u2028 \ud83d\udce6' }, // the same answer object, another id to escape
      withoutId,
      { ...REQUEST, avoid: { carriers: ['Cainiao Air'] }, deadline: '2026-11-24T09:00:00Z' }, // late
      REQUEST, // again
    ];
    for (const payload of payloads) {
      const res = await post(h, payload);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const parsed = parseRouteRequest(payload);
      if (!parsed.ok) throw parsed.error;
      const network = h.live.require();
      expect(res.body).toBe(
        routeJson(routeParcel('sync', network.router, parsed.query), network.version, parsed.parcelId),
      );
      expect(responseSchema.Check(JSON.parse(res.body))).toBe(true);
    }
  });

  it('rounds readyAt up and deadline down to the minute', async () => {
    const res = await post(h, { ...REQUEST, readyAt: '2026-11-24T08:00:01Z', deadline: '2026-11-27T08:00:59Z' });
    expect(res.json().deadline).toBe('2026-11-27T08:00:00Z');
    expect(res.json().slackMinutes).toBe(2730);
    const offset = await post(h, { ...REQUEST, readyAt: '2026-11-24T16:00:30+08:00' });
    expect(offset.json().deadline).toBe('2026-11-27T08:01:00Z');
  });

  it('defaults readyAt to now, serviceLevel to standard, and omits an absent parcelId', async () => {
    const before = Date.now();
    const res = await post(h, { origin: 'HGH', destination: 'SVO', weightKg: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.serviceLevel).toBe('standard');
    expect(body).not.toHaveProperty('parcelId');
    const deadline = Date.parse(body.deadline);
    expect(deadline - before).toBeGreaterThanOrEqual(72 * 3600_000 - 60_000);
    expect(deadline - before).toBeLessThanOrEqual(72 * 3600_000 + 120_000);
  });

  it('takes avoid into account', async () => {
    const res = await post(h, { ...REQUEST, avoid: { carriers: ['Cainiao Air'] } });
    expect(res.json().route.hubs).toEqual(['HGH', 'PVG', 'SVO']);
  });

  it('lists the alternatives when asked (here the direct flight beats the way via PVG on every count: it alone)', async () => {
    const res = await post(h, { ...REQUEST, serviceLevel: 'standard', alternatives: true });
    expect(res.statusCode).toBe(200);
    const { route, alternatives } = res.json();
    const legsOf = (r: { legs: { legId: string }[] }) => r.legs.map((l) => l.legId);
    expect(alternatives.map(legsOf)).toEqual([legsOf(route)]);
    const arrivals = alternatives.map((r: { arriveAt: string }) => r.arriveAt);
    expect(arrivals).toEqual([...arrivals].sort());
    expect(Compile(RouteResponseSchema).Check(res.json())).toBe(true);
    const one = await post(h, { ...REQUEST, serviceLevel: 'standard', alternatives: true, maxAlternatives: 1 });
    expect(one.json().alternatives.map(legsOf)).toEqual([legsOf(route)]);
    expect((await post(h, REQUEST)).json()).not.toHaveProperty('alternatives');
  });

  it.each([
    [{ ...REQUEST, alternatives: 'yes' }, 'alternatives: must be boolean'],
    [{ ...REQUEST, alternatives: true, maxAlternatives: 0 }, 'maxAlternatives: must be >= 1'],
    [{ ...REQUEST, alternatives: true, maxAlternatives: 21 }, 'maxAlternatives: must be <= 20'],
    [{ ...REQUEST, weightKg: 0 }, 'weightKg: must be > 0'],
    [{ ...REQUEST, weightKg: '1' }, 'weightKg: must be number'],
    [{ destination: 'SVO', weightKg: 1 }, 'origin: is required'],
    [{ ...REQUEST, colour: 'red' }, 'colour: is not a known property'],
    [{ ...REQUEST, serviceLevel: 'fast' }, 'serviceLevel: must be one of express, standard, economy, green'],
    [{ ...REQUEST, readyAt: '2026-02-30T08:00:00Z' }, 'readyAt: must be an ISO 8601 time'],
    [{ ...REQUEST, readyAt: 'tomorrow' }, 'readyAt: must be an ISO 8601 time'],
    [{ ...REQUEST, readyAt: '2026-11-24T08:00:00' }, 'readyAt: must be an ISO 8601 time'],
    [{ ...REQUEST, deadline: '2026-11-24T07:00:00Z' }, 'deadline: must not be before readyAt'],
    [{ ...REQUEST, readyAt: '9999-12-31T00:00:00Z' }, 'readyAt: must be before 6000-01-01T00:00:00Z'],
    // Past the core's last minute (2³¹ − 1 after 1970): it answered 200 with a route departing in year −2114.
    [{ ...REQUEST, readyAt: '6053-01-23T02:07:00Z' }, 'readyAt: must be before 6000-01-01T00:00:00Z'],
    [{ ...REQUEST, avoid: { modes: ['boat'] } }, 'avoid.modes[0]: must be one of air, truck, rail, sea, ev'],
    [{ ...REQUEST, avoid: { ports: [] } }, 'avoid.ports: is not a known property'],
    [{ ...REQUEST, origin: 'H G H' }, 'origin: must match pattern'],
    [[REQUEST], 'body: must be object'],
  ])('answers 400 VALIDATION naming the field and the reason (%#)', async (payload, message) => {
    const res = await post(h, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'VALIDATION', message: expect.stringContaining(message) });
    expect(res.json().problems.length).toBeGreaterThan(0);
  });

  it('answers 422 UNKNOWN_HUB and 422 NO_ROUTE', async () => {
    const unknown = await post(h, { ...REQUEST, destination: 'XYZ' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: 'UNKNOWN_HUB', message: "unknown hub 'XYZ'" });
    const none = await post(h, { ...REQUEST, destination: 'LGG' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toBe('NO_ROUTE');
  });

  it('answers 400 for malformed JSON, an empty body and a prototype key', async () => {
    for (const payload of ['{"origin": "HGH",', '', '{"__proto__": {"admin": true}, "origin": "HGH"}']) {
      const res = await post(h, payload, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('VALIDATION');
    }
  });

  it('answers 413 over the body limit and 415 for a body that is not JSON', async () => {
    const big = await post(h, { ...REQUEST, parcelId: 'x'.repeat(20_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('PAYLOAD_TOO_LARGE');
    const text = await post(h, 'origin=HGH', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 NOT_FOUND for unknown calls, and sends no x-powered-by', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/nothing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'NOT_FOUND', message: 'no such call: GET /v1/nothing' });
    const ok = await post(h, REQUEST);
    expect(ok.headers['x-powered-by']).toBeUndefined();
  });
});

describe('POST /v1/routes without an active network', () => {
  it('answers 503 UNAVAILABLE with Retry-After', async () => {
    const h = await startApp();
    try {
      const res = await post(h, REQUEST);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json().error).toBe('UNAVAILABLE');
    } finally {
      await h.close();
    }
  });
});

describe('API keys and rate limit', () => {
  let h: Harness;
  // An app for each test: each starts with every key's three calls unspent.
  beforeEach(async () => {
    h = await startApp({ network: tinyNetwork(), env: { API_KEYS: 'key-one, key-two', RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterEach(() => h.close());

  it('answers 401 without a valid key, 200 with one in x-api-key or as a bearer token', async () => {
    expect((await post(h, REQUEST)).statusCode).toBe(401);
    expect((await post(h, REQUEST, { 'x-api-key': 'key-three' })).json().error).toBe('UNAUTHORIZED');
    expect((await post(h, REQUEST, { 'x-api-key': 'key-one' })).statusCode).toBe(200);
    expect((await post(h, REQUEST, { authorization: 'Bearer key-two' })).statusCode).toBe(200);
  });

  it('limits each key on its own with 429 RATE_LIMITED, wrong keys not counted', async () => {
    for (let i = 0; i < 5; i++) await post(h, REQUEST, { 'x-api-key': 'wrong' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(h, REQUEST, { authorization: 'Bearer key-two' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(h, REQUEST, { authorization: 'Bearer key-two' });
    expect(limited.json().error).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(h, REQUEST, { 'x-api-key': 'key-one' })).statusCode).toBe(200);
  });

  it('leaves the other calls open', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/v1/hubs' })).statusCode).toBe(200);
  });
});

describe('without API keys', () => {
  it('routing has no rate limit by default: one client is routed past 60,000 calls a minute', async () => {
    const h = await startApp({ network: tinyNetwork() });
    try {
      const statuses = new Map<number, number>();
      for (let sent = 0; sent < 60_001; sent += 500) {
        const round = Array.from({ length: Math.min(500, 60_001 - sent) }, () => post(h, REQUEST));
        for (const res of await Promise.all(round))
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 200: 60_001 });
    } finally {
      await h.close();
    }
    // 60,001 calls in process: about 15 s on a busy 2-core machine.
  }, 90_000);

  it('routing is open, and with RATE_LIMIT_PER_MINUTE set each client IP has its own limit', async () => {
    const h = await startApp({ network: tinyNetwork(), env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const from = (remoteAddress: string) =>
        h.app.inject({ method: 'POST', url: '/v1/routes', payload: REQUEST, remoteAddress });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await from('10.0.0.1')).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await from('10.0.0.1');
      expect(limited.json()).toMatchObject({
        error: 'RATE_LIMITED',
        message: expect.stringContaining('over 2 calls a minute'),
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-ratelimit-limit']).toBe('2');
      expect((await from('10.0.0.2')).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

it('with API keys and RATE_LIMIT_PER_MINUTE=0, keys are not limited', async () => {
  const h = await startApp({ network: tinyNetwork(), env: { API_KEYS: 'key-one', RATE_LIMIT_PER_MINUTE: '0' } });
  try {
    for (let i = 0; i < 5; i++) expect((await post(h, REQUEST, { 'x-api-key': 'key-one' })).statusCode).toBe(200);
  } finally {
    await h.close();
  }
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop lags, and recovers', async () => {
    const h = await startApp({ network: tinyNetwork(), env: { EVENT_LOOP_LAG_MS: '50' } });
    try {
      const until = Date.now() + 300;
      while (Date.now() < until);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const shed = await post(h, REQUEST);
      expect(shed.statusCode).toBe(503);
      expect(shed.headers['retry-after']).toBe('1');
      expect(shed.json().message).toMatch(/overloaded/);
      expect((await h.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      // It recovers once a sample fires on time again: within about 250 ms, later on a busy machine.
      expect(await waitFor(async () => (await post(h, REQUEST)).statusCode === 200, 5000)).toBeLessThan(5000);
    } finally {
      await h.close();
    }
  });
});
