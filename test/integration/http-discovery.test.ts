/** Discovery calls (legs, the network document and versions, nearest hubs) through inject, on real Redis. */
import { generateNetwork } from '../../src/synthetic/generate';
import { createRng } from '../../src/synthetic/prng';
import type { Hub, NetworkDocument } from '../../src/routing/types';
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const get = (h: Harness, url: string) => h.app.inject({ method: 'GET', url });

describe('GET /v1/legs and /v1/legs/:id', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  it('lists every leg of the active network, in document order', async () => {
    const res = await get(h, '/v1/legs');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ networkVersion: h.live.current?.version, legs: tinyNetwork().legs });
  });

  it('keeps the legs matching every filter given', async () => {
    const ids = async (query: string) =>
      (await get(h, `/v1/legs?${query}`)).json().legs.map((leg: { id: string }) => leg.id);
    expect(await ids('from=HGH')).toEqual(['AIR-HGH-SVO-1', 'TRK-HGH-PVG']);
    expect(await ids('to=SVO')).toEqual(['AIR-HGH-SVO-1', 'AIR-PVG-SVO']);
    expect(await ids('from=HGH&mode=air')).toEqual(['AIR-HGH-SVO-1']);
    expect(await ids('from=PVG&to=HGH')).toEqual([]);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    const res = await get(h, '/v1/legs?mode=boat');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'VALIDATION',
      message: expect.stringMatching(/^mode: must be one of air, truck/),
    });
    const unknown = await get(h, '/v1/legs?carrier=ZTO');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/carrier: is not a known property/);
  });

  it('gives one leg by id, 404 naming an unknown one', async () => {
    const one = await get(h, '/v1/legs/TRK-HGH-PVG');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(tinyNetwork().legs[1]);
    const missing = await get(h, '/v1/legs/NOPE');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'NOT_FOUND', message: expect.stringMatching(/no leg 'NOPE'/) });
  });
});

describe('GET /v1/network/document and /v1/network/versions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork(), env: { NETWORK_VERSIONS_KEPT: '3' } });
  });
  afterAll(() => h.close());

  const named = (name: string, extraHubs: number): NetworkDocument => {
    const doc = tinyNetwork(name);
    for (let i = 0; i < extraHubs; i++) doc.hubs.push({ ...doc.hubs[4], id: `X${i}` });
    return doc;
  };
  const put = async (doc: NetworkDocument): Promise<string> => {
    const res = await h.app.inject({ method: 'PUT', url: '/v1/network', payload: doc, headers: h.admin });
    expect(res.statusCode).toBe(200);
    return res.json().version;
  };
  const versions = async () => (await get(h, '/v1/network/versions')).json();

  it('serves the active document as uploaded, its version as the ETag', async () => {
    const doc = named('document', 2);
    const version = await put(doc);
    const res = await get(h, '/v1/network/document');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toBe(`"${version}"`);
    expect(res.json()).toEqual(doc);
    // Uploaded again as it is served: the same version.
    expect(await put(res.json())).toBe(version);
  });

  it('lists the versions kept, the active one first, newest activation first, and forgets dropped ones', async () => {
    const a = await put(named('a', 1));
    const b = await put(named('b', 2));
    const c = await put(named('c', 3));
    const listed = await versions();
    expect(listed.active).toBe(c);
    expect(listed.versions.map((v: { version: string }) => v.version)).toEqual([c, b, a]);
    expect(listed.versions.map((v: { active: boolean }) => v.active)).toEqual([true, false, false]);
    const times = listed.versions.map((v: { activatedAt: string }) => Date.parse(v.activatedAt));
    expect(times.every(Number.isFinite)).toBe(true);
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(listed.versions[0].activatedAt).toBe((await get(h, '/v1/network')).json().activatedAt);
    // Only the kept versions have an activation time stored.
    expect((await h.redis.hkeys(h.keys.networkActivations)).sort()).toEqual([a, b, c].sort());

    const rollback = await h.app.inject({ method: 'POST', url: '/v1/network/rollback', headers: h.admin });
    expect(rollback.statusCode).toBe(200);
    const after = await versions();
    expect(after.active).toBe(b);
    expect(after.versions.map((v: { version: string }) => v.version)).toEqual([b, a]);
    expect(Date.parse(after.versions[0].activatedAt)).toBeGreaterThanOrEqual(times[0]);
    expect(after.versions[0].activatedAt).toBe(rollback.json().activatedAt);
    expect((await h.redis.hkeys(h.keys.networkActivations)).sort()).toEqual([a, b].sort());
  });

  it('gives null for a kept version whose activation time was never stored (stored by an older release)', async () => {
    const older = await put(named('older', 1));
    await put(named('newer', 2));
    await h.redis.hdel(h.keys.networkActivations, older);
    const listed = await versions();
    expect(listed.versions[1]).toEqual({ version: older, activatedAt: null, active: false });
  });
});

