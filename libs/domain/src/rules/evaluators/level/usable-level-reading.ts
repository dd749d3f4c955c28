import type { Reading } from '../../../telemetry/reading';

/** A water-level reading a rule may judge: good quality (suspect ones never raise alerts), finite. */
export function isUsableLevelReading(reading: Reading): boolean {
  return (
    reading.element === 'water_level' &&
    reading.quality === 'good' &&
    Number.isFinite(reading.value) &&
    Number.isFinite(reading.observedAt)
  );
}
