import type { Channel } from './channel';
import type { Element } from './element';

/** `suspect` readings are stored (never dropped) but flagged, and later never raise flood alerts. */
export type Quality = 'good' | 'suspect';

/**
 * One value of one element at one station at one observation time.
 * Its identity is (stationId, element, observedAt): a copy over the other channel,
 * or a broker redelivery, is the same reading.
 */
export interface Reading {
  readonly stationId: string;
  readonly element: Element;
  /** Observation time, epoch milliseconds. */
  readonly observedAt: number;
  readonly value: number;
  readonly quality: Quality;
  /** Why the reading is suspect, for a person; absent when good. */
  readonly qualityNote?: string;
}

/** That a report for one observation arrived over one channel, and when. */
export interface Arrival {
  readonly stationId: string;
  readonly channel: Channel;
  readonly observedAt: number;
  /** Receipt time at the centre, epoch milliseconds; minus observedAt it is delay plus clock drift. */
  readonly receivedAt: number;
  /**
   * A timed report, expected by the schedule (see isOnSchedule), rather than an added report sent at an
   * odd time while it rains. Only timed reports count towards the arrival rate.
   */
  readonly onSchedule: boolean;
}

/**
 * Whether an observation time is one the station's schedule expects: timed reports fall on epoch multiples
 * of the reporting interval (every 5 minutes at :00, :05…; hourly on the hour, which in Beijing time is also
 * on the hour). A station with no valid interval expects nothing, so nothing of it is on schedule.
 */
export function isOnSchedule(observedAt: number, reportingIntervalMinutes: number): boolean {
  const interval = reportingIntervalMinutes * 60_000;
  if (!Number.isSafeInteger(interval) || interval <= 0 || !Number.isSafeInteger(observedAt)) return false;
  return observedAt % interval === 0;
}
