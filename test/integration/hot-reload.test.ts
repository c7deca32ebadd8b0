/** Two app instances sharing one Redis: what one changes, the other serves within 1 s. */
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const EXPRESS = {
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
};

describe('hot reload across instances', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await startApp({ network: tinyNetwork(), env: { NETWORK_POLL_MS: '60000' } });
    b = await startApp({ prefix: a.prefix, env: { NETWORK_POLL_MS: '60000' } });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const versionOn = async (h: Harness) => (await h.app.inject({ method: 'GET', url: '/v1/network' })).json().version;
  const hubsOn = async (h: Harness) =>
    (await h.app.inject({ method: 'POST', url: '/v1/routes', payload: EXPRESS })).json().route.hubs;

  it('both serve the same version from the start', async () => {
    expect(await versionOn(b)).toBe(await versionOn(a));
  });

  it("computes every destination's lower bounds at start (none left to compute), not on a later switch", async () => {
    expect(b.live.require().bounds.warm()).toBe(0);
    const res = await a.app.inject({
      method: 'PUT',
      url: '/v1/network',
      payload: tinyNetwork('warm-check'),
      headers: a.admin,
    });
    await waitFor(async () => (await versionOn(b)) === res.json().version, 1000);
    const { index, bounds } = b.live.require();
    expect(bounds.warm()).toBe(index.hubCount);
  });

  it('an upload on one is served by the other within 1 s (pub/sub, the poll being a minute away)', async () => {
    const doc = tinyNetwork('renamed');
    const res = await a.app.inject({ method: 'PUT', url: '/v1/network', payload: doc, headers: a.admin });
    const version = res.json().version;
    const waited = await waitFor(async () => (await versionOn(b)) === version, 1000);
    expect(waited).toBeLessThan(1000);
  });

  it('a closure on one takes effect on the other within 1 s, and so does its removal', async () => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/v1/network/closures',
      headers: a.admin,
      payload: { legId: 'AIR-HGH-SVO-1', from: '2026-11-25T00:00:00Z', until: '2026-11-25T12:00:00Z', reason: 'storm' },
    });
    await waitFor(async () => (await hubsOn(b)).length === 3, 1000);
    await b.app.inject({ method: 'DELETE', url: `/v1/network/closures/${res.json().id}`, headers: b.admin });
    await waitFor(async () => (await hubsOn(a)).length === 2, 1000);
  });

  it('a rollback on one is served by the other within 1 s', async () => {
    // A version to roll back from, whatever ran before.
    const doc = tinyNetwork('rolled-back');
    const uploaded = await a.app.inject({ method: 'PUT', url: '/v1/network', payload: doc, headers: a.admin });
    await waitFor(async () => (await versionOn(b)) === uploaded.json().version, 1000);
    const before = await versionOn(b);
    const res = await b.app.inject({ method: 'POST', url: '/v1/network/rollback', headers: b.admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).not.toBe(before);
    await waitFor(async () => (await versionOn(a)) === res.json().version, 1000);
  });
});

describe('the periodic poll backs pub/sub up', () => {
  it('picks up an active version switched without an announcement', async () => {
    const h = await startApp({ network: tinyNetwork('first'), env: { NETWORK_POLL_MS: '200' } });
    try {
      const first = h.live.current!.version;
      await h.store.upload(tinyNetwork('second'));
      await waitFor(() => h.live.current?.doc.name === 'second', 1000);
      await h.redis.hset(h.keys.activeNetwork, 'version', first);
      await waitFor(() => h.live.current?.version === first, 1000);
      expect(h.live.current?.doc.name).toBe('first');
    } finally {
      await h.close();
    }
  });
});
