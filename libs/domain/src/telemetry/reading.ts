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
}
