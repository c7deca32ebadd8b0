/** Closures: POST closes a hub or a leg for a window, routes avoid it, DELETE reopens. */
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const EXPRESS = {
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
};

describe('closures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  const route = async () => (await h.app.inject({ method: 'POST', url: '/v1/routes', payload: EXPRESS })).json().route;
  const close = (payload: unknown, headers: Record<string, string> = h.admin) =>
    h.app.inject({ method: 'POST', url: '/v1/network/closures', payload: payload as object, headers });
  const reopen = (id: string, headers: Record<string, string> = h.admin) =>
    h.app.inject({ method: 'DELETE', url: `/v1/network/closures/${id}`, headers });
  const list = async () => (await h.app.inject({ method: 'GET', url: '/v1/network/closures' })).json();

  it('a closed leg is not used for departures in the window; DELETE reopens it', async () => {
    expect((await route()).hubs).toEqual(['HGH', 'SVO']);
    const res = await close({
      legId: 'AIR-HGH-SVO-1',
      from: '2026-11-25T00:00:00Z',
      until: '2026-11-25T12:00:00Z',
      reason: 'storm',
    });
    expect(res.statusCode).toBe(201);
    const closure = res.json();
    expect(closure).toEqual({
      id: expect.any(String),
      legId: 'AIR-HGH-SVO-1',
      from: '2026-11-25T00:00:00Z',
      until: '2026-11-25T12:00:00Z',
      reason: 'storm',
      createdAt: expect.any(String),
    });
    expect((await route()).hubs).toEqual(['HGH', 'PVG', 'SVO']);
    expect(await list()).toEqual({ revision: expect.any(Number), closures: [closure] });

    expect((await reopen(closure.id)).statusCode).toBe(204);
    expect((await route()).hubs).toEqual(['HGH', 'SVO']);
    expect((await list()).closures).toEqual([]);
  });

  it('a closed hub is not left in the window; times are rounded outwards to the minute', async () => {
    const res = await close({
      hubId: 'HGH',
      from: '2026-11-24T00:00:30Z',
      until: '2026-11-25T23:59:01Z',
      reason: 'strike',
    });
    expect(res.json()).toMatchObject({ from: '2026-11-24T00:00:00Z', until: '2026-11-26T00:00:00Z' });
    const closed = await route();
    expect(closed.hubs).toEqual(['HGH', 'PVG', 'SVO']);
    expect(closed.departAt).toBe('2026-11-26T00:00:00Z');
    await reopen(res.json().id);
  });

  it.each([
    [
      { from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      400,
      'hubId: give exactly one of hubId or legId',
    ],
    [
      { hubId: 'HGH', legId: 'TRK-HGH-PVG', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      400,
      'exactly one',
    ],
    [
      { hubId: 'HGH', from: '2026-11-25T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      400,
      'until: must be a time after from',
    ],
    [{ hubId: 'HGH', from: 'soon', until: '2026-11-25T00:00:00Z', reason: 'x' }, 400, 'from: must be an ISO 8601 time'],
    [{ hubId: 'HGH', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z' }, 400, 'reason: is required'],
    [
      { hubId: 'XYZ', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      422,
      "unknown hub 'XYZ'",
    ],
    [
      { legId: 'NOPE', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      422,
      "unknown leg 'NOPE'",
    ],
  ])('refuses a bad closure (%#)', async (payload, status, message) => {
    const res = await close(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toContain(message);
  });

  it('needs the admin token to change closures, not to list them', async () => {
    const payload = { hubId: 'HGH', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' };
    expect((await close(payload, {})).statusCode).toBe(401);
    expect((await reopen('abc', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/v1/network/closures' })).statusCode).toBe(200);
  });

  it('answers 404 when reopening an unknown closure, and changes nothing (the revision stays)', async () => {
    const { revision } = await list();
    const res = await reopen('0123456789abcdef');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('NOT_FOUND');
    expect((await list()).revision).toBe(revision);
  });
});
