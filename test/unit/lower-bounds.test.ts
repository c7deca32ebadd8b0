/** LowerBoundCache.warm: every destination's bounds computed up front, the same as computed on first use. */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { LowerBoundCache } from '../../src/routing/search/lower-bounds';
import { generateNetwork } from '../../src/synthetic/generate';

describe('LowerBoundCache.warm', () => {
  it('computes each destination once, and the same bounds as a first query would', () => {
    const doc = generateNetwork({ hubs: 300, seed: 5 });
    const index = prepareNetwork(doc);
    const warmed = new LowerBoundCache(index);
    const lazy = new LowerBoundCache(index);
    lazy.get(7);
    expect(warmed.warm()).toBe(index.hubCount);
    expect(warmed.warm()).toBe(0);
    expect(lazy.warm()).toBe(index.hubCount - 1);
    const fresh = new LowerBoundCache(index);
    for (let destination = 0; destination < index.hubCount; destination += 13) {
      const expected = fresh.get(destination);
      const got = warmed.get(destination);
      expect(got.time).toEqual(expected.time);
      expect(got.fixed).toEqual(expected.fixed);
      expect(got.perKg).toEqual(expected.perKg);
      expect(got.co2PerKg).toEqual(expected.co2PerKg);
    }
  });

  it('leaves a network whose bounds exceed the budget to fill the cache by use', () => {
    // 3,000 hubs × 3,000 destinations × 32 bytes is past the 256 MiB budget.
    const bounds = new LowerBoundCache(prepareNetwork(generateNetwork({ hubs: 3000, seed: 5 })));
    expect(bounds.warm()).toBe(0);
  });
});