/** Great-circle km by the spherical law of cosines: another formula than the service's haversine. */
function oracleKm(lat: number, lon: number, hub: Hub): number {
  const r = Math.PI / 180;
  const cos =
    Math.sin(lat * r) * Math.sin(hub.lat * r) +
    Math.cos(lat * r) * Math.cos(hub.lat * r) * Math.cos((hub.lon - lon) * r);
  return 6371.0088 * Math.acos(Math.min(1, Math.max(-1, cos)));
}

describe('GET /v1/hubs/nearest', () => {
  const doc = generateNetwork({ hubs: 300, seed: 5 });
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: doc });
  });
  afterAll(() => h.close());

  it('answers the nearest hubs, nearest first, on 200 random points, kinds and limits (against the law of cosines)', async () => {
    const rng = createRng(19);
    const kinds = [undefined, 'gateway', 'sort-center', 'city', 'rural'] as const;
    for (let i = 0; i < 200; i++) {
      // Half near the hubs (China), half anywhere on Earth.
      const lat = i % 2 ? rng.float(20, 45) : rng.float(-90, 90);
      const lon = i % 2 ? rng.float(100, 125) : rng.float(-180, 180);
      const kind = rng.pick(kinds);
      const limit = rng.int(1, 30);
      const query = `lat=${lat}&lon=${lon}&limit=${limit}${kind ? `&kind=${kind}` : ''}`;
      const res = await get(h, `/v1/hubs/nearest?${query}`);
      expect(res.statusCode).toBe(200);
      const { networkVersion, hubs } = res.json() as { networkVersion: string; hubs: (Hub & { distanceKm: number })[] };
      expect(networkVersion).toBe(h.live.current?.version);
      const candidates = doc.hubs.filter((hub) => kind === undefined || hub.kind === kind);
      expect(hubs).toHaveLength(Math.min(limit, candidates.length));
      const answered = new Set(hubs.map((hub) => hub.id));
      const farthest = hubs[hubs.length - 1].distanceKm;
      for (const [at, hub] of hubs.entries()) {
        const { distanceKm, ...fields } = hub;
        expect(fields).toEqual(doc.hubs.find((d) => d.id === hub.id));
        if (kind) expect(hub.kind).toBe(kind);
        expect(distanceKm).toBeCloseTo(oracleKm(lat, lon, hub), 4);
        if (at > 0) expect(distanceKm).toBeGreaterThanOrEqual(hubs[at - 1].distanceKm);
      }
      for (const hub of candidates) {
        if (!answered.has(hub.id)) expect(oracleKm(lat, lon, hub)).toBeGreaterThanOrEqual(farthest - 1e-6);
      }
    }
  });

  it('answers 5 hubs by default, and ties in hub id order', async () => {
    const first = doc.hubs[0];
    const res = (await get(h, `/v1/hubs/nearest?lat=${first.lat}&lon=${first.lon}`)).json();
    expect(res.hubs).toHaveLength(5);
    const atFirst = doc.hubs
      .filter((hub) => hub.lat === first.lat && hub.lon === first.lon)
      .map((hub) => hub.id)
      .sort();
    expect(res.hubs.slice(0, atFirst.length).map((hub: Hub) => hub.id)).toEqual(atFirst.slice(0, 5));
    expect(res.hubs[0].distanceKm).toBe(0);
  });

  it('refuses bad points, kinds and limits with 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['lon=120', /lat: is required/],
      ['lat=30', /lon: is required/],
      ['lat=91&lon=0', /^lat: /],
      ['lat=0&lon=-181', /^lon: /],
      ['lat=north&lon=0', /^lat: /],
      ['lat=0&lon=0&kind=airport', /^kind: must be one of gateway, sort-center, city, rural/],
      ['lat=0&lon=0&limit=0', /^limit: /],
      ['lat=0&lon=0&limit=101', /^limit: /],
      ['lat=0&lon=0&limit=2.5', /^limit: /],
    ];
    for (const [query, message] of cases) {
      const res = await get(h, `/v1/hubs/nearest?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'VALIDATION', message: expect.stringMatching(message) });
    }
  });

  it('is documented in the OpenAPI document with the other discovery calls, each with an operationId', async () => {
    const { paths } = (await get(h, '/docs/json')).json();
    const calls: [string, string][] = [
      ['/v1/legs', 'listLegs'],
      ['/v1/legs/{id}', 'getLeg'],
      ['/v1/hubs/nearest', 'nearestHubs'],
      ['/v1/network/document', 'getNetworkDocument'],
      ['/v1/network/versions', 'listNetworkVersions'],
    ];
    for (const [path, operationId] of calls) {
      expect(paths[path].get).toMatchObject({ operationId, tags: ['network'], summary: expect.any(String) });
    }
  });
});
