import type { ElementLimits, Station } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import type { Element } from '../telemetry/element';
import type { Arrival, Reading } from '../telemetry/reading';
import type { ChannelTrack } from './channel-health';
import { ClockDriftSamples } from './clock-drift-samples';
import { FlatRun } from './flat-run';
import type { HealthPolicy } from './health-policy';
import { countMissedReports } from './missed-reports';
import { RunningLinearFit } from './running-linear-fit';
import { SpikeWatch } from './spike-watch';
import { TimeWindowSeries } from './time-window-series';

/** The series a level gauge keeps: the recent window for neighbours, the flat run, spikes. */
export interface LevelTelemetry {
  readonly recent: TimeWindowSeries;
  readonly run: FlatRun;
  readonly spikes: SpikeWatch;
}

/** The series a battery keeps: the trend window and its running fit, and when it went low. */
export interface BatteryTelemetry {
  readonly recent: TimeWindowSeries;
  readonly trend: RunningLinearFit;
  lowSince: number | undefined;
}

/**
 * Everything health remembers of one station, updated per arrival and per reading in O(1)
 * amortised, with memory bounded by the policy's windows.
 *
 * Readings are taken in observation order. A reading at the time of the element's newest is a
 * copy (the other channel, a redelivery) and ignored. An older one is late: it is placed in
 * the time windows (level range, battery trend) but leaves the latest value, the flat run, the
 * spike watch and the streaks alone, which describe the newest data.
 */
export class StationTelemetry {
  readonly channels: Partial<Record<Channel, ChannelTrack>> = {};
  lastObservedAt: number | undefined;
  readonly drift: ClockDriftSamples;
  readonly latest: Partial<Record<Element, Reading>> = {};
  /** First observation of the current streak outside the hard limits, per element. */
  readonly outOfLimitsSince: Partial<Record<Element, number>> = {};
  readonly level: LevelTelemetry | undefined;
  readonly rainfallRun: FlatRun | undefined;
  readonly battery: BatteryTelemetry | undefined;
  private readonly intervalMs: number;

  constructor(
    readonly station: Station,
    private readonly policy: HealthPolicy,
  ) {
    this.intervalMs = station.reportingIntervalMinutes * 60_000;
    this.drift = new ClockDriftSamples(policy.clockDrift.samples);
    const measures = (element: Element): boolean => station.elements.includes(element);
    this.level = measures('water_level')
      ? {
          recent: new TimeWindowSeries(policy.levelStuck.neighbourWindowMs, policy.maxPointsPerSeries),
          run: new FlatRun(),
          spikes: new SpikeWatch(policy.spike),
        }
      : undefined;
    this.rainfallRun = measures('rainfall') ? new FlatRun() : undefined;
    this.battery = measures('battery_voltage') ? batteryTelemetry(policy) : undefined;
  }

  recordArrival(arrival: Arrival): void {
    const { channel, receivedAt } = arrival;
    const track = this.channels[channel];
    if (track === undefined) {
      this.channels[channel] = { lastReceivedAt: receivedAt, connectedSince: receivedAt };
    } else if (receivedAt > track.lastReceivedAt) {
      const gap = countMissedReports(receivedAt, track.lastReceivedAt, this.intervalMs, this.policy.allowanceMs[channel]) > 0;
      this.channels[channel] = { lastReceivedAt: receivedAt, connectedSince: gap ? receivedAt : track.connectedSince };
    }
    this.observed(arrival.observedAt);
    if (channel === 'cellular') this.drift.add(arrival.observedAt, receivedAt);
  }

  recordReading(reading: Reading): void {
    const { element, observedAt, value } = reading;
    const newest = this.latest[element];
    if (newest !== undefined && observedAt <= newest.observedAt) {
      if (observedAt < newest.observedAt) this.placeLate(element, observedAt, value);
      return;
    }
    this.latest[element] = reading;
    this.observed(observedAt);
    this.followLimits(element, observedAt, value, this.station.limits[element]);
    switch (element) {
      case 'water_level':
        if (this.level) {
          this.level.recent.add(observedAt, value);
          this.level.run.extend(observedAt, value);
          this.level.spikes.observe(observedAt, value);
        }
        return;
      case 'rainfall':
        this.rainfallRun?.extend(observedAt, value);
        return;
      case 'battery_voltage':
        if (this.battery) {
          this.battery.recent.add(observedAt, value);
          if (value >= this.policy.battery.lowVolts) this.battery.lowSince = undefined;
          else this.battery.lowSince ??= observedAt;
        }
        return;
      case 'flow':
        return;
    }
  }

  private placeLate(element: Element, observedAt: number, value: number): void {
    if (element === 'water_level') this.level?.recent.add(observedAt, value);
    if (element === 'battery_voltage') this.battery?.recent.add(observedAt, value);
  }

  private followLimits(element: Element, observedAt: number, value: number, limits: ElementLimits | undefined): void {
    const outside = limits !== undefined && (value < limits.min || value > limits.max);
    if (!outside) this.outOfLimitsSince[element] = undefined;
    else this.outOfLimitsSince[element] ??= observedAt;
  }

  private observed(observedAt: number): void {
    if (this.lastObservedAt === undefined || observedAt > this.lastObservedAt) this.lastObservedAt = observedAt;
  }
}

function batteryTelemetry(policy: HealthPolicy): BatteryTelemetry {
  const trend = new RunningLinearFit(policy.battery.trendWindowMs);
  return { recent: new TimeWindowSeries(policy.battery.trendWindowMs, policy.maxPointsPerSeries, trend), trend, lowSince: undefined };
}
