/**
 * A validated POST /v1/tours body → the solver's problem, and what the answer
 * needs to speak the caller's language again (ids, locations, profiles). Checks
 * what a schema cannot: matrices square and covering every index used, a
 * location for every job and depot, hubs that exist, one id per job and vehicle,
 * amounts with as many values as the capacities. Every refusal names its field.
 */
import { AppError } from '../../errors';
import { DenseMatrix, densified, GeoMatrix, ScaledMatrix, type Matrix } from '../../tours/matrix';
import { TourProblem, type JobInput, type VehicleInput } from '../../tours/problem';
import type { TourJobBody, ToursRequest, TourVehicleBody } from '../../wire/tours';
import { fieldError } from '../validation-error';

export const DEFAULT_DETOUR_FACTOR = 1.3;
export const DEFAULT_SPEED_KMH = 30;
/** VROOM's default profile. */
export const DEFAULT_PROFILE = 'car';

export type HubPlaces = ReadonlyMap<string, { lat: number; lon: number }>;

/** Where a step is, in the caller's terms. */
export interface Place {
  location?: [number, number];
  location_index?: number;
}

export interface ToursMeta {
  jobIds: (number | string)[];
  jobPlaces: Place[];
  vehicleIds: (number | string)[];
  vehicleProfiles: string[];
  startPlaces: (Place | null)[];
  endPlaces: (Place | null)[];
  /** Distances are known for every vehicle: cost is distance, else travel time. */
  distances: boolean;
  dims: number;
}

export interface ToursInput {
  problem: TourProblem;
  meta: ToursMeta;
}

export function toursInput(body: ToursRequest, hubs: HubPlaces): ToursInput {
  uniqueIds(body.jobs, 'jobs');
  uniqueIds(body.vehicles, 'vehicles');
  const dims = dimensions(body);
  const builder = body.matrices ? new MatrixLocations(body) : new GeoLocations(body);
  const jobPlaces: Place[] = [];
  const jobs: JobInput[] = body.jobs.map((job, i) => {
    const { location, place } = builder.job(job, i);
    jobPlaces.push(place);
    return {
      location,
      service: job.service ?? 0,
      delivery: amounts(job.delivery, dims, `jobs[${i}].delivery`),
      pickup: amounts(job.pickup, dims, `jobs[${i}].pickup`),
      windows: windows(job.time_windows ?? [], `jobs[${i}].time_windows`),
      priority: job.priority ?? 0,
    };
  });
  const startPlaces: (Place | null)[] = [];
  const endPlaces: (Place | null)[] = [];
  const vehicleInputs = body.vehicles.map((vehicle, v) => {
    const start = builder.depot(vehicle, v, 'start', hubs);
    const end = builder.depot(vehicle, v, 'end', hubs);
    startPlaces.push(start?.place ?? null);
    endPlaces.push(end?.place ?? null);
    return { vehicle, v, start: start?.location ?? null, end: end?.location ?? null };
  });
  const distancesKnown = body.vehicles.every((vehicle, v) => builder.hasDistances(vehicle, v));
  const vehicles: VehicleInput[] = vehicleInputs.map(({ vehicle, v, start, end }) => {
    const prefix = `vehicles[${v}]`;
    const tw = vehicle.time_window;
    if (tw && tw[0] > tw[1]) throw fieldError(`${prefix}.time_window`, 'must start before it ends');
    if (vehicle.max_distance !== undefined && !builder.hasDistances(vehicle, v)) {
      throw fieldError(`${prefix}.max_distance`, `needs distances: matrices.${profileOf(vehicle)}.distances`);
    }
    const { distance, duration } = builder.matrices(vehicle, v);
    return {
      start,
      end,
      capacity: vehicle.capacity
        ? amounts(vehicle.capacity, dims, `${prefix}.capacity`)
        : new Array<number>(dims).fill(Infinity),
      window: tw ? [tw[0], tw[1]] : [0, Infinity],
      maxDistance: vehicle.max_distance ?? Infinity,
      maxTravelTime: vehicle.max_travel_time ?? Infinity,
      maxTasks: vehicle.max_tasks ?? Infinity,
      cost: distancesKnown ? distance : duration,
      distance: distance ?? duration,
      duration,
    } as VehicleInput;
  });
  const problem = new TourProblem({ locations: builder.count, jobs, vehicles, planar: builder.planar() });
  return {
    problem,
    meta: {
      jobIds: body.jobs.map((job) => job.id),
      jobPlaces,
      vehicleIds: body.vehicles.map((vehicle) => vehicle.id),
      vehicleProfiles: body.vehicles.map(profileOf),
      startPlaces,
      endPlaces,
      distances: distancesKnown,
      dims,
    },
  };
}

export function profileOf(vehicle: TourVehicleBody): string {
  return vehicle.profile ?? DEFAULT_PROFILE;
}

