/**
 * What a booking holds, in the ledger's terms: the core's reservations (one parcel and
 * its grams on every departure slot of the route, one parcel on every hub-day it leaves)
 * named by leg and hub ids, grouped by UTC date, each with the capacity the network
 * version it was routed on declares (-1 where it declares none). Pure: no Redis.
 */
import { gramsOf, type Reservation } from '../routing/capacity/loads';
import { reservationsOf } from '../routing/capacity/reservations';
import type { NetworkIndex } from '../routing/network/network-index';
import type { RoutePlan } from '../routing/types';
import { dateOfDay, dateOfMinute } from './dates';

/** A field of a date's load hash, with its capacity: -1 = none declared. Shared: never changed. */
export interface FieldCapacity {
  /** `p:<legId>:<slot>` (a departure slot) or `h:<hubId>` (a hub-day). */
  readonly field: string;
  readonly parcels: number;
  readonly grams: number;
}

export interface DateHolds {
  date: string;
  fields: FieldCapacity[];
  /** The same, as the core counts it: the booking's reservations on this date. */
  reservations: Reservation[];
}

export interface BookingHolds {
  /** The parcel's weight in whole grams, as capacity counts it. */
  grams: number;
  /** In date order; the last one keeps the booking's record. */
  dates: DateHolds[];
  /** The network version it was routed on, whose numbers its reservations are in. */
  index: NetworkIndex;
}

/** A field of a date's load hash, read back. */
export type LoadField =
  { kind: 'parcels' | 'grams'; legId: string; slot: number } | { kind: 'hub'; hubId: string } | { kind: 'other' };

export function departureField(legId: string, slot: number): string {
  return `p:${legId}:${slot}`;
}

export function hubField(hubId: string): string {
  return `h:${hubId}`;
}

/** The grams field that goes with a departure slot's parcels field. */
export function gramsField(parcelsField: string): string {
  return `g${parcelsField.slice(1)}`;
}

export function parseField(field: string): LoadField {
  const kind = field.charCodeAt(0);
  if (field.charCodeAt(1) !== 58 /* : */) return { kind: 'other' };
  if (kind === 104 /* h */) return { kind: 'hub', hubId: field.slice(2) };
  if (kind !== 112 /* p */ && kind !== 103 /* g */) return { kind: 'other' };
  const at = field.lastIndexOf(':');
  return { kind: kind === 112 ? 'parcels' : 'grams', legId: field.slice(2, at), slot: Number(field.slice(at + 1)) };
}

const limit = (capacity: number): number => (capacity === Infinity ? -1 : capacity);

/**
 * Fields with their capacities by network version, made once each and shared by every
 * booking that holds them: a departure slot's by slot × legs + leg, a hub's by hub.
 */
const fieldsByVersion = new WeakMap<NetworkIndex, { departures: Map<number, FieldCapacity>; hubs: FieldCapacity[] }>();

function fieldsOf(ix: NetworkIndex) {
  let known = fieldsByVersion.get(ix);
  if (!known) {
    const hubs = ix.hubIds.map((id, hub) => ({ field: hubField(id), parcels: limit(ix.hubCapacity[hub]), grams: -1 }));
    fieldsByVersion.set(ix, (known = { departures: new Map(), hubs }));
  }
  if (known.departures.size > 1_000_000) known.departures.clear();
  return known;
}

/** What booking `route` for a parcel of `weightKg` holds, on the network version `ix` it was routed on. */
export function holdsOf(ix: NetworkIndex, route: RoutePlan, weightKg: number): BookingHolds {
  const known = fieldsOf(ix);
  const dates: DateHolds[] = [];
  const add = (date: string, field: FieldCapacity, reservation: Reservation): void => {
    const at = dates.find((d) => d.date === date);
    if (at) {
      at.fields.push(field);
      at.reservations.push(reservation);
    } else dates.push({ date, fields: [field], reservations: [reservation] });
  };
  for (const r of reservationsOf(ix, route, weightKg)) {
    if (r.kind === 'departure') {
      const key = r.slot * ix.legCount + r.leg;
      let field = known.departures.get(key);
      if (field === undefined) {
        field = {
          field: departureField(ix.legIds[r.leg], r.slot),
          parcels: limit(ix.legCapacity[r.leg]),
          grams: limit(ix.legCapacityGrams[r.leg]),
        };
        known.departures.set(key, field);
      }
      add(dateOfMinute(r.slot), field, r);
    } else add(dateOfDay(r.day), known.hubs[r.hub], r);
  }
  if (dates.length > 1) dates.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { grams: gramsOf(weightKg), dates, index: ix };
}
