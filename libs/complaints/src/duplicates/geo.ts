const EARTH_RADIUS_METRES = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine); ample for the tens of metres duplicates are judged by. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A latitude/longitude box that contains every point within `radius` metres of `centre`,
 * so that an index on (lat, lng) narrows the search before the exact distance is computed.
 */
export function boundingBox(centre: { lat: number; lng: number }, radius: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radius / EARTH_RADIUS_METRES) * (180 / Math.PI);
  // Near the poles a degree of longitude shrinks to nothing; clamp so the box stays finite.
  const cosLat = Math.max(Math.cos(toRadians(centre.lat)), 1e-6);
  const dLng = Math.min(180, dLat / cosLat);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}
