import { distanceKm } from '../../src/routing/network/geo';
import type { Hub, HubKind, NetworkDocument } from '../../src/routing/types';
import { withCapacities } from '../../src/synthetic/capacities';
import { CARRIERS } from '../../src/synthetic/carriers';
import type { LegSpec } from '../../src/synthetic/leg-builder';
import { LegBuilder } from '../../src/synthetic/leg-builder';
import type { Airport } from '../../src/synthetic/places';
import { CN_AIRPORTS, FOREIGN_AIRPORTS } from '../../src/synthetic/places';
import type { DemoPlace } from './hubs';
import { CITIES, CN_GATEWAY_CODES, COUNTY_STATIONS, DEMO_TRAITS, FOREIGN_GATEWAY_CODES, SORT_CENTRES } from './hubs';
import { GATEWAY_RAIL_LINES, INTERNATIONAL_LINES, REGIONAL_LINES } from './lines';

/**
 * Timetables in UTC (Beijing is UTC+8). Parcels go up the hierarchy in the Beijing
 * afternoon and evening, fly between gateways overnight, and come down from the
 * early Beijing morning on.
 */
const WAVES = {
  truckUp: ['01:00', '04:00', '07:00', '09:00', '11:00', '13:00', '15:00'],
  truckDown: ['17:00', '19:00', '21:00', '23:00', '00:30', '02:00', '04:00'],
  airUp: ['05:00', '11:00', '14:00', '15:30'],
  airDown: ['20:00', '22:00', '23:30', '01:00'],
  nightFlights: ['05:00', '16:00', '17:30', '19:00'],
};

/** Up to this distance a county or city feeder is an electric van shuttle. */
const EV_SHUTTLE_KM = 40;
/** Beyond this a sort centre also has feeder flights to its gateway... */
const TRUCK_ONLY_KM = 250;
/** ...and beyond this, flights only. */
const AIR_ONLY_KM = 900;
/** Gateways closer than this are linked by truck rather than by air. */
const GATEWAY_TRUCK_KM = 600;

/** The demo network "cn-global-demo", built the same way every time. */
export function buildDemoNetwork(): NetworkDocument {
  const hubs = [
    ...CN_GATEWAY_CODES.map((code) => gatewayHub(airport(CN_AIRPORTS, code))),
    ...FOREIGN_GATEWAY_CODES.map((code) => gatewayHub(airport(FOREIGN_AIRPORTS, code))),
    ...SORT_CENTRES.map((p) => placeHub(p, 'sort-center', `${p.place} Regional Sort Centre`)),
    ...CITIES.map((p) => placeHub(p, 'city', `${p.place} City Hub`)),
    ...COUNTY_STATIONS.map((p) => placeHub(p, 'rural', `${p.place} County Station`)),
  ];
  const byId = new Map(hubs.map((h) => [h.id, h]));
  const hub = (id: string): Hub => {
    const found = byId.get(id);
    if (!found) throw new Error(`demo network: no hub '${id}'`);
    return found;
  };
  const legs = new LegBuilder();

  COUNTY_STATIONS.forEach((p, i) => {
    const [station, parent] = [hub(p.id), hub(p.parent)];
    const mode = distanceKm(station, parent) <= EV_SHUTTLE_KM ? 'ev' : 'truck';
    legs.both(station, parent, { mode, carrier: pick(CARRIERS.rural, i) });
  });
  CITIES.forEach((p, i) => {
    const [city, parent] = [hub(p.id), hub(p.parent)];
    if (p.feeder === 'air') flyFeeder(legs, city, parent, i);
    else if (distanceKm(city, parent) <= EV_SHUTTLE_KM) legs.both(city, parent, evShuttle(i));
    else truckFeeder(legs, city, parent, i);
  });
  SORT_CENTRES.forEach((p, i) => {
    const [centre, gateway] = [hub(p.id), hub(p.parent)];
    const distance = distanceKm(centre, gateway);
    if (distance <= AIR_ONLY_KM) truckFeeder(legs, centre, gateway, i);
    if (distance > TRUCK_ONLY_KM) flyFeeder(legs, centre, gateway, i);
  });
  linkGatewayMesh(legs, CN_GATEWAY_CODES.map(hub));
  for (const line of [...REGIONAL_LINES, ...GATEWAY_RAIL_LINES, ...INTERNATIONAL_LINES]) {
    const { a, b, departures, returns, ...rest } = line;
    legs.both(hub(a), hub(b), { ...rest, departures }, { ...rest, departures: returns ?? departures });
  }
  return withCapacities({ name: 'cn-global-demo', hubs, legs: legs.legs }, 'realistic');
}

/** Night flights between every two Chinese gateways; trucks where they are close. */
function linkGatewayMesh(legs: LegBuilder, gateways: Hub[]): void {
  let n = 0;
  gateways.forEach((a, i) =>
    gateways.slice(i + 1).forEach((b) => {
      n++;
      if (distanceKm(a, b) <= GATEWAY_TRUCK_KM) {
        legs.both(a, b, {
          mode: 'truck',
          carrier: pick(CARRIERS.domesticTruck, n),
          departures: WAVES.truckUp,
          cutoffMinutes: 30,
        });
      } else {
        legs.both(a, b, {
          mode: 'air',
          carrier: pick(CARRIERS.domesticAir, n),
          departures: WAVES.nightFlights,
          cutoffMinutes: 60,
        });
      }
    }),
  );
}

function truckFeeder(legs: LegBuilder, child: Hub, parent: Hub, i: number): void {
  const carrier = pick(CARRIERS.domesticTruck, i);
  legs.both(
    child,
    parent,
    { mode: 'truck', carrier, departures: WAVES.truckUp, cutoffMinutes: 30 },
    { mode: 'truck', carrier, departures: WAVES.truckDown, cutoffMinutes: 30 },
  );
}

function flyFeeder(legs: LegBuilder, child: Hub, parent: Hub, i: number): void {
  const carrier = pick(CARRIERS.domesticAir, i);
  legs.both(
    child,
    parent,
    { mode: 'air', carrier, departures: WAVES.airUp, cutoffMinutes: 60 },
    { mode: 'air', carrier, departures: WAVES.airDown, cutoffMinutes: 60 },
  );
}

function evShuttle(i: number): LegSpec {
  return { mode: 'ev', carrier: pick(CARRIERS.cityEv, i) };
}

function gatewayHub(a: Airport): Hub {
  return {
    id: a.code,
    name: `${a.city} Gateway`,
    country: a.country,
    lat: a.lat,
    lon: a.lon,
    kind: 'gateway',
    ...DEMO_TRAITS.gateway,
  };
}

function placeHub(p: DemoPlace, kind: HubKind, name: string): Hub {
  return { id: p.id, name, country: 'CN', lat: p.lat, lon: p.lon, kind, ...DEMO_TRAITS[kind] };
}

function airport(list: readonly Airport[], code: string): Airport {
  const found = list.find((a) => a.code === code);
  if (!found) throw new Error(`demo network: no airport '${code}'`);
  return found;
}

function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length];
}
