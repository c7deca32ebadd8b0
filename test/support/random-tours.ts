/**
 * Random tour problems for property tests, in the checker's plain form, and the
 * same problem as the solver's TourProblem. Points on a grid (so that ties
 * happen), Euclidean distances rounded, durations = distances (or ×1.5).
 */
import { DenseMatrix, ScaledMatrix } from '../../src/tours/matrix';
import { TourProblem } from '../../src/tours/problem';
import type { Rng } from '../../src/synthetic/prng';
import type { PlainProblem, PlainVehicle } from './tour-checker';

export interface RandomTourOptions {
  jobs: number;
  vehicles: number;
  /** Which constraints to draw. */
  timeWindows?: boolean;
  multiWindows?: boolean;
  pickups?: boolean;
  dims?: number;
  maxDistance?: boolean;
  maxTravelTime?: boolean;
  maxTasks?: boolean;
  priorities?: boolean;
  openRoutes?: boolean;
  speedFactors?: boolean;
}

export function randomTours(rng: Rng, o: RandomTourOptions): PlainProblem {
  const depots = rng.int(1, 2);
  const places = depots + o.jobs;
  const xs = Array.from({ length: places }, () => rng.int(0, 20) * 10);
  const ys = Array.from({ length: places }, () => rng.int(0, 20) * 10);
  const distances = xs.map((x, i) => xs.map((x2, j) => Math.round(Math.hypot(x - x2, ys[i] - ys[j]))));
  const slow = rng.chance(0.5) ? 1.5 : 1;
  const durations = distances.map((row) => row.map((d) => Math.round(d * slow)));
  const dims = o.dims ?? 1;
  const horizon = 2000;
  const jobs = Array.from({ length: o.jobs }, (_, i) => {
    const windows: [number, number][] = [];
    if (o.timeWindows && rng.chance(0.7)) {
      const count = o.multiWindows && rng.chance(0.4) ? 2 : 1;
      let from = rng.int(0, horizon / 2);
      for (let w = 0; w < count; w++) {
        const to = from + rng.int(50, 500);
        windows.push([from, to]);
        from = to + rng.int(50, 300);
      }
    }
    return {
      location: depots + i,
      service: o.timeWindows ? rng.int(0, 30) : 0,
      delivery: Array.from({ length: dims }, () => rng.int(0, 10)),
      pickup: o.pickups ? Array.from({ length: dims }, () => (rng.chance(0.4) ? rng.int(1, 10) : 0)) : [],
      windows,
      priority: o.priorities && rng.chance(0.3) ? rng.int(1, 100) : 0,
    };
  });
  const vehicles: PlainVehicle[] = Array.from({ length: o.vehicles }, () => {
    const depot = rng.int(0, depots - 1);
    const open = o.openRoutes && rng.chance(0.3);
    const vehicle: PlainVehicle = {
      start: open && rng.chance(0.5) ? null : depot,
      end: open ? null : depot,
      capacity: Array.from({ length: dims }, () => rng.int(10, 40)),
      window: o.timeWindows ? [rng.int(0, 100), rng.int(horizon / 2, horizon)] : [0, 1e9],
    };
    if (o.maxDistance && rng.chance(0.6)) vehicle.maxDistance = rng.int(150, 800);
    if (o.maxTravelTime && rng.chance(0.6)) vehicle.maxTravelTime = rng.int(150, 900);
    if (o.maxTasks && rng.chance(0.6)) vehicle.maxTasks = rng.int(1, 5);
    if (o.speedFactors && rng.chance(0.5)) vehicle.speedFactor = rng.pick([0.5, 0.8, 1.25, 2]);
    return vehicle;
  });
  return { jobs, vehicles, distances, durations, costBy: 'distance' };
}

/** The plain problem as the solver's. */
export function toTourProblem(plain: PlainProblem): TourProblem {
  const distance = DenseMatrix.fromRows(plain.distances);
  const duration = DenseMatrix.fromRows(plain.durations);
  const scaled = new Map<number, ScaledMatrix>();
  return new TourProblem({
    locations: plain.distances.length,
    jobs: plain.jobs.map((job) => ({ ...job, windows: job.windows })),
    vehicles: plain.vehicles.map((v) => {
      const factor = v.speedFactor ?? 1;
      if (factor !== 1 && !scaled.has(factor)) scaled.set(factor, new ScaledMatrix(duration, factor));
      const travel = factor === 1 ? duration : (scaled.get(factor) as ScaledMatrix);
      return {
        start: v.start,
        end: v.end,
        capacity: v.capacity,
        window: v.window,
        maxDistance: v.maxDistance ?? Infinity,
        maxTravelTime: v.maxTravelTime ?? Infinity,
        maxTasks: v.maxTasks ?? Infinity,
        cost: plain.costBy === 'distance' ? distance : travel,
        distance,
        duration: travel,
      };
    }),
  });
}
