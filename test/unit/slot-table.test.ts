import { SlotTable } from '../../src/routing/capacity/slot-table';
import { createRng } from '../../src/synthetic/prng';

// The slot table against a Map of the same entries, through random sets and removals.
// With many keys it grows past its first size several times; with 500 it stays at its
// first 1,024 entries, nearly half full, so that runs of entries wrap past the end of
// its arrays and removals must shift entries back across it.
describe('SlotTable', () => {
  it.each([
    [1, 40, 400],
    [2, 40, 400],
    [3, 5, 100],
    [4, 5, 100],
  ])('holds what a Map holds, through random sets and removals (seed %i, %i legs × %i slots)', (seed, legs, slots) => {
    const rng = createRng(seed);
    const table = new SlotTable();
    const oracle = new Map<string, [number, number]>();
    const keyOf = (leg: number, slot: number) => `${leg}:${slot}`;
    let removed = 0;
    // Look-ups that disagree with the Map: found when absent, missed when present, or another load.
    const wrong: string[] = [];
    for (let step = 0; step < 60_000; step++) {
      // Few legs, minutes of two weeks: keys repeat, so sets land on entries already there.
      const leg = rng.int(0, legs - 1);
      const slot = 29_000_000 + rng.int(0, slots - 1) * 30;
      const at = table.find(leg, slot);
      if (at >= 0 !== oracle.has(keyOf(leg, slot))) wrong.push(`step ${step}: ${keyOf(leg, slot)}`);
      if (at >= 0 && rng.chance(0.45)) {
        table.remove(at);
        oracle.delete(keyOf(leg, slot));
        removed++;
      } else {
        const parcels = rng.int(0, 99);
        const grams = rng.int(0, 999_999);
        if (at >= 0) table.set(at, parcels, grams);
        else table.add(leg, slot, parcels, grams);
        oracle.set(keyOf(leg, slot), [parcels, grams]);
      }
      if (step % 5_000 === 0) {
        for (const [key, [parcels, grams]] of oracle) {
          const [l, s] = key.split(':').map(Number);
          const e = table.find(l, s);
          if (e < 0 || table.parcels(e) !== parcels || table.grams(e) !== grams) wrong.push(`step ${step}: ${key}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const seen = new Map<string, [number, number]>();
    table.forEach((leg, slot, parcels, grams) => seen.set(keyOf(leg, slot), [parcels, grams]));
    expect(seen).toEqual(oracle);
    // The run filled the table (past its first size, or nearly half of it) and took many entries out.
    expect(oracle.size).toBeGreaterThan(Math.min(2_000, (legs * slots) / 2));
    expect(removed).toBeGreaterThan(5_000);
  });

  // Keys by the entry each takes alone in an empty table (its home), so that together they
  // run across the end of its arrays; each is removed in turn from a table of them all.
  it.each([
    ['one at 1,022, three at 1,023, two at 0', [1022, 1023, 1023, 1023, 0, 0], [1022, 1023, 0, 1, 2, 3]],
    ['three at 1,023', [1023, 1023, 1023], [1023, 0, 1]],
  ])(
    'finds entries again after a removal shifts them back across the end of its arrays (homes: %s)',
    (_, homes, at) => {
      const homeOf = (leg: number, slot: number) => new SlotTable().add(leg, slot, 0, 0);
      const keys: [number, number][] = [];
      for (let slot = 0; keys.length < homes.length; slot++)
        if (homeOf(7, slot) === homes[keys.length]) keys.push([7, slot]);
      for (const removed of keys) {
        const table = new SlotTable();
        for (const [leg, slot] of keys) table.add(leg, slot, slot, leg);
        expect(keys.map((key) => table.find(...key))).toEqual(at);
        table.remove(table.find(...removed));
        for (const key of keys) {
          const found = table.find(...key);
          if (key === removed) expect(found).toBe(-1);
          else expect([table.parcels(found), table.grams(found)]).toEqual([key[1], key[0]]);
        }
      }
    },
  );
});
