/**
 * Hostile input on every call: random and malformed bodies, prototype pollution,
 * deep nesting, huge bodies, wrong types, bad dates. None may produce a 5xx, and
 * nothing may leak into Object.prototype.
 */
import { gzipSync } from 'node:zlib';
import { createRng, type Rng } from '../../src/synthetic/prng';
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

type Call = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string };

const BODY_CALLS: Call[] = [
  { method: 'POST', url: '/v1/routes' },
  { method: 'PUT', url: '/v1/network' },
  { method: 'POST', url: '/v1/network/closures' },
  { method: 'POST', url: '/v1/network/rollback' },
  { method: 'POST', url: '/v1/promises' },
  { method: 'POST', url: '/v1/tours' },
  { method: 'POST', url: '/v1/bookings' },
];

const VALID = { parcelId: 'P', origin: 'HGH', destination: 'SVO', weightKg: 1, readyAt: '2026-11-24T08:00:00Z' };

const RAW_BODIES = [
  '{',
  '}',
  '[',
  'null',
  'true',
  '0',
  '-1',
  '"text"',
  '[]',
  '{}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  'undefined',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"origin":"HGH","destination":"SVO","weightKg":1,"__proto__":{"polluted":true}}',
  '{"origin":"HGH","destination":"SVO","weightKg":1e309}',
  '{"origin":"HGH","destination":"SVO","weightKg":-0}',
  '{"origin":"HGH","destination":"SVO","weightKg":1,"readyAt":"+275760-09-13T00:00:00Z"}',
  '{"origin":"HGH","destination":"SVO","weightKg":1,"readyAt":"9999-12-31T23:59:59Z"}',
  '{"origin":"HGH","destination":"SVO","weightKg":1,"readyAt":"0000-01-01T00:00:00Z"}',
  '{"origin":"HGH","destination":"SVO","weightKg":1,"deadline":"2026-11-24T08:00:00.999999999999Z"}',
  '{"origin":"HGH\\u0000","destination":"SVO","weightKg":1}',
  '{"origin":"\\ud800","destination":"SVO","weightKg":1}',
  '\u0000\u0001\u0002',
  '{"hubs":"x","legs":{},"name":1}',
  '{"name":"n","hubs":[{"id":{"$gt":""}}],"legs":[]}',
  `{"avoid":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
];

/** A random JSON-ish value: the valid request with fields dropped, retyped or replaced. */
function mutate(rng: Rng): unknown {
  const odd = [
    null,
    true,
    -1,
    0,
    1e300,
    -1e300,
    '',
    'x'.repeat(rng.int(0, 3000)),
    [],
    {},
    [1, 'a'],
    { a: { b: {} } },
    '2026-13-45T99:99:99Z',
    'HGH',
  ];
  const body: Record<string, unknown> = { ...VALID };
  for (const key of Object.keys(body)) {
    if (rng.chance(0.3)) body[key] = rng.pick(odd);
    else if (rng.chance(0.1)) delete body[key];
  }
  if (rng.chance(0.3))
    body[rng.pick(['serviceLevel', 'avoid', 'deadline', 'extra', 'hubId', 'legId', 'from', 'until'])] = rng.pick(odd);
  if (rng.chance(0.2)) body.avoid = { hubs: rng.pick(odd), modes: rng.pick(odd), carriers: rng.pick(odd) };
  return rng.chance(0.05) ? rng.pick(odd) : body;
}

describe('hostile input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  /** The statuses of the current test's calls. */
  const statuses = new Map<number, number>();
  beforeEach(() => statuses.clear());
  async function send(call: Call, payload: string, contentType = 'application/json', admin = true) {
    const headers: Record<string, string> = admin ? { ...h.admin } : {};
    if (contentType) headers['content-type'] = contentType;
    const res = await h.app.inject({ ...call, payload, headers });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 500)
      throw new Error(`${call.method} ${call.url} answered ${res.statusCode} to ${payload.slice(0, 200)}: ${res.body}`);
    return res;
  }

  it('malformed, polluting, deeply nested and odd bodies on every call', async () => {
    for (const call of BODY_CALLS) {
      for (const body of RAW_BODIES) {
        const res = await send(call, body);
        if (res.statusCode >= 400) expect(res.json()).toHaveProperty('error');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every content type on every call', async () => {
    for (const call of BODY_CALLS) {
      for (const type of CONTENT_TYPES) await send(call, JSON.stringify(VALID), type);
    }
  });

  it('2,000 random mutations of a valid request, with and without the admin token', async () => {
    const rng = createRng(20261124);
    for (let i = 0; i < 2000; i++) {
      const call = i % 4 === 0 ? rng.pick(BODY_CALLS) : BODY_CALLS[0];
      await send(call, JSON.stringify(mutate(rng)), 'application/json', rng.chance(0.5));
    }
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge bodies answer 413 before they are parsed', async () => {
    const huge = JSON.stringify({ ...VALID, parcelId: 'x'.repeat(10 * 1024 * 1024) });
    expect((await send(BODY_CALLS[0], huge)).statusCode).toBe(413);
    expect((await send(BODY_CALLS[2], huge)).statusCode).toBe(413);
  });

  it('no body at all, with and without a content type, on every body call, batches included', async () => {
    for (const call of [...BODY_CALLS, { method: 'POST', url: '/v1/batches' } as const]) {
      for (const headers of [
        {},
        { 'content-length': '0' },
        { 'content-type': 'application/json' },
        { 'content-type': 'application/x-ndjson' },
      ]) {
        const res = await h.app.inject({ ...call, headers: { ...h.admin, ...headers } });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json()).toHaveProperty('error');
      }
    }
    const bare = await h.app.inject({ method: 'POST', url: '/v1/batches' });
    expect(bare.json()).toEqual({
      error: 'VALIDATION',
      message: 'body: is required: NDJSON (application/x-ndjson) or JSON {"parcels": [...]}',
      field: 'body',
    });
  });

  it('bodies with a content-encoding answer 415 naming it, on every call, batches included, and queue nothing', async () => {
    const plain = JSON.stringify(VALID);
    const calls = [...BODY_CALLS, { method: 'POST', url: '/v1/batches' } as const];
    for (const call of calls) {
      for (const [coding, payload] of [
        ['gzip', gzipSync(plain)],
        ['gzip', plain],
        ['br', plain],
        ['GZIP, identity', plain],
      ] as const) {
        const res = await h.app.inject({
          ...call,
          payload,
          headers: { ...h.admin, 'content-type': 'application/json', 'content-encoding': coding },
        });
        expect(res.statusCode).toBe(415);
        expect(res.headers['accept-encoding']).toBe('identity');
        expect(res.json()).toEqual({
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: `the body must be sent without a content-encoding (got '${coding}')`,
          field: 'content-encoding',
        });
      }
    }
    const ndjson = await h.app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: gzipSync(`${plain}\n${plain}\n`),
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
    });
    expect(ndjson.statusCode).toBe(415);
    expect(await h.redis.keys(`${h.prefix}*batch*`)).toEqual([]);
    const identity = await h.app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: plain,
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
    });
    expect(identity.statusCode).toBe(200);
  });

  it('odd paths, ids and query strings', async () => {
    const urls = [
      '/v1/hubs/%00',
      '/v1/hubs/%E0%A4%A',
      '/v1/hubs/' + 'A'.repeat(5000),
      '/v1/hubs/..%2F..%2Fetc',
      '/v1/network/closures/%ZZ',
      '/v1/routes?__proto__[x]=1',
      '/v1/hubs?constructor[prototype][x]=1',
      '//v1//hubs',
      '/v1/hubs/HGH/../SVO',
      '/v1/hubs/nearest?lat=1e999&lon=-0&limit=1e400',
      '/v1/hubs/nearest?lat[]=1&lon=2',
      '/v1/legs?from=%00&mode[x]=air',
      '/v1/legs/%ZZ',
      '/v1/bookings/%00',
      '/v1/bookings/' + '9'.repeat(5000),
      '/v1/bookings/20261124-' + 'A'.repeat(22),
      '/v1/bookings/x.1.2',
      '/v1/bookings/00000000-0000-0000-0000-000000000000.9999999.99999',
      '/v1/bookings/affected?date[]=x',
      '/v1/bookings/affected?date=0000-00-00',
      '/v1/capacity?date=9999-99-99',
      '/v1/capacity?date=2026-11-24&legId[x]=1',
      '/v1/capacity?date=2026-11-24&hubId=%00',
      '/v1/capacity?date=1969-12-31',
    ];
    for (const url of urls) {
      await send({ method: 'GET', url }, '', '');
      await send({ method: 'DELETE', url }, '', '');
    }
  });
});
