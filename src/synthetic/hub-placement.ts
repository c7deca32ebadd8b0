import type { Hub, HubKind } from '../routing/types';
import type { Airport } from './places';
import { CN_AIRPORTS, CN_REGION_CENTRES, FOREIGN_AIRPORTS } from './places';
import type { Rng } from './prng';
import { round4 } from './round';

/** How many hubs of each tier a network of `hubs` hubs gets (at least 5 hubs). */
export interface TierCounts {
  cnGateways: number;
  foreignGateways: number;
  sortCentres: number;
  cities: number;
  rurals: number;
}

/** The hubs of a synthetic network by tier, with each lower hub's parent. */
export interface PlacedHubs {
  cnGateways: Hub[];
  foreignGateways: Hub[];
  sortCentres: Hub[];
  cities: Hub[];
  rurals: Hub[];
  /** Index into `sortCentres` of each city's own sort centre. */
  cityParent: number[];
  /** Index into `cities` of each rural station's own city. */
  ruralParent: number[];
}

interface KindTraits {
  sortMinutes: [number, number];
  handlingCost: [number, number];
  capacityPerDay: [number, number];
}

const TRAITS: Readonly<Record<HubKind, KindTraits>> = {
  gateway: { sortMinutes: [60, 90], handlingCost: [0.05, 0.08], capacityPerDay: [2_000_000, 8_000_000] },
  'sort-center': { sortMinutes: [40, 60], handlingCost: [0.03, 0.05], capacityPerDay: [500_000, 3_000_000] },
  city: { sortMinutes: [20, 40], handlingCost: [0.02, 0.03], capacityPerDay: [50_000, 500_000] },
  rural: { sortMinutes: [10, 20], handlingCost: [0.01, 0.02], capacityPerDay: [2_000, 20_000] },
};

/** ~1% gateways (about 4 in 10 of them abroad), ~5% sort centres, ~30% city hubs, the rest (≥ 1) rural. */
export function tierCounts(hubs: number): TierCounts {
  const gateways = Math.max(2, Math.round(hubs * 0.01));
  const foreignGateways = Math.max(1, Math.floor(gateways * 0.4));
  const sortCentres = Math.max(1, Math.round(hubs * 0.05));
  const cities = Math.max(1, Math.min(Math.round(hubs * 0.3), hubs - gateways - sortCentres - 1));
  return {
    cnGateways: gateways - foreignGateways,
    foreignGateways,
    sortCentres,
    cities,
    rurals: hubs - gateways - sortCentres - cities,
  };
}

export function placeHubs(hubs: number, rng: Rng): PlacedHubs {
  const counts = tierCounts(hubs);
  const names = new NameCounter();
  const cnGateways = airportHubs(rng, CN_AIRPORTS, counts.cnGateways);
  const foreignGateways = airportHubs(rng, FOREIGN_AIRPORTS, counts.foreignGateways);

  const sortCentres: Hub[] = [];
  const sortRegion: string[] = [];
  for (let i = 0; i < counts.sortCentres; i++) {
    const centre = CN_REGION_CENTRES[i % CN_REGION_CENTRES.length];
    const [lat, lon] = jitter(rng, centre.lat, centre.lon, 0.6);
    sortRegion.push(centre.name);
    sortCentres.push(hub(rng, `SC-${i + 1}`, names.next(`${centre.name} Sort Centre`), 'CN', lat, lon, 'sort-center'));
  }

  const cities: Hub[] = [];
  const cityParent: number[] = [];
  for (let i = 0; i < counts.cities; i++) {
    const parent = i % sortCentres.length;
    const [lat, lon] = jitter(rng, sortCentres[parent].lat, sortCentres[parent].lon, 0.5);
    cityParent.push(parent);
    cities.push(hub(rng, `CH-${i + 1}`, names.next(`${sortRegion[parent]} City Hub`), 'CN', lat, lon, 'city'));
  }

  const rurals: Hub[] = [];
  const ruralParent: number[] = [];
  for (let i = 0; i < counts.rurals; i++) {
    const parent = i % cities.length;
    const [lat, lon] = jitter(rng, cities[parent].lat, cities[parent].lon, 0.25);
    const region = sortRegion[cityParent[parent]];
    ruralParent.push(parent);
    rurals.push(hub(rng, `RS-${i + 1}`, names.next(`${region} County Station`), 'CN', lat, lon, 'rural'));
  }

  return { cnGateways, foreignGateways, sortCentres, cities, rurals, cityParent, ruralParent };
}

/** Gateways on the listed airports in order; past the end, a second airport near each (`PVG-2`). */
function airportHubs(rng: Rng, airports: readonly Airport[], count: number): Hub[] {
  const out: Hub[] = [];
  for (let i = 0; i < count; i++) {
    const airport = airports[i % airports.length];
    const round = Math.floor(i / airports.length);
    const suffix = round === 0 ? '' : `-${round + 1}`;
    const [lat, lon] = round === 0 ? [airport.lat, airport.lon] : jitter(rng, airport.lat, airport.lon, 0.3);
    const name = `${airport.city} Gateway${round === 0 ? '' : ` ${round + 1}`}`;
    out.push(hub(rng, `${airport.code}${suffix}`, name, airport.country, lat, lon, 'gateway'));
  }
  return out;
}

function hub(rng: Rng, id: string, name: string, country: string, lat: number, lon: number, kind: HubKind): Hub {
  const traits = TRAITS[kind];
  return {
    id,
    name,
    country,
    lat: round4(lat),
    lon: round4(lon),
    sortMinutes: 5 * rng.int(traits.sortMinutes[0] / 5, traits.sortMinutes[1] / 5),
    handlingCost: round4(rng.float(traits.handlingCost[0], traits.handlingCost[1])),
    kind,
    capacityPerDay: 1000 * rng.int(traits.capacityPerDay[0] / 1000, traits.capacityPerDay[1] / 1000),
  };
}

function jitter(rng: Rng, lat: number, lon: number, degrees: number): [number, number] {
  return [lat + rng.float(-degrees, degrees), lon + rng.float(-degrees, degrees)];
}

/** Numbers repeated names: "Nanjing City Hub 1", "Nanjing City Hub 2", … */
class NameCounter {
  private readonly counts = new Map<string, number>();

  next(stem: string): string {
    const n = (this.counts.get(stem) ?? 0) + 1;
    this.counts.set(stem, n);
    return `${stem} ${n}`;
  }
}
