import type { Room } from '../capacity/room';
import type { AvoidFilter } from '../network/avoid-filter';
import type { ClosureTable } from '../network/closures';
import { departureTime, departureWithRoom } from '../network/departures';
import { LabelHeap } from './label-heap';
import { Labels } from './labels';
import type { LowerBoundCache, LowerBounds } from './lower-bounds';
import { Bags, type Criteria } from './bags';
import { compareOutcomes, isFront, upperTieLimit, type Objective } from './objective';
import { PathOrder } from './path-order';
import type { NetworkIndex } from '../network/network-index';
import { minuteOfWeek } from '../time';

/** Per objective: CO2 is an amount for `co2` and `pareto`, where less of it alone decides; not for `tradeoffs`. */
const WITHOUT_CO2: Criteria = { perKg: false, co2: false, co2Decides: false };
const WITH_CO2: Criteria = { perKg: false, co2: true, co2Decides: true };
/** How much lower than a label's bounds a route at the destination must be to prune it from a front (Search.beaten). */
const FRONT_MARGIN = 1 - 1e-6;

const CRITERIA: Readonly<Record<Objective, Criteria>> = {
  time: WITHOUT_CO2,
  cost: WITHOUT_CO2,
  co2: WITH_CO2,
  pareto: WITH_CO2,
  tradeoffs: WITHOUT_CO2,
};

export interface SearchRequest {
  origin: number;
  destination: number;
  readyAt: number;
  weightKg: number;
  /** Labels that cannot reach the destination by this minute are pruned. */
  latestArrival: number;
  objective: Objective;
  avoid: AvoidFilter;
  /** Which departures have room for the parcel. */
  room: Room;
}

/**
 * Exact multi-criteria label-setting search over the time-dependent (FIFO) network:
 * A* on the objective with consistent lower bounds to the destination, popping labels
 * in lexicographic key order, keeping at each hub only labels no other label dominates
 * in (arrival, cost) — plus CO2 for the `co2` objective. Labels tied in every amount
 * are told apart by their legs (PathOrder), so the route returned is the canonical one
 * of the routing rules (docs/api.md, What a route is), whichever the search met first. A label that revisits a hub is
 * always dominated by its own earlier visit (its legs are a prefix of the revisit's),
 * so every route found is simple.
 *
 * Not re-entrant: one Search owns its scratch arrays, and queries run one at a time.
 */
export class Search {
  readonly labels = new Labels();
  private readonly heap = new LabelHeap(this.labels);
  private readonly bags: Bags;
  private readonly order: PathOrder;

  private req!: SearchRequest;
  private lb!: LowerBounds;
  private stopKey = Infinity;
  /** Whether the search keeps a front (isFront). */
  private front = false;

  constructor(
    private readonly ix: NetworkIndex,
    private readonly closures: ClosureTable,
    private readonly bounds: LowerBoundCache,
  ) {
    this.order = new PathOrder(ix.legRank);
    this.bags = new Bags(ix.hubCount, this.labels, this.order);
  }

  /** The best label at the destination, or -1 when no route arrives by `latestArrival` (always, for a front: `pareto`, `tradeoffs`). */
  run(req: SearchRequest): number {
    const L = this.labels;
    this.req = req;
    this.lb = this.bounds.get(req.destination);
    this.stopKey = Infinity;
    this.front = isFront(req.objective);
    L.reset();
    this.heap.clear();
    this.bags.clear();
    this.offer(req.origin, req.readyAt, 0, 0, -1, -1);

    let best = -1;
    // For the earliest arrival: once one route arrives, the labels arriving then at a cost tied with its are still looked at.
    let tiedCostLimit = Infinity;
    while (this.heap.size > 0) {
      const id = this.heap.pop();
      if (L.dead[id] === 1) continue;
      if (L.k1[id] > this.stopKey || L.k2[id] > tiedCostLimit) break;
      if (L.hub[id] !== req.destination) {
        this.expand(id);
        continue;
      }
      if (isFront(req.objective)) continue;
      if (best < 0 || this.prefers(id, best)) best = id;
      if (req.objective === 'time') {
        this.stopKey = L.k1[best];
        tiedCostLimit = upperTieLimit(L.cost[best]);
      }
    }
    return best;
  }

  /** The labels at the destination that no other dominates (after a front's search, its routes). */
  destinationLabels(): number[] {
    const { labels: L, req } = this;
    const found: number[] = [];
    for (let m = this.bags.first(req.destination); m >= 0; m = L.next[m]) found.push(m);
    return found;
  }

