/**
 * The utilisation gauges, read at scrape time from this process's view of the loads:
 * parcel_departure_utilisation{leg, departs} and parcel_hub_day_utilisation{hub, date},
 * booked ÷ capacity of the TOP_N fullest departures and hub-days of today and tomorrow
 * (UTC). Their labels name legs, hubs and times, never a parcel or booking, and there
 * are at most TOP_N series of each at a time.
 */
import type { Gauge } from 'prom-client';

/** Series of each gauge at most. */
export const TOP_N = 20;

/** What the gauges read: the fullest departures and hub-days (src/capacity/utilisation.ts). */
export interface UtilisationSource {
  fullest(limit: number): {
    departures: readonly { legId: string; departAt: string; utilisation: number }[];
    hubs: readonly { hubId: string; date: string; utilisation: number }[];
  };
}

let source: UtilisationSource | undefined;

/** Has the gauges read `utilisation` from now on; returns the undo, for shutdown. */
export function observeUtilisation(utilisation: UtilisationSource): () => void {
  source = utilisation;
  return () => {
    if (source === utilisation) source = undefined;
  };
}

export function collectDepartureUtilisation(this: Gauge<'leg' | 'departs'>): void {
  this.reset();
  for (const d of source?.fullest(TOP_N).departures ?? [])
    this.set({ leg: d.legId, departs: d.departAt }, d.utilisation);
}

export function collectHubDayUtilisation(this: Gauge<'hub' | 'date'>): void {
  this.reset();
  for (const h of source?.fullest(TOP_N).hubs ?? []) this.set({ hub: h.hubId, date: h.date }, h.utilisation);
}