function uniqueIds(items: readonly { id: number | string }[], field: string): void {
  const seen = new Map<number | string, number>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      throw fieldError(
        `${field}[${i}].id`,
        `${JSON.stringify(item.id)} is already the id of ${field}[${seen.get(item.id)}]`,
      );
    seen.set(item.id, i);
  });
}

/** The number of capacity dimensions: every capacity, delivery and pickup must have it. */
function dimensions(body: ToursRequest): number {
  const lengths = [
    ...body.vehicles.map((v) => v.capacity?.length),
    ...body.jobs.flatMap((j) => [j.delivery?.length, j.pickup?.length]),
  ].filter((x): x is number => x !== undefined);
  return Math.max(1, ...lengths);
}

function amounts(values: readonly number[] | undefined, dims: number, field: string): number[] {
  if (!values) return new Array<number>(dims).fill(0);
  if (values.length !== dims)
    throw fieldError(
      field,
      `must have ${dims} values, as every capacity, delivery and pickup of the request (got ${values.length})`,
    );
  return [...values];
}

/** Sorted; overlapping windows joined. */
function windows(list: readonly (readonly [number, number])[], field: string): [number, number][] {
  list.forEach(([s, e], i) => {
    if (s > e) throw fieldError(`${field}[${i}]`, 'must start before it ends');
  });
  const sorted = list.map(([s, e]) => [s, e] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push(w);
  }
  return out;
}

interface Located {
  location: number;
  place: Place;
}

/** Locations from `matrices`: indices as given, checked against every matrix a vehicle uses. */
class MatrixLocations {
  readonly count: number;
  private readonly dense = new Map<string, { distance?: DenseMatrix; duration: DenseMatrix }>();
  private readonly scaled = new Map<string, Matrix>();
  private readonly coords = new Map<number, [number, number]>();

  constructor(body: ToursRequest) {
    const matrices = body.matrices as NonNullable<ToursRequest['matrices']>;
    let size = -1;
    for (const [profile, m] of Object.entries(matrices)) {
      for (const kind of ['durations', 'distances'] as const) {
        const rows = m[kind];
        if (!rows) continue;
        rows.forEach((row, i) => {
          if (row.length !== rows.length)
            throw fieldError(
              `matrices.${profile}.${kind}[${i}]`,
              `must have ${rows.length} values: the matrix must be square (got ${row.length})`,
            );
        });
        if (size >= 0 && rows.length !== size)
          throw fieldError(
            `matrices.${profile}.${kind}`,
            `must have ${size} rows, as every matrix of the request (got ${rows.length})`,
          );
        size = rows.length;
      }
      this.dense.set(profile, {
        duration: DenseMatrix.fromRows(m.durations),
        distance: m.distances && DenseMatrix.fromRows(m.distances),
      });
    }
    this.count = size;
  }

  job(job: TourJobBody, i: number): Located {
    if (job.location_index === undefined)
      throw fieldError(`jobs[${i}].location_index`, 'is required when matrices are given');
    this.index(job.location_index, `jobs[${i}].location_index`);
    if (job.location) this.coords.set(job.location_index, latitudeChecked(job.location, `jobs[${i}].location`));
    return {
      location: job.location_index,
      place: { location_index: job.location_index, ...(job.location && { location: job.location }) },
    };
  }

  depot(vehicle: TourVehicleBody, v: number, side: 'start' | 'end'): Located | null {
    const index = vehicle[`${side}_index`];
    if (vehicle[`${side}Hub`] !== undefined)
      throw fieldError(`vehicles[${v}].${side}Hub`, `cannot be used with matrices: give ${side}_index`);
    if (index === undefined) {
      if (vehicle[side])
        throw fieldError(
          `vehicles[${v}].${side}_index`,
          `is required when matrices are given (${side} alone has no row)`,
        );
      return null;
    }
    this.index(index, `vehicles[${v}].${side}_index`);
    const coords = vehicle[side];
    if (coords) this.coords.set(index, latitudeChecked(coords, `vehicles[${v}].${side}`));
    return { location: index, place: { location_index: index, ...(coords && { location: coords }) } };
  }

  hasDistances(vehicle: TourVehicleBody, v: number): boolean {
    return this.profile(vehicle, v).distance !== undefined;
  }

  matrices(vehicle: TourVehicleBody, v: number): { distance?: Matrix; duration: Matrix } {
    const m = this.profile(vehicle, v);
    const factor = vehicle.speed_factor ?? 1;
    if (factor === 1) return m;
    const key = `${profileOf(vehicle)}:${factor}`;
    if (!this.scaled.has(key)) this.scaled.set(key, densified(new ScaledMatrix(m.duration, factor)));
    return { distance: m.distance, duration: this.scaled.get(key) as Matrix };
  }

