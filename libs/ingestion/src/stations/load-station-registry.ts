import { readFileSync } from 'node:fs';
import { parseStationRegistry } from '@hydro/domain/stations/parse-station-registry';
import type { StationRegistry } from '@hydro/domain/stations/station-registry';
import { StationRegistryError } from '@hydro/domain/stations/station-registry.error';

/**
 * Reads and validates the station registry (config/stations.json) once at boot.
 * Synchronous on purpose: it runs before anything else starts, and the composition root needs the result
 * to build the pipeline. Every failure is a StationRegistryError naming the file, so the service stops
 * with one clear message instead of failing later on an unknown station.
 */
export function loadStationRegistry(path: string): StationRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new StationRegistryError(path, [`cannot read the file: ${reason(error)}`], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new StationRegistryError(path, [`not valid JSON: ${reason(error)}`], { cause: error });
  }
  return parseStationRegistry(json, path);
}

/** Duck-typed: errors from Node's fs are not `instanceof Error` across realms (e.g. under Jest). */
function reason(error: unknown): string {
  const message: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
