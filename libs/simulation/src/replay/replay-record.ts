import type { Channel, Element } from '@hydro/domain';

/** One historical value to feed through the pipeline again, at its observation time. */
export interface ReplayRecord {
  readonly stationId: string;
  readonly element: Element;
  /** Observation time, epoch ms. */
  readonly observedAt: number;
  readonly value: number;
  readonly channel: Channel;
}

/** A replay file line that could not be read, named so the operator can fix it. */
export class ReplayFileError extends Error {
  override readonly name = 'ReplayFileError';
}
