import type { ClosureTable } from '../network/closures';
import { freedFor, type Loads } from '../capacity/loads';
import { FullSeen, Room } from '../capacity/room';
import { departureTime, departureWithRoom } from '../network/departures';
import { Labels } from '../search/labels';
import { MinuteQueue } from './minute-queue';
import { Bags, type Criteria } from '../search/bags';
import { OriginSweep } from './origin-sweep';
import type { PathOrder } from '../search/path-order';
import type { NetworkIndex } from '../network/network-index';
import { HORIZON_MINUTES, INTERNATIONAL_DEADLINE_MINUTES, minuteOfWeek } from '../time';

/**
 * What a sweep keeps and how far it looks. `cost` and `co2` sweeps look as far as the
 * longest default deadline (docs/api.md, What a route is); a `co2` sweep also keeps the routes that emit
 * less CO2 (for green), at the price of larger bags. An `economy` sweep keeps what a
 * `cost` one does, over the whole 14-day horizon, for the level that looks that far.
 */
export type SweepKind = 'cost' | 'co2' | 'economy';

/**
 * A sweep's label dominates another at every weight and for every level when it is no
 * later, no dearer per parcel nor per kg (in a CO2 sweep, no more CO2 per kg), and either
 * clearly cheaper in one of them or first by its legs: less CO2 alone is not enough, as
 * the sweep answers the levels that look at cost first too.
 */
const COST_CRITERIA: Criteria = { perKg: true, co2: false, co2Decides: false };
const CO2_CRITERIA: Criteria = { perKg: true, co2: true, co2Decides: false };
/**
 * A sweep for one weight (a promise table's) holds each label's whole cost at that weight
 * as its per-parcel cost, so the cost per kg no longer tells labels apart: its bags keep
 * one criterion fewer, and are several times smaller.
 */
const WEIGHED_COST_CRITERIA: Criteria = { perKg: false, co2: false, co2Decides: false };
const WEIGHED_CO2_CRITERIA: Criteria = { perKg: false, co2: true, co2Decides: false };

/** How long after its readyAt a sweep still answers parcels ready later (see OriginSweep). */
export const SWEEP_REUSE_MINUTES = 60;
/** How far a sweep looks: its kind's horizon for a parcel ready up to SWEEP_REUSE_MINUTES later. */
const SWEEP_HORIZON_MINUTES: Readonly<Record<SweepKind, number>> = {
  cost: INTERNATIONAL_DEADLINE_MINUTES + SWEEP_REUSE_MINUTES,
  co2: INTERNATIONAL_DEADLINE_MINUTES + SWEEP_REUSE_MINUTES,
  economy: HORIZON_MINUTES + SWEEP_REUSE_MINUTES,
};

/**
 * Runs one-to-all sweeps (see OriginSweep): a multi-criteria label-setting search
 * from one origin over the time-dependent network with no destination, keeping at
 * each hub the labels no other dominates in (arrival, per-parcel cost, cost per kg)
 * — plus CO2 per kg for a `co2` sweep — with labels tied in all of them told apart by
 * their legs (PathOrder), as the searches do. Labels are popped in arrival order;
 * every leg takes time, so a label popped is never dominated by one made later, and a
 * label revisiting a hub is dominated by its earlier visit: every route kept is simple.
 * Arrivals are whole minutes within the horizon, so the order is kept by a bucket
 * per minute (MinuteQueue), in the order a heap on (arrival, per-parcel cost, cost
 * per kg) would give.
 *
 * A sweep can be carried out a few labels at a time (start, then advance), so that it
 * never holds up the queries around it for long. Not re-entrant: one Sweeper owns its
 * scratch arrays, and sweeps run one at a time.
 */
export class Sweeper {
  private readonly labels = new Labels();
  private readonly queue = new MinuteQueue(this.labels);
  private readonly bags: Bags;
  private criteria = COST_CRITERIA;
  private readyAt = 0;
  private horizon = 0;
  private room = Room.UNLIMITED;
  private freed = 0;
  private seen = new FullSeen();
  /** The one weight the sweep under way is for; 0 when it is for every weight. */
  private weightKg = 0;

  constructor(
    private readonly ix: NetworkIndex,
    private readonly closures: ClosureTable,
    private readonly order: PathOrder,
  ) {
    this.bags = new Bags(ix.hubCount, this.labels, order);
  }

  /**
   * Start a sweep, dropping any unfinished one; `advance` carries it out. With `loads`,
   * it takes the departures that have room for some parcel (for a parcel of `weightKg`,
   * when given), as they are while it runs (OriginSweep.answer checks the route it
   * chooses for the parcel's weight), and notes those it finds full (FullSeen). With
   * `weightKg`, the sweep answers parcels of that weight only, and costs each route at
   * it as it goes.
   */
  start(origin: number, readyAt: number, kind: SweepKind, loads: Loads | null, weightKg = 0): void {
    this.readyAt = readyAt;
    this.horizon = readyAt + SWEEP_HORIZON_MINUTES[kind];
    this.weightKg = weightKg;
    this.seen = new FullSeen();
    this.room = loads ? new Room(this.ix, loads, weightKg, this.horizon, this.seen) : Room.UNLIMITED;
    this.freed = loads ? freedFor(loads, weightKg) : 0;
    if (weightKg > 0) this.criteria = kind === 'co2' ? WEIGHED_CO2_CRITERIA : WEIGHED_COST_CRITERIA;
    else this.criteria = kind === 'co2' ? CO2_CRITERIA : COST_CRITERIA;
    this.labels.reset();
    this.queue.reset(readyAt, this.horizon);
    this.bags.clear();
    this.offer(origin, readyAt, 0, 0, 0, -1, -1);
  }