  /** The callers' coordinates when every location has them; else none (the solver embeds the costs). */
  planar(): Float64Array | undefined {
    if (this.coords.size < this.count) return undefined;
    return equirectangular([...Array(this.count).keys()].map((i) => this.coords.get(i) as [number, number]));
  }

  private profile(vehicle: TourVehicleBody, v: number) {
    const name = profileOf(vehicle);
    const own = this.dense.get(name);
    if (own) return own;
    // One matrix for every profile (e.g. `ev` and `diesel` vans on the same roads).
    if (this.dense.size === 1) return [...this.dense.values()][0];
    throw fieldError(`vehicles[${v}].profile`, `has no matrix: matrices has ${[...this.dense.keys()].join(', ')}`);
  }

  private index(index: number, field: string): void {
    if (index >= this.count) throw fieldError(field, `is ${index}, but the matrices have ${this.count} rows`);
  }
}

/** Locations from coordinates: great-circle distance × the detour factor; travel at speedKmh × speed_factor. */
class GeoLocations {
  private readonly places: [number, number][] = [];
  private readonly byKey = new Map<string, number>();
  private distance: Matrix | undefined;
  private readonly durations = new Map<number, Matrix>();

  constructor(private readonly body: ToursRequest) {}

  get count(): number {
    return this.places.length;
  }

  job(job: TourJobBody, i: number): Located {
    if (job.location_index !== undefined)
      throw fieldError(`jobs[${i}].location_index`, 'needs matrices: without them, give location');
    if (!job.location) throw fieldError(`jobs[${i}].location`, 'is required: [lon, lat]');
    const location = latitudeChecked(job.location, `jobs[${i}].location`);
    return { location: this.intern(location), place: { location } };
  }

  depot(vehicle: TourVehicleBody, v: number, side: 'start' | 'end', hubs: HubPlaces): Located | null {
    const field = `vehicles[${v}]`;
    if (vehicle[`${side}_index`] !== undefined)
      throw fieldError(`${field}.${side}_index`, `needs matrices: without them, give ${side} or ${side}Hub`);
    const hubId = vehicle[`${side}Hub`];
    let coords = vehicle[side] && latitudeChecked(vehicle[side], `${field}.${side}`);
    if (hubId !== undefined) {
      if (coords) throw fieldError(`${field}.${side}Hub`, `cannot be given with ${side}: one place only`);
      const hub = hubs.get(hubId);
      if (!hub)
        throw new AppError('UNKNOWN_HUB', `${field}.${side}Hub: '${hubId}' is not a hub of the active network`, {
          field: `${field}.${side}Hub`,
        });
      coords = [hub.lon, hub.lat];
    }
    if (!coords) return null;
    return { location: this.intern(coords), place: { location: coords } };
  }

  hasDistances(): boolean {
    return true;
  }

  matrices(vehicle: TourVehicleBody): { distance: Matrix; duration: Matrix } {
    const options = this.body.options ?? {};
    if (!this.distance) {
      const lonLat = Float64Array.from(this.places.flat());
      this.distance = densified(new GeoMatrix(lonLat, options.detourFactor ?? DEFAULT_DETOUR_FACTOR));
    }
    const metresPerSecond = ((options.speedKmh ?? DEFAULT_SPEED_KMH) * (vehicle.speed_factor ?? 1)) / 3.6;
    if (!this.durations.has(metresPerSecond))
      this.durations.set(metresPerSecond, densified(new ScaledMatrix(this.distance, metresPerSecond)));
    return { distance: this.distance, duration: this.durations.get(metresPerSecond) as Matrix };
  }

  planar(): Float64Array {
    return equirectangular(this.places);
  }

  private intern(coords: readonly [number, number]): number {
    const key = `${coords[0]},${coords[1]}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.places.push([coords[0], coords[1]]) - 1;
      this.byKey.set(key, index);
    }
    return index;
  }
}

/** [lon, lat] → km on a plane through their mean latitude: enough to order places around a depot. */
function equirectangular(places: readonly (readonly [number, number])[]): Float64Array {
  const meanLat = places.reduce((sum, p) => sum + p[1], 0) / Math.max(1, places.length);
  const kx = 111.32 * Math.cos((meanLat * Math.PI) / 180);
  const out = new Float64Array(2 * places.length);
  places.forEach(([lon, lat], i) => {
    out[2 * i] = lon * kx;
    out[2 * i + 1] = lat * 110.57;
  });
  return out;
}

/** [lon, lat] whose latitude lies from -90 to 90 (the schema bounds both numbers to the longitude's range). */
function latitudeChecked(coords: [number, number], field: string): [number, number] {
  if (Math.abs(coords[1]) > 90) throw fieldError(`${field}[1]`, `must be a latitude from -90 to 90 (got ${coords[1]})`);
  return coords;
}
