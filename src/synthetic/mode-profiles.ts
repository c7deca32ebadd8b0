import type { Mode } from '../routing/types';
import { round4 } from './round';

/**
 * How fast and how dear each mode is, for building plausible legs from a
 * great-circle distance. Used by the synthetic generator and the demo network.
 */
export interface ModeProfile {
  /** Cruising speed over the great-circle distance. */
  speedKmh: number;
  /** Loading, taxiing and unloading added to the running time. */
  overheadMinutes: number;
  /** costPerParcel = parcelBase + parcelPerKm × km. */
  parcelBase: number;
  parcelPerKm: number;
  /** costPerKg = kgBase + kgPerKm × km. */
  kgBase: number;
  kgPerKm: number;
}

export const MODE_PROFILES: Readonly<Record<Mode, ModeProfile>> = {
  air: { speedKmh: 750, overheadMinutes: 60, parcelBase: 0.5, parcelPerKm: 0.0003, kgBase: 0.3, kgPerKm: 0.00025 },
  truck: { speedKmh: 65, overheadMinutes: 15, parcelBase: 0.05, parcelPerKm: 0.0001, kgBase: 0, kgPerKm: 0.00005 },
  rail: { speedKmh: 90, overheadMinutes: 30, parcelBase: 0.08, parcelPerKm: 0.00006, kgBase: 0, kgPerKm: 0.00003 },
  sea: { speedKmh: 30, overheadMinutes: 180, parcelBase: 0.2, parcelPerKm: 0.00002, kgBase: 0, kgPerKm: 0.00001 },
  ev: { speedKmh: 35, overheadMinutes: 10, parcelBase: 0.03, parcelPerKm: 0.0003, kgBase: 0, kgPerKm: 0.0001 },
};

/** Whole minutes to cover `km` by `mode`, overhead included; at least 1. */
export function legDurationMinutes(mode: Mode, km: number): number {
  const profile = MODE_PROFILES[mode];
  return Math.max(1, Math.round((km / profile.speedKmh) * 60 + profile.overheadMinutes));
}

/** Per-parcel and per-kg prices for `km` by `mode`, to four decimals. */
export function legCosts(mode: Mode, km: number): { costPerParcel: number; costPerKg: number } {
  const profile = MODE_PROFILES[mode];
  return {
    costPerParcel: round4(profile.parcelBase + profile.parcelPerKm * km),
    costPerKg: round4(profile.kgBase + profile.kgPerKm * km),
  };
}
