import { distanceKm } from './geo';
import type { Hub, Leg, Mode } from '../types';

/** kg CO2e per kg of parcel per km, by mode (docs/network.md). */
export const MODE_CO2_PER_KG_KM: Readonly<Record<Mode, number>> = {
  air: 0.000602,
  truck: 0.000105,
  rail: 0.000028,
  sea: 0.000016,
  ev: 0.00004,
};

/** The leg's CO2 per kg carried: its own figure, or great-circle distance × the mode's factor. */
export function legCo2PerKg(leg: Leg, from: Hub, to: Hub): number {
  if (leg.co2KgPerKg !== undefined) return leg.co2KgPerKg;
  return distanceKm(from, to) * MODE_CO2_PER_KG_KM[leg.mode];
}
