/** LowerBoundCache.warm: every destination's bounds computed up front, the same as computed on first use. */
import { prepareNetwork } from '../../src/routing/prepare';
import { generateNetwork } from '../../src/synthetic/generate';

describe('LowerBoundCache.warm', () => {
  it('computes each destination once, and the same bounds as a first query would', () => {
    const doc = generateNetwork({ hubs: 300, seed: 5 });
    const warmed = prepareNetwork(doc);
    const lazy = prepareNetwork(doc);
    lazy.bounds.get(7);
    expect(warmed.bounds.warm()).toBe(warmed.hubCount);
    expect(warmed.bounds.warm()).toBe(0);
    expect(lazy.bounds.warm()).toBe(lazy.hubCount - 1);
    const fresh = prepareNetwork(doc);
    for (let destination = 0; destination < warmed.hubCount; destination += 13) {
      const expected = fresh.bounds.get(destination);
      const got = warmed.bounds.get(destination);
      expect(got.time).toEqual(expected.time);
      expect(got.fixed).toEqual(expected.fixed);
      expect(got.perKg).toEqual(expected.perKg);
      expect(got.co2PerKg).toEqual(expected.co2PerKg);
    }
  });

  it('leaves a network whose bounds exceed the budget to fill the cache by use', () => {
    // 3,000 hubs × 3,000 destinations × 32 bytes is past the 256 MiB budget.
    const index = prepareNetwork(generateNetwork({ hubs: 3000, seed: 5 }));
    expect(index.bounds.warm()).toBe(0);
  });
});
