import type { TelemetryBatch } from '../store/reading-store';

/**
 * A batch cut into consecutive parts of at most `maxPoints` points, in the batch's order (readings,
 * then arrivals, then dead letters), so that writing the parts one after another stores what writing
 * the batch would: within each kind, a later copy of a point is still written after an earlier one.
 * The batch itself when it fits (or `maxPoints` is not a positive number); never an empty part.
 */
export function writeParts(batch: TelemetryBatch, maxPoints: number | undefined): TelemetryBatch[] {
  const points = batch.readings.length + batch.arrivals.length + batch.deadLetters.length;
  if (maxPoints === undefined || !(maxPoints >= 1) || points <= maxPoints) return [batch];
  const size = Math.floor(maxPoints);
  const parts: TelemetryBatch[] = [];
  for (let from = 0; from < points; from += size) parts.push(slice(batch, from, Math.min(points, from + size)));
  return parts;
}

/** Points `from` (inclusive) to `to` (exclusive) of the batch's sequence of readings, arrivals, dead letters. */
function slice(batch: TelemetryBatch, from: number, to: number): TelemetryBatch {
  const readingsEnd = batch.readings.length;
  const arrivalsEnd = readingsEnd + batch.arrivals.length;
  const part = (start: number, length: number): [number, number] => [Math.max(0, from - start), Math.max(0, Math.min(length, to - start))];
  const [r0, r1] = part(0, batch.readings.length);
  const [a0, a1] = part(readingsEnd, batch.arrivals.length);
  const [d0, d1] = part(arrivalsEnd, batch.deadLetters.length);
  return {
    readings: r0 < r1 ? batch.readings.slice(r0, r1) : [],
    arrivals: a0 < a1 ? batch.arrivals.slice(a0, a1) : [],
    deadLetters: d0 < d1 ? batch.deadLetters.slice(d0, d1) : [],
  };
}