  /** Expand up to `pops` more labels of the sweep started; the sweep once it is complete, else undefined. */
  advance(pops: number): OriginSweep | undefined {
    const L = this.labels;
    for (let n = 0; n < pops && this.queue.size > 0;) {
      const id = this.queue.pop();
      if (L.dead[id] === 1) continue;
      this.expand(id);
      n++;
    }
    return this.queue.size > 0 ? undefined : this.result();
  }

  private expand(id: number): void {
    const { ix, labels: L, closures, horizon } = this;
    const v = L.hub[id];
    const available = L.arrival[id] + ix.hubSort[v];
    const availableMinuteOfWeek = minuteOfWeek(available);
    const fixed = L.cost[id] + ix.hubHandling[v];
    const perKg = L.perKg[id];
    const co2PerKg = L.co2[id];
    const room = this.room.isUnlimited ? undefined : this.room;
    const weightKg = this.weightKg;
    for (let l = ix.outStart[v], end = ix.outStart[v + 1]; l < end; l++) {
      if (available + ix.legCutoff[l] + ix.legDuration[l] > horizon) continue;
      let departAt = departureTime(ix, closures, l, available, availableMinuteOfWeek);
      // Apart, so that the hot loop stays small where no departure can be full.
      if (room !== undefined && ix.legLimited[l] === 1) departAt = departureWithRoom(ix, closures, l, departAt, room);
      const arrival = departAt + ix.legDuration[l];
      if (arrival > horizon) continue;
      // For one weight the cost per kg goes into the per-parcel cost and perKg stays 0; for every
      // weight (weightKg 0, adding nothing) it is kept apart.
      this.offer(
        ix.legTo[l],
        arrival,
        fixed + ix.legCostPerParcel[l] + weightKg * ix.legCostPerKg[l],
        weightKg > 0 ? 0 : perKg + ix.legCostPerKg[l],
        co2PerKg + ix.legCo2PerKg[l],
        id,
        l,
      );
    }
  }

  /** Add a label unless one at its hub dominates it; labels it dominates are killed and unlinked. */
  private offer(
    hub: number,
    arrival: number,
    fixed: number,
    perKg: number,
    co2PerKg: number,
    parent: number,
    leg: number,
  ): void {
    if (!this.bags.admits(hub, arrival, fixed, perKg, co2PerKg, parent, leg, this.criteria)) return;
    const L = this.labels;
    const id = L.add(hub, arrival, fixed, co2PerKg, parent, leg);
    L.perKg[id] = perKg;
    L.k2[id] = fixed;
    L.k3[id] = perKg;
    this.bags.link(hub, id);
    this.queue.push(id);
  }

  /**
   * The sweep, in arrays of its own size, with only the labels still in a bag and
   * their predecessors.
   */
  private result(): OriginSweep {
    const L = this.labels;
    const kept = new Int32Array(L.size).fill(-1);
    let n = 0;
    for (let h = 0; h < this.ix.hubCount; h++) {
      for (let m = this.bags.first(h); m >= 0; m = L.next[m]) {
        for (let x = m; x >= 0 && kept[x] < 0; x = L.parent[x]) kept[x] = n++;
      }
    }
    const labels = {
      hub: new Int32Array(n),
      arrival: new Int32Array(n),
      parent: new Int32Array(n),
      leg: new Int32Array(n),
      fixed: new Float64Array(n),
      perKg: new Float64Array(n),
      co2PerKg: new Float64Array(n),
      next: new Int32Array(n),
    };
    for (let id = 0; id < L.size; id++) {
      const k = kept[id];
      if (k < 0) continue;
      labels.hub[k] = L.hub[id];
      labels.arrival[k] = L.arrival[id];
      labels.parent[k] = L.parent[id] < 0 ? -1 : kept[L.parent[id]];
      labels.leg[k] = L.leg[id];
      labels.fixed[k] = L.cost[id];
      labels.perKg[k] = L.perKg[id];
      labels.co2PerKg[k] = L.co2[id];
      labels.next[k] = L.next[id] < 0 ? -1 : kept[L.next[id]];
    }
    const bagHead = new Int32Array(this.ix.hubCount).fill(-1);
    for (let h = 0; h < bagHead.length; h++) {
      const first = this.bags.first(h);
      if (first >= 0) bagHead[h] = kept[first];
    }
    return new OriginSweep(
      this.ix,
      this.closures,
      this.order,
      this.readyAt,
      this.horizon,
      this.freed,
      this.seen,
      this.weightKg,
      labels,
      bagHead,
    );
  }
}
