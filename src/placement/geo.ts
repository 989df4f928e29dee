/**
 * Great-circle distances. We store points as unit vectors so the inner loop is a
 * chord length and one asin: 2R·asin(chord/2) is the haversine distance, just
 * computed without the per-call trigonometry on latitudes and longitudes.
 */

export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Textbook haversine, used as the reference in tests and for single distances. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Points as packed unit vectors [x0, y0, z0, x1, ...]. */
export function unitVectors(points: readonly { lat: number; lon: number }[]): Float64Array {
  const out = new Float64Array(points.length * 3);
  points.forEach((p, i) => {
    const lat = p.lat * RAD;
    const lon = p.lon * RAD;
    out[i * 3] = Math.cos(lat) * Math.cos(lon);
    out[i * 3 + 1] = Math.cos(lat) * Math.sin(lon);
    out[i * 3 + 2] = Math.sin(lat);
  });
  return out;
}

/** Distance in km between unit vector i of `a` and unit vector j of `b`. */
export function chordKm(a: Float64Array, i: number, b: Float64Array, j: number): number {
  const dx = a[i * 3] - b[j * 3];
  const dy = a[i * 3 + 1] - b[j * 3 + 1];
  const dz = a[i * 3 + 2] - b[j * 3 + 2];
  const half = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(half, 1));
}
