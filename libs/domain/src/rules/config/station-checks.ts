import type { Station, StationKind } from '../../stations/station';
import type { Element } from '../../telemetry/element';
import type { StationLookup } from '../../telemetry/interpret-telemetry';

/** Gauges that measure a water level a rule can judge. */
export const LEVEL_GAUGE_KINDS: readonly StationKind[] = ['river', 'plain_network', 'reservoir', 'tide'];
/** Tides rise a metre an hour twice a day: a rate-of-rise rule on a tide gauge would only cry wolf. */
export const RISING_GAUGE_KINDS: readonly StationKind[] = ['river', 'plain_network', 'reservoir'];
/** Any station with a rain gauge: river and reservoir RTUs often carry one on the same mast. */
export const RAIN_GAUGE_KINDS: readonly StationKind[] = ['rain', 'river', 'reservoir'];

/** What a rule needs of a station it reads. */
export interface StationNeed {
  readonly kinds: readonly StationKind[];
  readonly element: Element;
}

export type StationCheck = { readonly station: Station } | { readonly problem: string };

/** The station, or what is wrong with it for this rule (as a predicate on the id field). */
export function checkStation(stations: StationLookup, stationId: string, need: StationNeed): StationCheck {
  const station = stations.get(stationId);
  if (station === undefined) return { problem: `must name a station in the registry; no station has id ${JSON.stringify(stationId)}` };
  if (!need.kinds.includes(station.kind)) {
    return { problem: `must be a ${need.kinds.join(', ')} station; ${stationId} (${station.name}) is ${station.kind}` };
  }
  if (!station.elements.includes(need.element)) {
    return { problem: `must be a station that measures ${need.element}; ${stationId} (${station.name}) measures ${station.elements.join(', ')}` };
  }
  return { station };
}

/** A rule must not call its data stale between two ordinary reports. */
export function staleAfterProblem(staleAfterMinutes: number, stations: readonly Station[]): string | undefined {
  const slowest = stations.reduce<Station | undefined>((worst, s) => (worst === undefined || s.reportingIntervalMinutes > worst.reportingIntervalMinutes ? s : worst), undefined);
  if (slowest === undefined || staleAfterMinutes > slowest.reportingIntervalMinutes) return undefined;
  return `must be longer than the reporting interval of ${slowest.id} (${slowest.reportingIntervalMinutes} min), or every gap between reports would mark the alert stale; got ${staleAfterMinutes}`;
}
