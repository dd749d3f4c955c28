/*
 * Counter-based noise: a value is a pure function of (key, stream, slot), not the next draw of a
 * stateful generator. So a station's reading at one time is the same whichever window asks for
 * it and whatever other stations the registry holds: windows can be cut anywhere.
 */

/** The murmur3 32-bit finaliser: a cheap, well-mixed bijection on uint32. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds one more integer (any safe integer, negative or above 2^32) into a hash. */
export function combine(hash: number, value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 4294967296) >>> 0;
  return mix32(mix32((hash ^ low) + 0x9e3779b9) ^ high);
}

/** FNV-1a of a string, then mixed: a stable 32-bit key for a station id. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A key for one station under one seed. */
export function stationKey(seed: number, stationId: string): number {
  return combine(mix32(seed), hashString(stationId));
}

/** Uniform in [0, 1) for one (key, stream, slot). Streams keep unrelated draws apart (rain, battery, …). */
export function noise(key: number, stream: number, slot = 0): number {
  return combine(combine(key, stream), slot) / 4294967296;
}

/** Uniform in [min, max) for one (key, stream, slot). */
export function noiseBetween(key: number, stream: number, min: number, max: number, slot = 0): number {
  return min + (max - min) * noise(key, stream, slot);
}

/** Named streams, so two features never share draws by accident. */
export const STREAM = {
  rainfall: 1,
  drizzleHour: 2,
  drizzleRate: 3,
  battery: 4,
  batteryOffset: 5,
  level: 6,
  levelPhase: 7,
  stationFactor: 8,
  riseScale: 9,
  lag: 10,
  recession: 11,
  reservoirStart: 12,
  reservoirGain: 13,
  coreOffset: 14,
  tide: 15,
  surge: 16,
  beidouDelay: 17,
  batchDelay: 18,
  hostile: 19,
  hostileKind: 20,
  hostileDetail: 21,
  drawdown: 22,
  normalStage: 23,
} as const;
