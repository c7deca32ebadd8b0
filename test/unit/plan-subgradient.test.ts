import { LagrangianRelaxation } from '../../src/plans/lagrangian-bound';
import type { Resource } from '../../src/plans/resources';
import { bestOnSegment, raisedBound } from '../../src/plans/subgradient';
import { column, commodity } from '../support/plan-fixtures';

/**
 * One departure with room for 3 parcels. Commodity 0 (3 parcels): through it at 1, else
 * unplanned. Commodity 1 (2 parcels): through it at 2, or around it at 10. The best plan
 * sends commodity 0 through and commodity 1 around: 3 + 20 = 23, which is also the LP's
 * optimum. At prices 0 the bound is 3 + 4 = 7; at π = 8 it is 3·9 + 2·10 − 3·8 = 23.
 */
function instance(): LagrangianRelaxation {
  const columnsOf = [[column(0, 1, [0])], [column(1, 2, [0]), column(1, 10, [])]];
  const departure: Resource = { kind: 'departure', at: 0, when: 0, parcelsLeft: 3, gramsLeft: Infinity };
  return new LagrangianRelaxation([commodity(0, 3), commodity(1, 2)], columnsOf, (col) => col.uses, [departure], {
    latePenalty: 100,
    unplannedPenalty: 1000,
  });
}

const zero = () => ({ parcels: new Float64Array(1), grams: new Float64Array(1) });

describe('the Lagrangian bound of a split plan', () => {
  it('at prices 0 is the cheapest route of each commodity, with what those choices put on each resource', () => {
    const at = instance().at(zero());
    expect(at.bound).toBe(7);
    expect([...at.parcels]).toEqual([5]);
    expect([...at.grams]).toEqual([5000]);
  });

  it('rises by subgradient steps to the optimum and never above it, whatever the target', () => {
    for (const target of [23, 30, 1000]) {
      const bound = raisedBound(instance(), zero(), target, 100);
      expect(bound).toBeGreaterThan(22.9);
      expect(bound).toBeLessThanOrEqual(23 + 1e-9);
    }
  });

  it('returns the starting bound when no step is taken or none improves it', () => {
    const start = { parcels: Float64Array.of(8), grams: new Float64Array(1) };
    expect(raisedBound(instance(), start, 23, 0)).toBe(23);
    expect(raisedBound(instance(), start, 1000, 50)).toBe(23);
  });

  it('finds the best multiple of prices that are too high before any step', () => {
    // Above 999 commodity 0 is left unplanned at 1000 and the room is priced for nothing.
    const tooHigh = { parcels: Float64Array.of(2000), grams: new Float64Array(1) };
    expect(instance().at(tooHigh).bound).toBe(3 * 1000 + 2 * 10 - 3 * 2000);
    expect(raisedBound(instance(), tooHigh, 23, 0)).toBeCloseTo(23, 9);
  });

  it('finds the best point between two price vectors, both ends included', () => {
    const priced = (p: number) => ({ parcels: Float64Array.of(p), grams: new Float64Array(1) });
    // L(π) = 7 + 2π up to π = 8 (commodity 1 goes through), 23 from 8 to 999, then falls.
    for (const [from, to, best] of [
      [0, 8, 23],
      [8, 2000, 23],
      [0, 20, 23],
      [3, 5, 17],
      [1500, 1100, 23 - 3 * (1100 - 999)],
    ]) {
      const found = bestOnSegment(instance(), priced(from), priced(to));
      expect(found.at.bound).toBeCloseTo(best, 6);
      expect(found.at.bound).toBe(instance().at(found.prices).bound);
    }
  });
});
