import type { Channel } from '../telemetry/channel';
import type { Element } from '../telemetry/element';

export const STATION_KINDS = ['rain', 'river', 'plain_network', 'reservoir', 'tide'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** Physically possible range of an element at one station; outside it a reading is stored as suspect. */
export interface ElementLimits {
  readonly min: number;
  readonly max: number;
}

/** One telemetry station as the registry (config/stations.json) describes it. */
export interface Station {
  /** National hydrological station code, 8 digits. */
  readonly id: string;
  /** SL 651 telemetry terminal address, 10 hex digits. */
  readonly rtuAddress: string;
  readonly name: string;
  readonly kind: StationKind;
  /** District code, see DISTRICTS. */
  readonly district: string;
  /** Basin code, see BASINS. */
  readonly basin: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Height datum the levels are measured against, for level gauges. */
  readonly datum?: string;
  readonly reportingIntervalMinutes: number;
  readonly channels: readonly Channel[];
  readonly elements: readonly Element[];
  readonly limits: Readonly<Partial<Record<Element, ElementLimits>>>;
}
