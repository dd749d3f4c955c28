/*
 * Flat-earth kilometres around Wenzhou city, good enough over 200 km for a weather model,
 * and the one direction that matters here: typhoon rain bands cross the city's basins from
 * the south-east coast towards the north-western mountains.
 */
const ORIGIN = { latitude: 28.0, longitude: 120.65 };
const KM_PER_DEGREE_LATITUDE = 110.57;
const KM_PER_DEGREE_LONGITUDE = 111.32 * Math.cos((ORIGIN.latitude * Math.PI) / 180);

export interface PointKm {
  /** Kilometres east of the city centre. */
  readonly east: number;
  /** Kilometres north of the city centre. */
  readonly north: number;
}

export function toKm(latitude: number, longitude: number): PointKm {
  return {
    east: (longitude - ORIGIN.longitude) * KM_PER_DEGREE_LONGITUDE,
    north: (latitude - ORIGIN.latitude) * KM_PER_DEGREE_LATITUDE,
  };
}

/** Distance along the south-east → north-west axis, km (positive towards the north-west). */
export function northWestKm(point: PointKm): number {
  return (point.north - point.east) / Math.SQRT2;
}
