/**
 * A reproducible stream of parcel route requests shaped like a courier's day:
 * parcels are handed in by pickup waves (one origin hub, one handover time,
 * many parcels), sent mostly to city and rural hubs at home and a few abroad,
 * with weights of a long-tailed e-commerce mix in 0.1 kg steps and mostly the
 * standard service. For benchmarks and tests of the batch path.
 */
import type { NetworkDocument, RouteQuery, ServiceLevel } from '../routing/types';
import { createRng, type Rng } from './prng';

export interface ParcelRequest {
  parcelId?: string;
  origin: string;
  destination: string;
  weightKg: number;
  readyAt: string;
  serviceLevel: ServiceLevel;
}

export interface ParcelMixOptions {
  seed?: number;
  /** Give each parcel an id `P-<n>`. @defaultValue true */
  withIds?: boolean;
  /** The day the waves hand in on (UTC). @defaultValue '2026-11-24' */
  day?: string;
  /**
   * Pickup waves, each from one origin (drawn by hub kind, with repeats): a
   * day's batch comes from few; single parcels posted over a few seconds from a
   * whole network come from many. @defaultValue 24
   */
  waves?: number;
}

/** The same parcels as the core's queries: readyAt in epoch minutes (the mix's times are whole minutes). */
export function parcelQueries(network: NetworkDocument, count: number, options: ParcelMixOptions = {}): RouteQuery[] {
  return [...parcelMix(network, count, options)].map((p) => ({ ...p, readyAt: Date.parse(p.readyAt) / 60_000 }));
}

/** Where pickup waves hand in, by hub kind, and how often parcels go to each kind. */
const ORIGIN_KIND_WEIGHT = { rural: 3, city: 4, 'sort-center': 2, gateway: 1 } as const;
const DESTINATION_KIND_WEIGHT = { rural: 3, city: 5, 'sort-center': 1, gateway: 1 } as const;
/** Pickup waves of the day by default; each sends many parcels from one origin at one time. */
const WAVES = 24;
const HANDOVER_TIMES = ['08:00', '12:30', '18:00', '21:30'];
const LEVELS: readonly [ServiceLevel, number][] = [
  ['standard', 0.7],
  ['express', 0.15],
  ['economy', 0.1],
  ['green', 0.05],
];

export function* parcelMix(
  network: NetworkDocument,
  count: number,
  options: ParcelMixOptions = {},
): Generator<ParcelRequest> {
  const rng = createRng(options.seed ?? 1);
  const day = options.day ?? '2026-11-24';
  const origins = weighted(network, ORIGIN_KIND_WEIGHT);
  const destinations = weighted(network, DESTINATION_KIND_WEIGHT);
  const waves = Array.from({ length: options.waves ?? WAVES }, () => ({
    origin: rng.pick(origins),
    readyAt: `${day}T${rng.pick(HANDOVER_TIMES)}:00Z`,
  }));
  for (let n = 1; n <= count; n++) {
    const wave = rng.pick(waves);
    let destination = rng.pick(destinations);
    if (destination === wave.origin) destination = rng.pick(destinations);
    const parcel: ParcelRequest = {
      origin: wave.origin,
      destination,
      weightKg: weightKg(rng),
      readyAt: wave.readyAt,
      serviceLevel: level(rng),
    };
    yield options.withIds === false ? parcel : { parcelId: `P-${n}`, ...parcel };
  }
}

/** Hub ids, each repeated by the weight of its kind (hubs without a kind count as cities). */
function weighted(network: NetworkDocument, weights: Record<string, number>): string[] {
  return network.hubs.flatMap((hub) => Array<string>(weights[hub.kind ?? 'city'] ?? 1).fill(hub.id));
}

/** Log-normal around 0.9 kg (most parcels 0.3–3 kg, a few up to 30 kg), in 0.1 kg steps. */
function weightKg(rng: Rng): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const kg = 0.9 * Math.exp(0.8 * normal);
  return Math.min(30, Math.max(0.1, Math.round(kg * 10) / 10));
}

function level(rng: Rng): ServiceLevel {
  let x = rng.next();
  for (const [name, share] of LEVELS) {
    if (x < share) return name;
    x -= share;
  }
  return 'standard';
}
