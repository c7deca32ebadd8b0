import { HubHeap } from './hub-heap';
import type { NetworkIndex } from '../network/network-index';

/**
 * Admissible, consistent lower bounds from every hub to one destination, computed by a
 * static reverse Dijkstra that ignores schedules, closures and `avoid` (each only makes
 * a real route later or dearer). A parcel that has just ARRIVED at hub v needs at least
 * time[v] more minutes, fixed[v] + w × perKg[v] more money and w × co2PerKg[v] more kg CO2.
 * Unreachable hubs hold Infinity.
 */
export interface LowerBounds {
  readonly time: Float64Array;
  readonly fixed: Float64Array;
  readonly perKg: Float64Array;
  readonly co2PerKg: Float64Array;
}

const BYTES_PER_HUB = 4 * Float64Array.BYTES_PER_ELEMENT;
/** Lower-bound tables kept per network version: 256 MiB. */
const BUDGET_BYTES = 256 * 1024 * 1024;

/** Per-destination lower bounds, least recently used evicted past a byte budget. */
export class LowerBoundCache {
  private readonly entries = new Map<number, LowerBounds>();
  private readonly capacity: number;
  private readonly heap: HubHeap;
  private readonly edgeTime: Float64Array;
  private readonly edgeFixed: Float64Array;

  constructor(private readonly ix: NetworkIndex) {
    this.capacity = Math.max(1, Math.floor(BUDGET_BYTES / (BYTES_PER_HUB * Math.max(1, ix.hubCount))));
    this.heap = new HubHeap(ix.hubCount);
    this.edgeTime = new Float64Array(ix.legCount);
    this.edgeFixed = new Float64Array(ix.legCount);
    for (let l = 0; l < ix.legCount; l++) {
      const from = ix.legFrom[l];
      this.edgeTime[l] = ix.hubSort[from] + ix.legCutoff[l] + ix.legDuration[l];
      this.edgeFixed[l] = ix.hubHandling[from] + ix.legCostPerParcel[l];
    }
  }

  /**
   * Computes the bounds of every destination not yet kept, when they all fit the budget
   * (networks up to about 2,900 hubs), so that the first queries to each do not wait for
   * them; a larger network keeps filling the cache by use. Returns how many it computed.
   */
  warm(): number {
    const { hubCount } = this.ix;
    if (hubCount > this.capacity) return 0;
    let computed = 0;
    for (let destination = 0; destination < hubCount; destination++) {
      if (this.entries.has(destination)) continue;
      this.get(destination);
      computed++;
    }
    return computed;
  }

  get(destination: number): LowerBounds {
    const hit = this.entries.get(destination);
    if (hit) {
      this.entries.delete(destination);
      this.entries.set(destination, hit);
      return hit;
    }
    const bounds: LowerBounds = {
      time: this.distancesTo(destination, this.edgeTime),
      fixed: this.distancesTo(destination, this.edgeFixed),
      perKg: this.distancesTo(destination, this.ix.legCostPerKg),
      co2PerKg: this.distancesTo(destination, this.ix.legCo2PerKg),
    };
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    this.entries.set(destination, bounds);
    return bounds;
  }

  private distancesTo(destination: number, edgeWeight: Float64Array): Float64Array {
    const { ix, heap } = this;
    const dist = new Float64Array(ix.hubCount).fill(Infinity);
    heap.reset(dist);
    dist[destination] = 0;
    heap.upsert(destination);
    while (!heap.isEmpty) {
      const u = heap.pop();
      const du = dist[u];
      for (let i = ix.inStart[u], end = ix.inStart[u + 1]; i < end; i++) {
        const l = ix.inLeg[i];
        const v = ix.legFrom[l];
        const dv = du + edgeWeight[l];
        if (dv < dist[v]) {
          dist[v] = dv;
          heap.upsert(v);
        }
      }
    }
    return dist;
  }
}
