import type { StationKind } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import type { Element } from '../telemetry/element';
import type { Reading } from '../telemetry/reading';
import type { ChannelHealth } from './channel-health';
import type { ClockDrift } from './clock-drift-samples';
import type { HealthStatus } from './health-status';
import type { QualityFinding } from './quality-finding';

export interface BatteryHealth {
  readonly latestVolts: number;
  readonly latestAt: number;
  /** Least-squares slope over the trend window (V/h); undefined with too few points or too short a span. */
  readonly trendVoltsPerHour: number | undefined;
  /** Readings the trend window holds. */
  readonly trendPoints: number;
}

/** One station's health at one moment, for maintainers' lists and maps. */
export interface StationHealthSnapshot {
  readonly stationId: string;
  readonly kind: StationKind;
  readonly district: string;
  readonly basin: string;
  /** The moment assessed, epoch ms. */
  readonly at: number;
  readonly status: HealthStatus;
  readonly since: number | undefined;
  /** Nothing ever received over any channel: offline, with lastReceivedAt undefined. */
  readonly neverReported: boolean;
  readonly channels: readonly ChannelHealth[];
  readonly degradedChannels: readonly Channel[];
  /** Newest receipt over any channel. */
  readonly lastReceivedAt: number | undefined;
  /** Newest observation time over any channel. */
  readonly lastObservedAt: number | undefined;
  /** From cellular messages only. */
  readonly clockDrift: ClockDrift | undefined;
  readonly battery: BatteryHealth | undefined;
  /** Newest reading of each element. */
  readonly latest: Readonly<Partial<Record<Element, Reading>>>;
  readonly findings: readonly QualityFinding[];
}
