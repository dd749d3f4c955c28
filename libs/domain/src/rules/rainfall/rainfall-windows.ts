import type { StationLookup } from '../../telemetry/interpret-telemetry';
import { LONGEST_RAINFALL_WINDOW_MS, RAINFALL_MARGIN_MS, RainfallWindow, type RainfallChange } from './rainfall-window';

/**
 * The rainfall windows of the rain gauges, one per gauge, shared by every warning area that reads the
 * gauge: a gauge's report is placed once however many villages it watches over. Windows are opened on
 * first use with the gauge's reporting interval from the registry.
 */
export class RainfallWindows {
  readonly keptMs: number;
  private readonly byGauge = new Map<string, RainfallWindow>();

  /** @param longestWindowMs the longest window any reader asks for; an hour's margin is kept beyond it. */
  constructor(
    private readonly stations: StationLookup,
    longestWindowMs: number = LONGEST_RAINFALL_WINDOW_MS,
  ) {
    this.keptMs = longestWindowMs + RAINFALL_MARGIN_MS;
  }

  /** The gauge's window, opened if need be; throws RangeError for a station the registry does not know. */
  of(stationId: string): RainfallWindow {
    const open = this.byGauge.get(stationId);
    if (open !== undefined) return open;
    const station = this.stations.get(stationId);
    if (station === undefined) throw new RangeError(`No station ${stationId} in the registry to keep rainfall for`);
    const window = new RainfallWindow({ reportingIntervalMinutes: station.reportingIntervalMinutes, keptMs: this.keptMs });
    this.byGauge.set(stationId, window);
    return window;
  }

  record(stationId: string, observedAt: number, millimetres: number): RainfallChange {
    return this.of(stationId).record(observedAt, millimetres);
  }

  /** Gauges with an open window. */
  get size(): number {
    return this.byGauge.size;
  }
}
