import type { Station } from '@hydro/domain';
import { stationKey } from '../random/noise';
import type { Scenario, ScenarioContext, SimulatedMessage } from '../scenario';
import { HOUR_MS, nextReportTime, reportTimes } from '../time/sim-time';
import { addBeidouBatches } from '../traffic/beidou-batches';
import { MessageBatch } from '../traffic/message-batch';
import { reportPayload, roundTo, type Observation } from '../traffic/payloads';
import { addTimedReports, type StationTraffic } from '../traffic/timed-reports';
import { NetworkWeather } from '../weather/network-weather';
import {
  DRAIN_FLOOR_VOLTS,
  DRAIN_START_VOLTS,
  DRAIN_VOLTS_PER_HOUR,
  DRIFT_MAX_MS,
  DRIFT_PER_HOUR_MS,
  outagePlan,
  type OutagePlan,
} from './outage-plan';

/**
 * Calm weather on a failing network: a district loses cellular (its dual-channel RTUs go on
 * over BeiDou in late batches, its cellular-only RTUs fall silent), a dozen stations lose
 * power, batteries drain, two level sensors stick and one RTU clock runs ahead.
 */
export class OutagesScenario implements Scenario {
  readonly name = 'outages';
  readonly plan: OutagePlan;
  private readonly weather: NetworkWeather;

  constructor(private readonly context: ScenarioContext) {
    this.plan = outagePlan(context.stations, context.seed, context.start);
    this.weather = new NetworkWeather(context.seed, context.start);
  }

  messagesDue(from: number, to: number): SimulatedMessage[] {
    const batch = new MessageBatch(from, to);
    const { plan } = this;
    const inOutage = (t: number): boolean => t >= plan.outageFrom && t < plan.outageTo;
    this.context.stations.forEach((station, order) => {
      const traffic: StationTraffic = { station, order, key: stationKey(this.context.seed, station.id), observe: (t) => this.observe(station, t) };
      const silentFrom = plan.silentFrom.get(station.id);
      if (station.id === plan.drifting) {
        this.addDriftingReports(batch, traffic, from, to);
      } else if (silentFrom !== undefined) {
        addTimedReports(batch, traffic, this.context.start, from, to, (t) => t < silentFrom);
      } else if (plan.cutOff.has(station.id)) {
        addTimedReports(batch, traffic, this.context.start, from, to, (t) => !inOutage(t));
      } else if (plan.beidouOnly.has(station.id)) {
        addTimedReports(batch, traffic, this.context.start, from, to, (t) => !inOutage(t));
        addBeidouBatches(batch, traffic, Math.max(plan.outageFrom, this.context.start), plan.outageTo, from, to);
      } else {
        addTimedReports(batch, traffic, this.context.start, from, to);
      }
    });
    return batch.sorted();
  }

  private observe(station: Station, t: number): Observation {
    const readings = { ...this.weather.readings(station, t) };
    const stuckFrom = this.plan.stuckFrom.get(station.id);
    if (stuckFrom !== undefined && t >= stuckFrom) {
      readings.water_level = this.weather.readings(station, nextReportTime(station.reportingIntervalMinutes, stuckFrom)).water_level;
    }
    if (this.plan.draining.has(station.id) && readings.battery_voltage !== undefined) {
      const hours = Math.max(0, (t - this.context.start) / HOUR_MS);
      readings.battery_voltage = roundTo(Math.max(DRAIN_FLOOR_VOLTS, DRAIN_START_VOLTS - DRAIN_VOLTS_PER_HOUR * hours), 2);
    }
    return { observedAt: t, readings };
  }

  /** How far ahead the drifting RTU's clock is when it reads `clockTime`. */
  private drift(clockTime: number): number {
    return Math.min(DRIFT_MAX_MS, (DRIFT_PER_HOUR_MS * Math.max(0, clockTime - this.context.start)) / HOUR_MS);
  }

  /**
   * The RTU reports when its own clock reaches the interval grid, so it sends early and stamps
   * the report with its clock's time; what it measures is the true state at sending.
   */
  private addDriftingReports(batch: MessageBatch, traffic: StationTraffic, from: number, to: number): void {
    const { station, order } = traffic;
    for (const clockTime of reportTimes(station.reportingIntervalMinutes, Math.max(this.context.start, from), to + DRIFT_MAX_MS)) {
      const dueAt = Math.round(clockTime - this.drift(clockTime));
      if (dueAt < this.context.start || !batch.covers(dueAt)) continue;
      const observation = { observedAt: clockTime, readings: this.observe(station, dueAt).readings };
      batch.add(order, station.id, 'cellular', dueAt, reportPayload(station.id, 'cellular', observation));
    }
  }
}

export function outagesScenario(context: ScenarioContext): Scenario {
  return new OutagesScenario(context);
}
