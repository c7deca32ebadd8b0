/** The answer cache's parts: a band answers across weights only between samples of the same legs; the cache stays within its capacity, evicting the bands least recently used. */
import { RouteCache } from '../../src/routing/route-cache';
import type { Itinerary, RouteAnswer } from '../../src/routing/types';
import { WeightBand } from '../../src/routing/weight-band';

const itinerary = (...legs: number[]): Itinerary => ({ origin: 0, legs: Int32Array.from(legs), arrivals: Int32Array.from(legs) });
const answer = (it: Itinerary): RouteAnswer => ({ itinerary: it }) as unknown as RouteAnswer;
const sample = (weightKg: number, it: Itinerary) => ({ weightKg, answer: answer(it) });

describe('WeightBand', () => {
  const a = itinerary(1, 2);
  const b = itinerary(1, 3);

  it('answers a sampled weight with its answer, a weight between two samples of the same legs with their itinerary, and nothing else', () => {
    const band = new WeightBand(8);
    const at2 = sample(2, a);
    expect(band.add(at2)).toBe(1);
    expect(band.add(sample(6, itinerary(1, 2)))).toBe(1);
    expect(band.add(sample(10, b))).toBe(1);
    expect(band.lookup(2)).toBe(at2.answer);
    expect(band.lookup(4)).toBe(a);
    expect(band.lookup(8)).toBeUndefined(); // between a and b
    expect(band.lookup(1)).toBeUndefined(); // below every sample
    expect(band.lookup(11)).toBeUndefined(); // above every sample
  });

  it('when full, drops a sample between two of the same legs, or keeps nothing more', () => {
    const band = new WeightBand(3);
    band.add(sample(1, a));
    band.add(sample(2, a));
    band.add(sample(3, a));
    expect(band.add(sample(4, b))).toBe(0); // 2 made room for 4
    expect(band.size).toBe(3);
    expect(band.lookup(2)).toBe(a); // now answered from 1 and 3
    expect(band.add(sample(5, a))).toBe(0); // 1, 3, 4: nothing redundant
    expect(band.size).toBe(3);
    expect(band.lookup(5)).toBeUndefined();
  });

  it('gives the itinerary already kept for the same legs', () => {
    const band = new WeightBand(4);
    band.add(sample(1, a));
    expect(band.canonical(itinerary(1, 2))).toBe(a);
    expect(band.canonical(b)).toBe(b);
  });
});

describe('RouteCache', () => {
  it('keeps at most its capacity of answers, evicting the bands least recently used', () => {
    const cache = new RouteCache(40);
    for (let k = 0; k < 10; k++) cache.added(cache.band(`k${k}`)!.add(sample(1, itinerary(k))));
    for (let round = 0; round < 20; round++) cache.band('k0'); // k0 stays in use
    for (let k = 10; k < 45; k++) {
      cache.added(cache.band(`k${k}`)!.add(sample(1, itinerary(k))));
      cache.band('k0');
      expect(cache.size).toBeLessThanOrEqual(40);
    }
    expect(cache.band('k0')!.size).toBe(1); // still there
    expect(cache.band('k1')!.size).toBe(0); // evicted: a new, empty band
    expect(cache.band('k44')!.size).toBe(1);
  });

  it('keeps nothing with capacity 0', () => {
    expect(new RouteCache(0).band('k')).toBeUndefined();
  });
});