  /** Whether route a is preferred to route b: the objective's criteria, then the legs. */
  private prefers(a: number, b: number): boolean {
    const byCriteria = compareOutcomes(this.req.objective, this.outcome(a), this.outcome(b));
    return byCriteria !== 0 ? byCriteria < 0 : this.order.compare(this.labels, a, b) < 0;
  }

  private expand(id: number): void {
    const { ix, labels: L, req, closures } = this;
    const lbTime = this.lb.time;
    const v = L.hub[id];
    const available = L.arrival[id] + ix.hubSort[v];
    const availableMinuteOfWeek = minuteOfWeek(available);
    const costSoFar = L.cost[id] + ix.hubHandling[v];
    const co2SoFar = L.co2[id];
    const w = req.weightKg;
    // Arrival keys past this cannot matter; checked before the departure lookup, which costs more.
    const arrivalLimit = req.objective === 'time' ? Math.min(req.latestArrival, this.stopKey) : req.latestArrival;
    const room = req.room.isUnlimited ? undefined : req.room;
    for (let l = ix.outStart[v], end = ix.outStart[v + 1]; l < end; l++) {
      const u = ix.legTo[l];
      const toGo = lbTime[u];
      if (available + ix.legCutoff[l] + ix.legDuration[l] + toGo > arrivalLimit) continue;
      if (!req.avoid.isEmpty && !req.avoid.allows(ix, l, u, req.destination)) continue;
      let departAt = departureTime(ix, closures, l, available, availableMinuteOfWeek);
      // Apart, so that the hot loop stays small where no departure can be full.
      if (room !== undefined && ix.legLimited[l] === 1) departAt = departureWithRoom(ix, closures, l, departAt, room);
      const arrival = departAt + ix.legDuration[l];
      if (arrival + toGo > req.latestArrival) continue;
      const cost = costSoFar + ix.legCostPerParcel[l] + w * ix.legCostPerKg[l];
      const co2 = co2SoFar + w * ix.legCo2PerKg[l];
      this.offer(u, arrival, cost, co2, id, l);
    }
  }

  /** Add a label unless its key is past the stop key or a label at its hub dominates it. */
  private offer(hub: number, arrival: number, cost: number, co2: number, parent: number, leg: number): void {
    const { lb, req } = this;
    const timeKey = arrival + lb.time[hub];
    const costKey = cost + lb.fixed[hub] + req.weightKg * lb.perKg[hub];
    let k1 = timeKey;
    let k2 = costKey;
    let k3 = 0;
    if (req.objective === 'cost') {
      k1 = costKey;
      k2 = timeKey;
    } else if (req.objective === 'co2') {
      k1 = co2 + req.weightKg * lb.co2PerKg[hub];
      k3 = timeKey;
    }
    if (k1 > this.stopKey) return;
    if (this.front && hub !== req.destination && this.beaten(hub, timeKey, costKey, co2)) return;
    if (!this.bags.admits(hub, arrival, cost, 0, co2, parent, leg, CRITERIA[req.objective])) return;
    const L = this.labels;
    const id = L.add(hub, arrival, cost, co2, parent, leg);
    // A route to the destination caps the objective: nothing worse beyond the tie limit can win.
    if (hub === req.destination && !isFront(req.objective)) this.stopKey = Math.min(this.stopKey, upperTieLimit(k1));
    L.k1[id] = k1;
    L.k2[id] = k2;
    L.k3[id] = k3;
    this.bags.link(hub, id);
    this.heap.push(id);
  }

  /**
   * For a front: whether a route found to the destination already beats every route a
   * label at `hub` could become, given lower bounds on its arrival, cost and CO2 there
   * (its keys). It arrives no later and is clearly cheaper (and, for `pareto`, emits no
   * more) by FRONT_MARGIN, far beyond the tie tolerance: a route that later displaces
   * it at the destination (no later, within the tolerance of its amounts) beats them
   * too, so the label could add nothing to the front.
   */
  private beaten(hub: number, timeKey: number, costKey: number, co2: number): boolean {
    const { labels: L, req } = this;
    const costLimit = costKey * FRONT_MARGIN;
    const co2Limit =
      req.objective === 'pareto' ? (co2 + req.weightKg * this.lb.co2PerKg[hub]) * FRONT_MARGIN : Infinity;
    for (let m = this.bags.first(req.destination); m >= 0; m = L.next[m])
      if (L.arrival[m] <= timeKey && L.cost[m] < costLimit && L.co2[m] <= co2Limit) return true;
    return false;
  }

  private outcome(id: number): { arrival: number; cost: number; co2: number } {
    const L = this.labels;
    return { arrival: L.arrival[id], cost: L.cost[id], co2: L.co2[id] };
  }
}
