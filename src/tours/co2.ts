/**
 * CO2 of a tour by the vehicle's profile, per km driven (well-to-wheel, kg CO2e).
 *
 * - Diesel van: 2.51 kg CO2e per litre of diesel (UK Government GHG conversion
 *   factors for company reporting, 2023, as the Energy Saving Trust's fleet
 *   decarbonisation toolkit tables them) × 9.5 l per 100 km, a 3.5 t panel van
 *   on delivery rounds: 0.238 kg per km.
 * - Electric van: 0.25 kWh per km × 0.5703 kg CO2 per kWh, China's national grid
 *   average emission factor (Ministry of Ecology and Environment, 2023): 0.143 kg per km.
 * - Cargo bike, on foot: 0.
 * Any other profile (VROOM's default `car`, `van`, `truck` …) counts as a diesel van.
 */
export const DIESEL_VAN_KG_PER_KM = 2.51 * 0.095;
export const ELECTRIC_VAN_KG_PER_KM = 0.25 * 0.5703;

const ELECTRIC = new Set(['ev', 'electric', 'e-van', 'electric-van', 'bev']);
const HUMAN = new Set(['bike', 'bicycle', 'cargo-bike', 'cycling', 'foot', 'walking']);

export function co2KgPerKm(profile: string): number {
  const name = profile.toLowerCase();
  if (ELECTRIC.has(name)) return ELECTRIC_VAN_KG_PER_KM;
  if (HUMAN.has(name)) return 0;
  return DIESEL_VAN_KG_PER_KM;
}
