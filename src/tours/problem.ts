/**
 * The tour problem, one immutable object: jobs, vehicles, amounts, time windows
 * and matrices, laid out in typed arrays for the solver's hot loops.
 *
 * Nodes: jobs are nodes 0…n−1; vehicle v has its start node n + 2v and its end
 * node n + 2v + 1 (a depot node carries no amounts; its time window is the
 * vehicle's). Locations index the matrices; `nowhere` (the last one) is 0 away
 * from everything, for a vehicle without a start or an end.
 */
import { DenseMatrix, GeoMatrix, ScaledMatrix, type Matrix } from './matrix';

export interface JobInput {
  location: number;
  /** Seconds spent at the job. */
  service: number;
  /** Amounts brought from the start to the job, one per capacity dimension. */
  delivery: readonly number[];
  /** Amounts taken from the job to the end. */
  pickup: readonly number[];
  /** Service starts within one of them; none = any time. Sorted, disjoint. */
  windows: readonly (readonly [number, number])[];
  /** 0…100: jobs of higher priority are kept first when not all fit. */
  priority: number;
}

export interface VehicleInput {
  /** A location, or null: the route starts at its first job. */
  start: number | null;
  end: number | null;
  capacity: readonly number[];
  /** Leaves its start and is back at its end within it. */
  window: readonly [number, number];
  /** Metres; Infinity = no limit. */
  maxDistance: number;
  /** Seconds of travel (service and waiting not counted); Infinity = no limit. */
  maxTravelTime: number;
  maxTasks: number;
  /** What the solver minimises: `distance` when distances are known, else `duration`. */
  cost: Matrix;
  distance: Matrix;
  /** Travel times, this vehicle's speed factor applied. */
  duration: Matrix;
}

export interface ProblemInput {
  /** Real locations; every matrix has locations + 1 rows (the last is nowhere). */
  locations: number;
  jobs: readonly JobInput[];
  vehicles: readonly VehicleInput[];
  /** x, y of each location on a plane (for sectors and crossover order); absent = embedded from the costs. */
  planar?: Float64Array;
}

const EMPTY_WINDOW: readonly [number, number] = [-Infinity, Infinity];

export class TourProblem {
  readonly n: number;
  readonly vehicleCount: number;
  readonly nodeCount: number;
  /** Capacity dimensions. */
  readonly dims: number;
  readonly locations: number;
  readonly nowhere: number;

  readonly nodeLoc: Int32Array;
  readonly nodeService: Float64Array;
  /** The node's time window: for a job with several windows, from the first's start to the last's end. */
  readonly nodeTwStart: Float64Array;
  readonly nodeTwEnd: Float64Array;
  readonly nodeDelivery: Float64Array;
  readonly nodePickup: Float64Array;

  readonly jobWindows: readonly (readonly (readonly [number, number])[])[];
  readonly jobPriority: Int32Array;
  /** What leaving a job unassigned costs the search: above anything serving it could cost; priorities first. */
  readonly jobPrize: Float64Array;
  /** The largest cost between two places of the problem (a bound, for large geographic ones). */
  readonly largestCost: number;

  readonly vehicleCapacity: Float64Array;
  readonly vehicleMaxDistance: Float64Array;
  readonly vehicleMaxTravel: Float64Array;
  readonly vehicleMaxTasks: Float64Array;
  readonly vehicleCost: readonly Matrix[];
  readonly vehicleDistance: readonly Matrix[];
  readonly vehicleDuration: readonly Matrix[];
  /** Vehicles sharing a group have the very same three matrices. */
  readonly vehicleGroup: Int32Array;
  /** Vehicles sharing a type are interchangeable (same group, start, end, capacity, window and limits). */
  readonly vehicleType: Int32Array;
  readonly typeCount: number;

  /** Some job has a time window, or a vehicle must be back by a time or within a travel time: schedules matter. */
  readonly hasTime: boolean;
  /** Some job picks up: a route's peak load depends on the order of its jobs. */
  readonly hasPickups: boolean;
  readonly hasDistanceLimit: boolean;
  readonly hasTaskLimit: boolean;
  /** Every cost matrix is symmetric: a reversed stretch of a route costs what it did. */
  readonly costSymmetric: boolean;
  readonly planar: Float64Array | undefined;
  readonly input: ProblemInput;

