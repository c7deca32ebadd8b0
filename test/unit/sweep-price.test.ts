/**
 * When to sweep (routing README, "When to sweep"): a sweep is earned once the searches
 * from its origin have made as many labels as the last sweep cost, times its origin's
 * price. A sweep that leaves having answered too few parcels to pay for its labels
 * doubles the price; one that paid sets it back to 1.
 */
import { ClosureTable } from '../../src/routing/network/closures';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { PathOrder } from '../../src/routing/search/path-order';
import type { OriginSweep } from '../../src/routing/sweep/origin-sweep';
import { SweepCache } from '../../src/routing/sweep/sweep-cache';
import { tinyNetwork } from '../support/tiny-network';
import { at } from '../support/week';

describe('the labels that earn a sweep', () => {
  const ix = prepareNetwork(tinyNetwork());
  const origin = ix.hubByCode.get('HGH') as number;
  const readyAt = at('Mon 00:00');

  /** The cache, and what one charge of `labels` from the origin leads to: the sweep it keeps then. */
  function setUp() {
    const cache = new SweepCache(ix, ClosureTable.NONE, new PathOrder(ix.legRank), null);
    const kept = (): OriginSweep | undefined => cache.candidates(origin, readyAt, 'cost', 0)[0];
    const search = (labels: number): OriginSweep | undefined => {
      cache.charge(origin, readyAt, 'cost', labels);
      cache.work();
      return kept();
    };
    return { search, kept };
  }

  it('double after a sweep that answered nothing, and come back once one paid', () => {
    const { search } = setUp();
    // The first sweep is earned at the first guess: 10 labels a hub.
    expect(search(10 * ix.hubCount - 1)).toBeUndefined();
    const first = search(1) as OriginSweep;
    expect(first).toBeDefined();
    const cost = first.labelCount;

    // One sweep's labels earn the next (from the same readyAt: it takes the first's place, unpaid).
    const second = search(cost);
    expect(second).not.toBe(first);

    // Now twice as many.
    expect(search(cost)).toBe(second);
    const third = search(cost);
    expect(third).not.toBe(second);

    // Four times, as the third left unpaid too; it pays before it leaves, and the price is back to one sweep's.
    expect(search(2 * cost)).toBe(third);
    (third as OriginSweep).answered = 1_000_000;
    const fourth = search(2 * cost);
    expect(fourth).not.toBe(third);
    const fifth = search(cost);
    expect(fifth).not.toBe(fourth);
  });
});
