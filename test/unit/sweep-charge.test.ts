/**
 * SweepCache's ski rental: the labels of searches no sweep answered are charged to
 * their origin, and a sweep is earned once they add up to a sweep's worth. Only
 * searches that one sweep could have answered add up: those ready in one window of
 * SWEEP_REUSE_MINUTES.
 */
import { ClosureTable } from '../../src/routing/network/closures';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { SweepCache } from '../../src/routing/sweep/sweep-cache';
import { PathOrder } from '../../src/routing/search/path-order';
import { SWEEP_REUSE_MINUTES } from '../../src/routing/sweep/sweeper';
import { generateNetwork } from '../../src/synthetic/generate';

const index = prepareNetwork(generateNetwork({ hubs: 200, seed: 3 }));
/** Before any sweep has run, one is taken to cost 10 labels per hub. */
const SWEEP_GUESS = 10 * index.hubCount;
const ORIGIN = 0;
const WINDOW_START = 29_000_000 - (29_000_000 % SWEEP_REUSE_MINUTES);

/** Carries out whatever sweep was earned. */
function workOff(cache: SweepCache): void {
  for (let i = 0; i < 10_000; i++) cache.work();
}

/** The weight of the parcels asked (sweeps earned by searches answer every weight). */
const WEIGHT_KG = 2.5;

describe('SweepCache charges', () => {
  it('earns a sweep for searches ready within one window, which then answers that window', () => {
    const cache = new SweepCache(index, ClosureTable.NONE, new PathOrder(index.legRank));
    cache.charge(ORIGIN, WINDOW_START, 'cost', SWEEP_GUESS * 0.6);
    cache.charge(ORIGIN, WINDOW_START + 30, 'cost', SWEEP_GUESS * 0.6);
    workOff(cache);
    expect(cache.candidates(ORIGIN, WINDOW_START + 30, 'cost', WEIGHT_KG)[0]?.readyAt).toBe(WINDOW_START + 30);
  });

  it('does not add up searches ready in different windows: no sweep earned that none of the others would use', () => {
    const cache = new SweepCache(index, ClosureTable.NONE, new PathOrder(index.legRank));
    for (let i = 0; i < 10; i++)
      cache.charge(ORIGIN, WINDOW_START + i * 2 * SWEEP_REUSE_MINUTES, 'cost', SWEEP_GUESS * 0.6);
    workOff(cache);
    for (let i = 0; i < 10; i++)
      expect(cache.candidates(ORIGIN, WINDOW_START + i * 2 * SWEEP_REUSE_MINUTES, 'cost', WEIGHT_KG)).toEqual([]);
  });

  it('keeps the accounts of origins and kinds apart', () => {
    const cache = new SweepCache(index, ClosureTable.NONE, new PathOrder(index.legRank));
    cache.charge(ORIGIN, WINDOW_START, 'cost', SWEEP_GUESS * 0.6);
    cache.charge(ORIGIN + 1, WINDOW_START, 'cost', SWEEP_GUESS * 0.6);
    cache.charge(ORIGIN, WINDOW_START, 'co2', SWEEP_GUESS * 0.6);
    workOff(cache);
    expect(cache.candidates(ORIGIN, WINDOW_START, 'cost', WEIGHT_KG)).toEqual([]);
    expect(cache.candidates(ORIGIN + 1, WINDOW_START, 'cost', WEIGHT_KG)).toEqual([]);
  });

  it("keeps a promise table's sweep for its one weight: parcels of another weight are not answered from it", () => {
    const cache = new SweepCache(index, ClosureTable.NONE, new PathOrder(index.legRank));
    for (const _slice of cache.sweepNow(ORIGIN, WINDOW_START, 'economy', WEIGHT_KG));
    expect(cache.candidates(ORIGIN, WINDOW_START + 5, 'cost', WEIGHT_KG).map((s) => [s.readyAt, s.weightKg])).toEqual([
      [WINDOW_START, WEIGHT_KG],
    ]);
    expect(cache.candidates(ORIGIN, WINDOW_START + 5, 'cost', WEIGHT_KG + 0.1)).toEqual([]);
    // A sweep for every weight, earned by searches from the same readyAt, answers both, and stays beside it.
    cache.charge(ORIGIN, WINDOW_START, 'cost', SWEEP_GUESS * 1.2);
    workOff(cache);
    expect(cache.candidates(ORIGIN, WINDOW_START, 'cost', WEIGHT_KG + 0.1).map((s) => s.weightKg)).toEqual([0]);
    expect(
      cache
        .candidates(ORIGIN, WINDOW_START, 'cost', WEIGHT_KG)
        .map((s) => s.weightKg)
        .sort(),
    ).toEqual([0, WEIGHT_KG]);
  });
});
