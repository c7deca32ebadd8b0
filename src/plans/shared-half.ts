/**
 * A Lagrangian relaxation's flat arrays (lagrangian-bound.ts), a range of its commodities
 * evaluated over them, and one evaluation split between two threads through shared
 * memory: the relaxation's arrays, the prices, the second half's outputs and one state
 * word, all in SharedArrayBuffers. The plans thread posts the prices and wakes the helper
 * (a message), evaluates the first half of the commodities, then either takes the second
 * half's outputs or, when the helper has not begun it, evaluates that half itself, over
 * the same posted prices. Whoever moves the state from `Posted` first does the second
 * half, so a helper that is busy, slow to wake or gone costs nothing but the wake-up; a
 * helper that began and does not finish within WAIT_MS is given up on.
 *
 * The state word holds the relaxation's id beside the state, so that a wake-up meant
 * for an earlier relaxation cannot take a request made over a newer one.
 */

/** Prices of each resource (parcels, grams), ≥ 0; 0 where the room is unlimited. */
export interface Priced {
  parcels: Float64Array;
  grams: Float64Array;
}

/** A relaxation's flat arrays (lagrangian-bound.ts), in shared memory. */
export interface RelaxationArrays {
  /** Per commodity: its parcels, its grams, and its columns' range in `cost` / `usesStart`. */
  demand: Float64Array;
  gramsOf: Float64Array;
  columnsStart: Int32Array;
  /** Per column: its cost at the commodity's lightest weight (late penalty included), and its resources' range in `uses`. */
  cost: Float64Array;
  usesStart: Int32Array;
  uses: Int32Array;
}

/** Everything both threads see of one relaxation. */
export interface SharedRelaxation {
  id: number;
  arrays: RelaxationArrays;
  unplannedPenalty: number;
  /** The first commodity of the second half. */
  middle: number;
  /** `id * STATES + state`, in [0]. */
  state: Int32Array;
  prices: Priced;
  /** What the second half's choices put on each resource, and its share of L in [0]. */
  parcels: Float64Array;
  grams: Float64Array;
  bound: Float64Array;
  /** The second half's choices (entries from `middle` on). */
  choice: Int32Array;
  /** Second halves the helper evaluated, in [0]. */
  served: Int32Array;
}

/** Where the second halves are evaluated: the helper thread (search-helper.ts). */
export interface HalfEvaluator {
  /** Hands over a relaxation's shared memory; later wake-ups with its id evaluate its second half. */
  share(shared: SharedRelaxation): void;
  /** Wakes the helper to take the request posted in the memory of relaxation `id`. */
  wake(id: number): void;
}

const enum State {
  Posted = 1,
  Taken = 2,
  Done = 3,
  Mine = 4,
}
const STATES = 8;
/** How long the plans thread waits for a second half the helper began. */
const WAIT_MS = 30_000;

export function sharedArray<T extends Float64Array | Int32Array>(
  Kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Kind(new SharedArrayBuffer(length * Kind.BYTES_PER_ELEMENT));
}

/** The plans thread's side: posts the prices and wakes the helper. */
export function post(shared: SharedRelaxation, prices: Priced, evaluator: HalfEvaluator): void {
  const n = shared.parcels.length;
  shared.prices.parcels.set(prices.parcels.subarray(0, n));
  shared.prices.grams.set(prices.grams.subarray(0, n));
  Atomics.store(shared.state, 0, shared.id * STATES + State.Posted);
  evaluator.wake(shared.id);
}

/**
 * The plans thread's side, after its own half: the second half's share of L, its loads
 * added to `parcels` and `grams`, its choices into `choice`; by the helper if it took the
 * request, else here. Returns undefined when the helper began and did not finish: the
 * caller evaluates the half itself and shares no more.
 */
export function collect(
  shared: SharedRelaxation,
  parcels: Float64Array,
  grams: Float64Array,
  choice?: Int32Array,
): number | undefined {
  const { state, id } = shared;
  const posted = id * STATES + State.Posted;
  if (Atomics.compareExchange(state, 0, posted, id * STATES + State.Mine) === posted)
    return secondHalf(shared, parcels, grams, choice);
  const taken = id * STATES + State.Taken;
  while (Atomics.load(state, 0) === taken) if (Atomics.wait(state, 0, taken, WAIT_MS) === 'timed-out') return undefined;
  for (let r = 0; r < parcels.length; r++) {
    parcels[r] += shared.parcels[r];
    grams[r] += shared.grams[r];
  }
  choice?.set(shared.choice.subarray(shared.middle), shared.middle);
  return shared.bound[0];
}

/** The helper's side, at a wake-up for relaxation `id`: evaluates the second half if the request is still open. */
export function serve(shared: SharedRelaxation): void {
  const { state, id } = shared;
  const posted = id * STATES + State.Posted;
  if (Atomics.compareExchange(state, 0, posted, id * STATES + State.Taken) !== posted) return;
  shared.parcels.fill(0);
  shared.grams.fill(0);
  shared.bound[0] = secondHalf(shared, shared.parcels, shared.grams, shared.choice);
  Atomics.add(shared.served, 0, 1);
  Atomics.store(state, 0, id * STATES + State.Done);
  Atomics.notify(state, 0);
}

/** The second half of the posted evaluation: its share of L, its loads added to `parcels` and `grams`. */
function secondHalf(shared: SharedRelaxation, parcels: Float64Array, grams: Float64Array, choice?: Int32Array): number {
  const { arrays, unplannedPenalty, prices, middle } = shared;
  return evaluateRange(arrays, unplannedPenalty, prices, middle, arrays.demand.length, parcels, grams, choice);
}

/**
 * Commodities `from` to `to` of a relaxation at `prices`: each one's cheapest choice (into
 * `choice`), what it puts on each resource (added to `parcels` and `grams`), and the sum of
 * their n_k · min(…), in the commodities' order.
 */
export function evaluateRange(
  a: RelaxationArrays,
  unplannedPenalty: number,
  prices: Priced,
  from: number,
  to: number,
  parcels: Float64Array,
  grams: Float64Array,
  choice?: Int32Array,
): number {
  const { demand, gramsOf: gramsOfCommodity, columnsStart, cost, usesStart, uses } = a;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const g = gramsOfCommodity[k];
    let best = unplannedPenalty;
    let chosen = -1;
    for (let j = columnsStart[k]; j < columnsStart[k + 1]; j++) {
      let charge = cost[j];
      for (let u = usesStart[j]; u < usesStart[j + 1]; u++) {
        const r = uses[u];
        charge += prices.parcels[r] + g * prices.grams[r];
      }
      if (charge < best) [best, chosen] = [charge, j];
    }
    const n = demand[k];
    if (choice) choice[k] = chosen;
    sum += n * best;
    if (chosen >= 0)
      for (let u = usesStart[chosen]; u < usesStart[chosen + 1]; u++) {
        parcels[uses[u]] += n;
        grams[uses[u]] += n * g;
      }
  }
  return sum;
}
