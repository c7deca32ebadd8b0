/** Great-circle distance on the mean Earth sphere (haversine). */

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** The great-circle distance between two places (hubs), in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return greatCircleKm(a.lat, a.lon, b.lat, b.lon);
}

function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