  constructor(input: ProblemInput) {
    const { jobs, vehicles } = input;
    this.input = input;
    const n = (this.n = jobs.length);
    const V = (this.vehicleCount = vehicles.length);
    const N = (this.nodeCount = n + 2 * V);
    const K = (this.dims = Math.max(
      1,
      ...vehicles.map((v) => v.capacity.length),
      ...jobs.map((j) => Math.max(j.delivery.length, j.pickup.length)),
    ));
    this.locations = input.locations;
    this.nowhere = input.locations;
    this.planar = input.planar;

    this.nodeLoc = new Int32Array(N);
    this.nodeService = new Float64Array(N);
    this.nodeTwStart = new Float64Array(N);
    this.nodeTwEnd = new Float64Array(N);
    this.nodeDelivery = new Float64Array(N * K);
    this.nodePickup = new Float64Array(N * K);
    this.jobPriority = new Int32Array(n);
    this.jobWindows = jobs.map((job) => (job.windows.length ? job.windows : [EMPTY_WINDOW]));
    let hasTime = false;
    let hasPickups = false;
    jobs.forEach((job, i) => {
      this.nodeLoc[i] = job.location;
      this.nodeService[i] = job.service;
      const windows = this.jobWindows[i];
      this.nodeTwStart[i] = windows[0][0];
      this.nodeTwEnd[i] = windows[windows.length - 1][1];
      if (job.windows.length) hasTime = true;
      for (let k = 0; k < K; k++) {
        this.nodeDelivery[i * K + k] = job.delivery[k] ?? 0;
        this.nodePickup[i * K + k] = job.pickup[k] ?? 0;
        if (this.nodePickup[i * K + k] > 0) hasPickups = true;
      }
      this.jobPriority[i] = job.priority;
    });

    this.vehicleCapacity = new Float64Array(V * K);
    this.vehicleMaxDistance = new Float64Array(V);
    this.vehicleMaxTravel = new Float64Array(V);
    this.vehicleMaxTasks = new Float64Array(V);
    this.vehicleGroup = new Int32Array(V);
    this.vehicleType = new Int32Array(V);
    const groups: Matrix[][] = [];
    const types = new Map<string, number>();
    vehicles.forEach((vehicle, v) => {
      for (let k = 0; k < K; k++) this.vehicleCapacity[v * K + k] = vehicle.capacity[k] ?? 0;
      this.vehicleMaxDistance[v] = vehicle.maxDistance;
      this.vehicleMaxTravel[v] = vehicle.maxTravelTime;
      this.vehicleMaxTasks[v] = vehicle.maxTasks;
      for (const [node, place] of [
        [n + 2 * v, vehicle.start],
        [n + 2 * v + 1, vehicle.end],
      ] as const) {
        this.nodeLoc[node] = place ?? this.nowhere;
        this.nodeTwStart[node] = vehicle.window[0];
        this.nodeTwEnd[node] = vehicle.window[1];
      }
      // A window's start alone only delays a route; it binds with job windows or an end.
      if (Number.isFinite(vehicle.window[1]) || Number.isFinite(vehicle.maxTravelTime)) hasTime = true;
      let group = groups.findIndex(
        (g) => g[0] === vehicle.cost && g[1] === vehicle.distance && g[2] === vehicle.duration,
      );
      if (group < 0) group = groups.push([vehicle.cost, vehicle.distance, vehicle.duration]) - 1;
      this.vehicleGroup[v] = group;
      const key = JSON.stringify([
        group,
        vehicle.start,
        vehicle.end,
        vehicle.capacity,
        vehicle.window,
        vehicle.maxDistance,
        vehicle.maxTravelTime,
        vehicle.maxTasks,
      ]);
      if (!types.has(key)) types.set(key, types.size);
      this.vehicleType[v] = types.get(key) as number;
    });
    this.typeCount = types.size;
    this.vehicleCost = vehicles.map((v) => v.cost);
    this.vehicleDistance = vehicles.map((v) => v.distance);
    this.vehicleDuration = vehicles.map((v) => v.duration);
    this.hasTime = hasTime;
    this.hasPickups = hasPickups;
    this.hasDistanceLimit = vehicles.some((v) => Number.isFinite(v.maxDistance));
    this.hasTaskLimit = vehicles.some((v) => Number.isFinite(v.maxTasks));
    this.costSymmetric = [...new Set(this.vehicleCost)].every(isSymmetric);
    let largest = 1;
    for (const matrix of new Set(this.vehicleCost)) largest = Math.max(largest, largestCost(matrix, this));
    this.largestCost = largest;
    this.jobPrize = this.prizes();
  }

  startNode(v: number): number {
    return this.n + 2 * v;
  }

  endNode(v: number): number {
    return this.n + 2 * v + 1;
  }

  /**
   * Serving a job changes a route's cost by less than `unit` (twice the largest cost
   * from or to any job location), so a prize of `unit` keeps every job that fits.
   * A job of priority p is worth (n + 1)·p + 1 units: a higher priority sum first, then
   * more jobs, then a lower cost, as in VROOM.
   */
  private prizes(): Float64Array {
    const unit = 2 * this.largestCost + 1;
    const prize = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) prize[i] = unit * ((this.n + 1) * this.jobPriority[i] + 1);
    return prize;
  }
}

/** The largest cost from or to a job's location (every pair when small; else a bound from samples × 2). */
function largestCost(matrix: Matrix, problem: TourProblem): number {
  const places = new Set<number>();
  for (let i = 0; i < problem.nodeCount; i++) places.add(problem.nodeLoc[i]);
  const list = [...places];
  let largest = 0;
  if (list.length <= 3000) {
    for (const a of list) for (const b of list) largest = Math.max(largest, matrix.get(a, b));
    return largest;
  }
  // Large geographic problems: from one place to all, and back; by the triangle inequality of great-circle distance, at most twice that.
  for (const b of list) largest = Math.max(largest, matrix.get(list[0], b), matrix.get(b, list[0]));
  return 2 * largest;
}

function isSymmetric(matrix: Matrix): boolean {
  if (matrix instanceof GeoMatrix) return true;
  if (matrix instanceof ScaledMatrix) return isSymmetric(matrix.base);
  if (!(matrix instanceof DenseMatrix)) return false;
  const { size, values } = matrix;
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) if (values[i * size + j] !== values[j * size + i]) return false;
  return true;
}
