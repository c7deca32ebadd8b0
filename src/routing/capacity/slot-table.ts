/** Entries a table starts with room for (a power of 2); it doubles when half full. */
const INITIAL_SIZE = 1024;

/**
 * The departure slots a LoadTable has loads on, and their parcels and grams: an open
 * hash table (linear probing) over typed arrays, keyed by leg and slot. The searches
 * look a slot up at nearly every leg they follow where capacity binds: greedy booking
 * 30,000 parcels on 2,000 hubs checks 78 million departures. With a Map per leg holding
 * an object per slot, searches over its loads ran 1.3–1.8× slower (bench/README.md,
 * "Flow plans"). An entry number holds until the next `add` or `remove`.
 */
export class SlotTable {
  private legs: Int32Array;
  private slots: Int32Array;
  private parcelsAt: Float64Array;
  private gramsAt: Float64Array;
  private used = 0;

  constructor() {
    this.legs = new Int32Array(INITIAL_SIZE).fill(-1);
    this.slots = new Int32Array(INITIAL_SIZE);
    this.parcelsAt = new Float64Array(INITIAL_SIZE);
    this.gramsAt = new Float64Array(INITIAL_SIZE);
  }

  /** The entry of `leg`'s `slot`, or −1 when it has none. */
  find(leg: number, slot: number): number {
    const mask = this.legs.length - 1;
    for (let i = hash(leg, slot) & mask; ; i = (i + 1) & mask) {
      const at = this.legs[i];
      if (at === -1) return -1;
      if (at === leg && this.slots[i] === slot) return i;
    }
  }

  /** A new entry for `leg`'s `slot`, which must have none yet; returns it. */
  add(leg: number, slot: number, parcels: number, grams: number): number {
    if (2 * (this.used + 1) > this.legs.length) this.grow();
    return this.insert(leg, slot, parcels, grams);
  }

  parcels(entry: number): number {
    return this.parcelsAt[entry];
  }

  grams(entry: number): number {
    return this.gramsAt[entry];
  }

  set(entry: number, parcels: number, grams: number): void {
    this.parcelsAt[entry] = parcels;
    this.gramsAt[entry] = grams;
  }

  /** Takes the entry out (backward-shift deletion: the entries after it move up to where a look-up finds them). */
  remove(entry: number): void {
    const mask = this.legs.length - 1;
    let hole = entry;
    for (let j = (hole + 1) & mask; this.legs[j] !== -1; j = (j + 1) & mask) {
      const home = hash(this.legs[j], this.slots[j]) & mask;
      // Entry j stays when its home lies cyclically after the hole, up to j.
      if (hole <= j ? hole < home && home <= j : hole < home || home <= j) continue;
      this.legs[hole] = this.legs[j];
      this.slots[hole] = this.slots[j];
      this.parcelsAt[hole] = this.parcelsAt[j];
      this.gramsAt[hole] = this.gramsAt[j];
      hole = j;
    }
    this.legs[hole] = -1;
    this.used--;
  }

  /** Calls `f` with each entry, in no particular order. */
  forEach(f: (leg: number, slot: number, parcels: number, grams: number) => void): void {
    for (let i = 0; i < this.legs.length; i++)
      if (this.legs[i] !== -1) f(this.legs[i], this.slots[i], this.parcelsAt[i], this.gramsAt[i]);
  }

  private insert(leg: number, slot: number, parcels: number, grams: number): number {
    const mask = this.legs.length - 1;
    let i = hash(leg, slot) & mask;
    while (this.legs[i] !== -1) i = (i + 1) & mask;
    this.legs[i] = leg;
    this.slots[i] = slot;
    this.parcelsAt[i] = parcels;
    this.gramsAt[i] = grams;
    this.used++;
    return i;
  }

  private grow(): void {
    const { legs, slots, parcelsAt, gramsAt } = this;
    const size = 2 * legs.length;
    this.legs = new Int32Array(size).fill(-1);
    this.slots = new Int32Array(size);
    this.parcelsAt = new Float64Array(size);
    this.gramsAt = new Float64Array(size);
    this.used = 0;
    for (let i = 0; i < legs.length; i++) if (legs[i] !== -1) this.insert(legs[i], slots[i], parcelsAt[i], gramsAt[i]);
  }
}

/** Mixes a leg and a slot (a minute) into the bits of an index. */
function hash(leg: number, slot: number): number {
  const h = Math.imul(leg, 0x9e3779b1) ^ Math.imul(slot, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
