/**
 * The labels of one search, as parallel typed arrays (a label = a partial route ending
 * at a hub: its arrival, cost and CO2 so far, its predecessor label and the leg taken).
 * k1..k3 are the lexicographic priority keys; `next` links the labels of one hub's bag.
 * A search for one weight keeps the whole cost in `cost`; a sweep for every weight
 * keeps the per-parcel part there and the per-kg part in `perKg` (CO2 per kg in `co2`).
 */
/** What an itinerary is read from: each label's hub, arrival, predecessor label and leg. */
export interface LabelChain {
  readonly hub: Int32Array;
  readonly arrival: Int32Array;
  readonly parent: Int32Array;
  readonly leg: Int32Array;
}

export class Labels implements LabelChain {
  size = 0;
  hub = new Int32Array(0);
  /** Epoch minutes: small integers, kept in Int32 so schedule arithmetic stays in small ints. */
  arrival = new Int32Array(0);
  cost = new Float64Array(0);
  co2 = new Float64Array(0);
  perKg = new Float64Array(0);
  parent = new Int32Array(0);
  leg = new Int32Array(0);
  /** Legs from the origin: 0 for the origin's own label. */
  depth = new Int32Array(0);
  k1 = new Float64Array(0);
  k2 = new Float64Array(0);
  k3 = new Float64Array(0);
  next = new Int32Array(0);
  dead = new Uint8Array(0);

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  reset(): void {
    this.size = 0;
  }

  add(hub: number, arrival: number, cost: number, co2: number, parent: number, leg: number): number {
    if (this.size === this.hub.length) this.grow(this.size * 2);
    const id = this.size++;
    this.hub[id] = hub;
    this.arrival[id] = arrival;
    this.cost[id] = cost;
    this.co2[id] = co2;
    this.parent[id] = parent;
    this.leg[id] = leg;
    this.depth[id] = parent < 0 ? 0 : this.depth[parent] + 1;
    this.dead[id] = 0;
    return id;
  }

  private grow(capacity: number): void {
    this.hub = resized(this.hub, capacity);
    this.arrival = resized(this.arrival, capacity);
    this.cost = resized(this.cost, capacity);
    this.co2 = resized(this.co2, capacity);
    this.perKg = resized(this.perKg, capacity);
    this.parent = resized(this.parent, capacity);
    this.leg = resized(this.leg, capacity);
    this.depth = resized(this.depth, capacity);
    this.k1 = resized(this.k1, capacity);
    this.k2 = resized(this.k2, capacity);
    this.k3 = resized(this.k3, capacity);
    this.next = resized(this.next, capacity);
    this.dead = resized(this.dead, capacity);
  }
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

function resized<T extends TypedArray>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}
