/** parseRouteRequest, as the batch workers call it on each parsed NDJSON line. */
import { parseRouteRequest } from '../../src/api/route-request';
import { isoToMinutes, minutesToIso } from '../../src/wire/time';

const VALID = { parcelId: 'P-1', origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };
const minutes = (iso: string) => Date.parse(iso) / 60_000;

describe('parseRouteRequest', () => {
  it('converts a valid request, filling the defaults', () => {
    expect(parseRouteRequest(VALID)).toEqual({
      ok: true,
      parcelId: 'P-1',
      query: {
        origin: 'HGH',
        destination: 'SVO',
        weightKg: 1.5,
        readyAt: minutes('2026-11-24T08:00:00Z'),
        serviceLevel: 'standard',
        deadline: undefined,
        avoid: undefined,
      },
    });
  });

  it('rounds readyAt up and deadline down, offsets honoured', () => {
    const parsed = parseRouteRequest({
      ...VALID,
      readyAt: '2026-11-24T10:00:00.001+02:00',
      deadline: '2026-11-25T08:59:59Z',
    });
    expect(parsed.ok && parsed.query.readyAt).toBe(minutes('2026-11-24T08:01:00Z'));
    expect(parsed.ok && parsed.query.deadline).toBe(minutes('2026-11-25T08:59:00Z'));
  });

  it('defaults readyAt to now, rounded up to the minute', () => {
    const before = Math.ceil(Date.now() / 60_000);
    const parsed = parseRouteRequest({ origin: 'HGH', destination: 'SVO', weightKg: 1 });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.query.readyAt).toBeGreaterThanOrEqual(before);
      expect(parsed.query.readyAt).toBeLessThanOrEqual(before + 1);
      expect(parsed).not.toHaveProperty('parcelId');
    }
  });

  it.each([
    [{ ...VALID, weightKg: -1 }, 'weightKg: must be > 0', '/weightKg'],
    [{ ...VALID, weightKg: 2e6 }, 'weightKg: must be <= 1000000', '/weightKg'],
    [{ origin: 'HGH', weightKg: 1 }, 'destination: is required', '/destination'],
    [{ ...VALID, __proto__x: 1 }, '__proto__x: is not a known property', '/__proto__x'],
    [
      JSON.parse('{"origin":"HGH","destination":"SVO","weightKg":1,"__proto__":{"x":1}}'),
      '__proto__: is not a known property',
      '/__proto__',
    ],
    [{ ...VALID, avoid: { hubs: ['HGH', 7] } }, 'avoid.hubs[1]: must be string', '/avoid/hubs/1'],
    [{ ...VALID, deadline: '2026-11-24' }, 'deadline: must be an ISO 8601 time', '/deadline'],
    [{ ...VALID, deadline: '2026-11-23T08:00:00Z' }, 'deadline: must not be before readyAt', '/deadline'],
    ['a string', 'body: must be object', ''],
  ])('refuses %j with a message naming the field and the reason', (input, message, path) => {
    const parsed = parseRouteRequest(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('VALIDATION');
      expect(parsed.error.status).toBe(400);
      expect(parsed.error.message).toContain(message);
      expect(parsed.error.toJSON().problems).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
  });

  it('reports several problems at once', () => {
    const parsed = parseRouteRequest({ origin: '', weightKg: 0, colour: 'red' });
    expect(!parsed.ok && parsed.error.message.split('; ')).toEqual(
      expect.arrayContaining(['destination: is required', 'colour: is not a known property', 'weightKg: must be > 0']),
    );
  });
});

describe('isoToMinutes', () => {
  it('rounds in the direction asked and refuses what is not a time', () => {
    expect(isoToMinutes('1970-01-01T00:00:00Z', 'up')).toBe(0);
    expect(isoToMinutes('1970-01-01T00:00:01Z', 'up')).toBe(1);
    expect(isoToMinutes('1970-01-01T00:00:59Z', 'down')).toBe(0);
    expect(isoToMinutes('1969-12-31T23:59:30Z', 'down')).toBe(-1);
    expect(isoToMinutes('never', 'up')).toBeUndefined();
  });
});

describe('minutesToIso', () => {
  it('formats like toISOString without milliseconds, on every minute of a day and across eras', () => {
    const days = [-719528, -1, 0, 20_000, 20_781, 2_932_896];
    for (const day of days) {
      for (let m = 0; m < 1440; m += 7) {
        const minutes = day * 1440 + m;
        expect(minutesToIso(minutes)).toBe(new Date(minutes * 60_000).toISOString().replace('.000Z', 'Z'));
      }
    }
  });
});
