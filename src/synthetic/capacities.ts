/**
 * Capacities for the demo network and synthetic ones (CONTRACT §5), from what the
 * vehicles and hubs of a parcel network carry and sort (data/README.md explains the
 * figures): payloads in kilograms and loads in parcels per departure (per UTC hour on a
 * continuous shuttle), and parcels per day leaving a hub.
 *
 * `saturated` is the same network with a thousandth of each capacity (at least one
 * parcel, one kilogram): a few thousand parcels fill it, for tests and benchmarks of
 * what happens when departures and hubs are full.
 */
import { distanceKm } from '../routing/network/geo';
import type { Hub, HubKind, Leg, Mode, NetworkDocument } from '../routing/types';

export type CapacityProfile = 'realistic' | 'saturated';

interface Load {
  parcels: number;
  kg: number;
}

/** Flights longer than this are wide-body freighters; shorter ones narrow-body. */
const WIDE_BODY_KM = 2500;

/** Per departure of a scheduled leg. */
const SCHEDULED: Readonly<Record<Mode, Load>> = {
  // A narrow-body freighter (B737-800BCF, B757-200F): 23–39 t, about 150–190 m³ of parcels.
  air: { parcels: 20_000, kg: 25_000 },
  // A 17.5 m trailer: about 100 m³, 25 t.
  truck: { parcels: 8_000, kg: 25_000 },
  // A parcel train of about 40 forty-foot containers (≈ 67 m³ each).
  rail: { parcels: 200_000, kg: 800_000 },
  // An allocation of 20 forty-foot containers on a container ship.
  sea: { parcels: 100_000, kg: 400_000 },
  ev: { parcels: 800, kg: 1_000 },
};

/** A wide-body freighter (B777F: 102 t, about 650 m³). */
const WIDE_BODY: Load = { parcels: 60_000, kg: 100_000 };

/** Per UTC hour of a continuous shuttle: trucks or vans leaving as they fill. */
const SHUTTLE_HOUR: Readonly<Record<Mode, Load>> = {
  air: SCHEDULED.air,
  // Two 4.2 m box trucks an hour (≈ 15 m³ each).
  truck: { parcels: 2_400, kg: 6_000 },
  rail: SCHEDULED.rail,
  sea: SCHEDULED.sea,
  // Three electric vans an hour (≈ 10 m³, 1 t each).
  ev: { parcels: 2_400, kg: 3_000 },
};

/** The most parcels a hub of each kind sorts out per day (hubs without a kind count as cities). */
export const HUB_PARCELS_PER_DAY: Readonly<Record<HubKind, number>> = {
  gateway: 5_000_000,
  'sort-center': 2_000_000,
  city: 300_000,
  rural: 20_000,
};

/** A hub sorts out at most this share of what its legs can carry away in a day. */
const HUB_SHARE_OF_LEGS = 0.8;

/** The load one departure (or shuttle hour) of a leg carries: by its mode, and for a flight by its length. */
export function legLoad(leg: Pick<Leg, 'mode' | 'departures'>, from: Hub, to: Hub): Load {
  const continuous = !leg.departures || leg.departures.length === 0;
  if (continuous) return SHUTTLE_HOUR[leg.mode];
  return leg.mode === 'air' && distanceKm(from, to) > WIDE_BODY_KM ? WIDE_BODY : SCHEDULED[leg.mode];
}

/**
 * The document with a capacity on every leg and hub; capacities it gives already are
 * kept. A leg carries its vehicle's load (legLoad). A hub sorts out, per day, 80 % of
 * what its legs carry away in a day, at most its kind's figure (HUB_PARCELS_PER_DAY),
 * two significant digits: the network is as big as its lines make it. `saturated`
 * divides every capacity by 1,000 after that.
 */
export function withCapacities(doc: NetworkDocument, profile: CapacityProfile): NetworkDocument {
  const byId = new Map(doc.hubs.map((hub) => [hub.id, hub]));
  const legs = doc.legs.map((leg) => {
    const load = legLoad(leg, byId.get(leg.from) as Hub, byId.get(leg.to) as Hub);
    return {
      ...leg,
      capacityPerDeparture: leg.capacityPerDeparture ?? load.parcels,
      capacityKgPerDeparture: leg.capacityKgPerDeparture ?? load.kg,
    };
  });
  const outbound = new Map<string, number>();
  for (const leg of legs)
    outbound.set(leg.from, (outbound.get(leg.from) ?? 0) + leg.capacityPerDeparture * departuresPerDay(leg));
  const hubs = doc.hubs.map((hub) => ({
    ...hub,
    capacityPerDay:
      hub.capacityPerDay ??
      Math.min(HUB_PARCELS_PER_DAY[hub.kind ?? 'city'], twoDigits(HUB_SHARE_OF_LEGS * (outbound.get(hub.id) ?? 0))),
  }));
  const real = { ...doc, hubs, legs };
  return profile === 'realistic' ? real : dividedCapacities(real, 1000);
}

/**
 * The document with every capacity it declares divided by `divisor` (at least one parcel,
 * one kilogram): the same network made to fill with fewer parcels.
 */
export function dividedCapacities(doc: NetworkDocument, divisor: number): NetworkDocument {
  const cut = (amount: number | undefined) =>
    amount === undefined ? undefined : Math.max(1, Math.round(amount / divisor));
  return {
    ...doc,
    hubs: doc.hubs.map((hub) => ({ ...hub, capacityPerDay: cut(hub.capacityPerDay) })),
    legs: doc.legs.map((leg) => ({
      ...leg,
      capacityPerDeparture: cut(leg.capacityPerDeparture),
      capacityKgPerDeparture: cut(leg.capacityKgPerDeparture),
    })),
  };
}

/** Departures a day, on average over the week (24 hours of a shuttle). */
export function departuresPerDay(leg: Pick<Leg, 'departures' | 'days'>): number {
  if (!leg.departures?.length) return 24 * ((leg.days?.length ?? 7) / 7);
  return leg.departures.length * ((leg.days?.length ?? 7) / 7);
}

function twoDigits(amount: number): number {
  if (amount < 100) return Math.max(1, Math.floor(amount));
  const unit = 10 ** (Math.floor(Math.log10(amount)) - 1);
  return Math.floor(amount / unit) * unit;
}
