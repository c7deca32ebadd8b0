/**
 * The network document (docs/network.md) and the routing query/answer (docs/api.md, What a route is),
 * as the pure routing core sees them. Times inside the core are whole UTC minutes
 * since the Unix epoch; the HTTP layer converts to and from ISO strings.
 */

export const MODES = ['air', 'truck', 'rail', 'sea', 'ev'] as const;
export type Mode = (typeof MODES)[number];

export const HUB_KINDS = ['gateway', 'sort-center', 'city', 'rural'] as const;
export type HubKind = (typeof HUB_KINDS)[number];

export const SERVICE_LEVELS = ['express', 'standard', 'economy', 'green'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

export interface Hub {
  id: string;
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  /** Minutes of processing before a parcel can leave this hub. */
  sortMinutes: number;
  /** Charged once when a parcel leaves this hub. */
  handlingCost: number;
  kind?: HubKind;
  /** Parcels that may leave this hub per UTC day (the date of their departure from it). */
  capacityPerDay?: number;
}

export interface Leg {
  id: string;
  from: string;
  to: string;
  mode: Mode;
  carrier: string;
  durationMinutes: number;
  costPerParcel: number;
  costPerKg: number;
  /** UTC `HH:MM` times; absent or empty means a continuous shuttle. */
  departures?: string[];
  /** ISO weekdays (1 = Monday) of the departure's UTC date; absent = every day. */
  days?: number[];
  /** @defaultValue 0 */
  cutoffMinutes?: number;
  /** When absent: great-circle km × the mode's factor. */
  co2KgPerKg?: number;
  /** Parcels one departure carries; on a continuous leg, per UTC clock hour. */
  capacityPerDeparture?: number;
  /** Kilograms one departure carries; on a continuous leg, per UTC clock hour. */
  capacityKgPerDeparture?: number;
}

export interface NetworkDocument {
  name: string;
  hubs: Hub[];
  legs: Leg[];
}

/** A hub or a leg closed for departures in [from, until) (epoch minutes). */
export interface Closure {
  hubId?: string;
  legId?: string;
  from: number;
  until: number;
}

export interface Avoid {
  hubs?: readonly string[];
  modes?: readonly string[];
  carriers?: readonly string[];
}

export interface RouteQuery {
  origin: string;
  destination: string;
  weightKg: number;
  /** Epoch minutes. */
  readyAt: number;
  /** @defaultValue 'standard' */
  serviceLevel?: ServiceLevel;
  /** Epoch minutes; default 24 h domestic, 72 h international after readyAt. */
  deadline?: number;
  avoid?: Avoid;
  /** When set, the answer also lists up to this many alternatives (docs/api.md). */
  alternatives?: number;
}

export interface RouteLeg {
  legId: string;
  from: string;
  to: string;
  mode: Mode;
  carrier: string;
  departAt: number;
  arriveAt: number;
  /** Sort time at `from` before the parcel became available. */
  sortMinutes: number;
  /** Minutes between becoming available at `from` and departing. */
  waitMinutes: number;
  /** costPerParcel + costPerKg × weight (as in docs/api.md's example). */
  cost: number;
  /** handlingCost of `from`, charged as the parcel leaves it. */
  handlingCost: number;
  co2Kg: number;
}

/**
 * A route as the search found it: the legs taken (indexes into the NetworkIndex),
 * in order, and the minute each one arrives. Departures follow from them, and
 * nothing in it depends on the weight.
 */
export interface Itinerary {
  readonly origin: number;
  readonly legs: Int32Array;
  readonly arrivals: Int32Array;
}

export interface RoutePlan {
  hubs: string[];
  legs: RouteLeg[];
  /** Σ (leg.cost + leg.handlingCost). */
  cost: number;
  co2Kg: number;
  departAt: number;
  arriveAt: number;
  transitMinutes: number;
}

export interface RouteAnswer {
  serviceLevel: ServiceLevel;
  deadline: number;
  meetsDeadline: boolean;
  /** deadline − arriveAt; negative when late. */
  slackMinutes: number;
  route: RoutePlan;
  /** When the query asked for them: the routes by the deadline that no other beats on arrival, cost and CO2. */
  alternatives?: RoutePlan[];
}

/** A route in short, as a promise table shows it (docs/api.md): what the full answer says of it. */
export interface RoutePromise {
  arriveAt: number;
  cost: number;
  co2Kg: number;
  deadline: number;
  meetsDeadline: boolean;
}

/** What the router says of a query: its answer, or why there is none. */
export type RouteOutcome =
  | { kind: 'routed'; answer: RouteAnswer }
  | { kind: 'unknown-hub'; field: 'origin' | 'destination'; hubId: string }
  /** No route arrives within the 14-day horizon. */
  | { kind: 'no-route' }
  /** Routes exist, but none within the horizon has room for the parcel (capacity: docs/network.md). */
  | { kind: 'no-capacity' };
