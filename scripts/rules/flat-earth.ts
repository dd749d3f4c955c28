import { WENZHOU_BOUNDS, type GeoPoint } from '../../libs/domain/src/stations/districts';

/** Kilometres per degree of latitude; longitude shrinks by the cosine. Flat earth is fine over tens of km. */
const KM_PER_DEGREE = 111.2;

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const north = (a.latitude - b.latitude) * KM_PER_DEGREE;
  const east = (a.longitude - b.longitude) * KM_PER_DEGREE * Math.cos((b.latitude * Math.PI) / 180);
  return Math.hypot(north, east);
}

/** The point `km` away from `from` on `bearing` (radians from north), kept inside Wenzhou's box. */
export function offsetPoint(from: GeoPoint, km: number, bearing: number): GeoPoint {
  const latitude = from.latitude + (km * Math.cos(bearing)) / KM_PER_DEGREE;
  const longitude = from.longitude + (km * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((from.latitude * Math.PI) / 180));
  return {
    latitude: Math.min(WENZHOU_BOUNDS.maxLatitude, Math.max(WENZHOU_BOUNDS.minLatitude, latitude)),
    longitude: Math.min(WENZHOU_BOUNDS.maxLongitude, Math.max(WENZHOU_BOUNDS.minLongitude, longitude)),
  };
}
