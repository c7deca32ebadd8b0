import { validateNetwork } from '../../src/routing/network/validate';
import { HUB_KINDS } from '../../src/routing/types';
import { generateNetwork } from '../../src/synthetic/generate';
import { createRng } from '../../src/synthetic/prng';
import { isStronglyConnected } from '../support/reachability';

describe('createRng', () => {
  it('repeats its sequence for the same seed and stays in range', () => {
    const a = createRng(11);
    const b = createRng(11);
    const drawn = Array.from({ length: 200 }, () => a.int(3, 9));
    expect(Array.from({ length: 200 }, () => b.int(3, 9))).toEqual(drawn);
    expect(new Set(drawn)).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
    expect(createRng(12).next()).not.toBe(createRng(11).next());
  });

  it('picks only from the array and refuses an empty one', () => {
    const rng = createRng(1);
    const items = ['a', 'b', 'c'];
    for (let i = 0; i < 50; i++) expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});

describe('generateNetwork', () => {
  it('gives the identical document for the same seed and a different one for another seed', () => {
    const first = generateNetwork({ hubs: 300, seed: 5 });
    expect(generateNetwork({ hubs: 300, seed: 5 })).toEqual(first);
    expect(generateNetwork({ hubs: 300, seed: 6 })).not.toEqual(first);
  });

  it('gives every leg and hub a capacity when asked, a thousandth of the realistic ones when saturated', () => {
    const plain = generateNetwork({ hubs: 300, seed: 5 });
    const realistic = generateNetwork({ hubs: 300, seed: 5, capacities: 'realistic' });
    const saturated = generateNetwork({ hubs: 300, seed: 5, capacities: 'saturated' });
    expect(plain.legs.some((l) => l.capacityPerDeparture !== undefined || l.capacityKgPerDeparture !== undefined)).toBe(
      false,
    );
    for (const doc of [realistic, saturated]) {
      expect(validateNetwork(doc)).toMatchObject({ ok: true });
      expect(doc.legs.map(({ capacityPerDeparture: _p, capacityKgPerDeparture: _k, ...leg }) => leg)).toEqual(
        plain.legs,
      );
    }
    realistic.legs.forEach((leg, i) => {
      const tight = saturated.legs[i];
      expect(tight.capacityPerDeparture).toBe(Math.max(1, Math.round((leg.capacityPerDeparture as number) / 1000)));
      expect(tight.capacityKgPerDeparture).toBe(Math.max(1, Math.round((leg.capacityKgPerDeparture as number) / 1000)));
    });
    expect(saturated.hubs.map((h) => h.capacityPerDay)).toEqual(
      realistic.hubs.map((h) => Math.round((h.capacityPerDay as number) / 1000)),
    );
  });

  it('refuses fewer than 5 hubs', () => {
    expect(() => generateNetwork({ hubs: 4, seed: 1 })).toThrow(RangeError);
  });

  describe.each([5, 50, 2000])('with %i hubs', (hubs) => {
    const doc = generateNetwork({ hubs, seed: 42 });

    it('has exactly that many hubs, all of every kind', () => {
      expect(doc.hubs).toHaveLength(hubs);
      expect(new Set(doc.hubs.map((h) => h.kind))).toEqual(new Set(HUB_KINDS));
    });

    it('passes validateNetwork', () => {
      const result = validateNetwork(JSON.parse(JSON.stringify(doc)));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });

    it('lets every hub reach every other', () => {
      expect(isStronglyConnected(doc)).toBe(true);
    });

    it('has a gateway abroad and a Chinese one', () => {
      const gateways = doc.hubs.filter((h) => h.kind === 'gateway');
      expect(gateways.some((h) => h.country === 'CN')).toBe(true);
      expect(gateways.some((h) => h.country !== 'CN')).toBe(true);
    });
  });

  it('shapes 2,000 hubs like the real hierarchy', () => {
    const doc = generateNetwork({ hubs: 2000, seed: 42 });
    const count = (kind: string) => doc.hubs.filter((h) => h.kind === kind).length;
    expect(count('gateway')).toBe(20);
    expect(count('sort-center')).toBe(100);
    expect(count('city')).toBe(600);
    expect(count('rural')).toBe(1280);
    expect(doc.legs.length).toBeGreaterThanOrEqual(8000);
    expect(doc.legs.length).toBeLessThanOrEqual(12000);
    expect(new Set(doc.legs.map((l) => l.mode))).toEqual(new Set(['air', 'truck', 'rail', 'sea', 'ev']));
    const stated = doc.legs.filter((l) => l.co2KgPerKg !== undefined).length;
    expect(stated).toBeGreaterThan(0);
    expect(stated).toBeLessThan(doc.legs.length * 0.1);
    expect(doc.legs.some((l) => l.days !== undefined)).toBe(true);
    expect(doc.legs.some((l) => !l.departures)).toBe(true);
  });

  it('links hubs only to their neighbours in the hierarchy', () => {
    const doc = generateNetwork({ hubs: 2000, seed: 42 });
    const kind = new Map(doc.hubs.map((h) => [h.id, h.kind]));
    const allowed = new Set([
      'rural>city',
      'city>sort-center',
      'city>city',
      'sort-center>sort-center',
      'sort-center>gateway',
      'gateway>gateway',
    ]);
    for (const leg of doc.legs) {
      const pair = [kind.get(leg.from), kind.get(leg.to)];
      expect([allowed.has(pair.join('>')) || allowed.has(pair.reverse().join('>')), leg.id]).toEqual([true, leg.id]);
    }
  });

  // How long it takes is bench:core's to say (a timed test fails on a busy machine, not on slow code).
  it('generates 10,000 hubs, every one reaching every other', () => {
    const doc = generateNetwork({ hubs: 10_000, seed: 1 });
    expect(doc.hubs).toHaveLength(10_000);
    expect(isStronglyConnected(doc)).toBe(true);
  });
});
