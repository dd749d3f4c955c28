import type { FloodAlertKind } from '../alerts/alert-kind';
import type { AlertOutcome } from '../alerts/alert-outcome';
import type { AlertPolicy } from '../alerts/alert-policy';
import type { AlertSubject } from '../alerts/alert-subject';
import type { Station } from '../stations/station';
import type { Element } from '../telemetry/element';
import type { StationLookup } from '../telemetry/interpret-telemetry';
import type { Reading } from '../telemetry/reading';
import { HOUR_MS } from '../time/durations';
import { MountainTorrentEvaluator } from './evaluators/mountain-torrent-evaluator';
import { RateOfRiseEvaluator } from './evaluators/rate-of-rise-evaluator';
import { VenueBandEvaluator } from './evaluators/venue-band-evaluator';
import { WaterLevelEvaluator } from './evaluators/water-level-evaluator';
import { LONGEST_RAINFALL_WINDOW_MS } from './rainfall/rainfall-window';
import { RainfallWindows } from './rainfall/rainfall-windows';
import type { RuleEvaluator } from './rule-evaluator';
import type { FloodRule, RuleSet, VenueBandRule } from './rule-set';

const NONE: readonly RuleInForce[] = Object.freeze([]);

/** One rule's verdict on its subject, with the rule's lifecycle policy: what the alert book observes. */
export interface RuleVerdict {
  readonly subject: AlertSubject;
  readonly outcome: AlertOutcome;
  readonly policy: AlertPolicy;
}

/** Rules in force per kind. */
export type RuleCounts = Readonly<Record<FloodAlertKind, number>>;

interface RuleInForce {
  readonly rule: FloodRule;
  readonly evaluator: RuleEvaluator;
  /** Takes a reading of history without a verdict: rain is only placed in its gauge's window. */
  readonly restore: (reading: Reading) => void;
}

/**
 * The flood rules in force: one evaluator per rule, found by the (station, element) it reads, so a
 * reading costs one map lookup plus the work of the rules interested in it. Rain gauges' windows are
 * kept once and shared by every warning area that reads them. Suspect readings are never judged: they
 * must not raise alerts. Single-threaded and synchronous, like the alert book it feeds.
 */
export class RuleEngine {
  /** The rain gauges' rolling windows, shared by the mountain-torrent rules. */
  readonly rainfall: RainfallWindows;
  private readonly inForce: readonly RuleInForce[];
  private readonly byRuleId = new Map<string, RuleInForce>();
  /** Station → element → the rules reading it: nested maps spare building a key per reading. */
  private readonly byInput = new Map<string, Map<Element, RuleInForce[]>>();

  /** Throws RangeError for a rule that reads a station the registry does not know, or a rule id used twice. */
  constructor(ruleSet: RuleSet, stations: StationLookup) {
    const stationOf = (rule: FloodRule, stationId: string): Station => {
      const station = stations.get(stationId);
      if (station === undefined) throw new RangeError(`Rule ${rule.id} reads station ${stationId}, which is not in the station registry`);
      return station;
    };
    const longestRainMs = ruleSet.mountainTorrent
      .flatMap((rule) => rule.area.thresholds)
      .reduce((longest, threshold) => Math.max(longest, threshold.windowHours * HOUR_MS), LONGEST_RAINFALL_WINDOW_MS);
    this.rainfall = new RainfallWindows(stations, longestRainMs);
    const venuePlace = (rule: VenueBandRule): Station => {
      const first = rule.stationIds[0];
      if (first === undefined) throw new RangeError(`Rule ${rule.id}: venue ${rule.venueId} has no gauges`);
      rule.stationIds.forEach((stationId) => stationOf(rule, stationId));
      return stationOf(rule, first);
    };
    const judged = (rule: FloodRule, evaluator: RuleEvaluator): RuleInForce => ({ rule, evaluator, restore: (reading) => void evaluator.accept(reading) });
    const torrent = (rule: FloodRule, evaluator: MountainTorrentEvaluator): RuleInForce => ({ rule, evaluator, restore: (reading) => void evaluator.place(reading) });
    this.inForce = [
      ...ruleSet.waterLevel.map((rule) => judged(rule, new WaterLevelEvaluator(rule, stationOf(rule, rule.stationId)))),
      ...ruleSet.rateOfRise.map((rule) => judged(rule, new RateOfRiseEvaluator(rule, stationOf(rule, rule.stationId)))),
      ...ruleSet.venues.map((rule) => judged(rule, new VenueBandEvaluator(rule, venuePlace(rule)))),
      ...ruleSet.mountainTorrent.map((rule) => torrent(rule, new MountainTorrentEvaluator(rule, stations, this.rainfall))),
    ];
    for (const entry of this.inForce) {
      if (this.byRuleId.has(entry.rule.id)) throw new RangeError(`Rule id ${entry.rule.id} is used by more than one rule`);
      this.byRuleId.set(entry.rule.id, entry);
      for (const { stationId, element } of entry.evaluator.inputs) {
        let elements = this.byInput.get(stationId);
        if (elements === undefined) this.byInput.set(stationId, (elements = new Map<Element, RuleInForce[]>()));
        const interested = elements.get(element);
        if (interested === undefined) elements.set(element, [entry]);
        else if (!interested.includes(entry)) interested.push(entry);
      }
    }
  }

  /**
   * Judges accepted readings (one message's, or a BeiDou batch) and returns every verdict, in order. A
   * batch is taken in observation-time order so the rules see time pass as it did at the stations; a
   * reading older than what a rule already holds brings that rule's verdicts from its time on again.
   */
  accept(readings: readonly Reading[]): RuleVerdict[] {
    const verdicts: RuleVerdict[] = [];
    for (const reading of inObservationOrder(readings)) {
      for (const { evaluator } of this.interestedIn(reading)) {
        for (const outcome of evaluator.accept(reading)) verdicts.push({ subject: evaluator.subject, outcome, policy: evaluator.policy });
      }
    }
    return verdicts;
  }

  /** What time alone changes at `now` (wall clock): silent gauges, venue sessions ending. */
  tick(now: number): RuleVerdict[] {
    const verdicts: RuleVerdict[] = [];
    for (const { evaluator } of this.inForce) {
      const outcome = evaluator.tick(now);
      if (outcome !== undefined) verdicts.push({ subject: evaluator.subject, outcome, policy: evaluator.policy });
    }
    return verdicts;
  }

  /**
   * Rebuilds the rules' windows from stored history at start-up (the last day of rainfall, a few hours of
   * levels). The verdicts are dropped: the alert book is rebuilt from its own log, and replaying history
   * through it would raise again what people already dealt with. Rain is only placed, not judged, which
   * makes rebuilding a day of rainfall cheap; each area is judged on its next report.
   */
  restore(readings: readonly Reading[]): void {
    for (const reading of inObservationOrder(readings)) {
      for (const entry of this.interestedIn(reading)) entry.restore(reading);
    }
  }

  /** The rules in force, water levels, rates of rise, venues and mountain torrents, each in file order. */
  rules(): FloodRule[] {
    return this.inForce.map(({ rule }) => rule);
  }

  /** The lifecycle policy of a rule in force; undefined for an id it does not know (a rule since removed). */
  policyFor(ruleId: string): AlertPolicy | undefined {
    return this.byRuleId.get(ruleId)?.evaluator.policy;
  }

  /** The evaluator of a rule in force. */
  evaluatorOf(ruleId: string): RuleEvaluator | undefined {
    return this.byRuleId.get(ruleId)?.evaluator;
  }

  counts(): RuleCounts {
    const counts: Record<FloodAlertKind, number> = { water_level: 0, rate_of_rise: 0, venue_band: 0, mountain_torrent: 0 };
    for (const { rule } of this.inForce) counts[rule.kind] += 1;
    return counts;
  }

  /** The rules that read this reading's station and element; none for a suspect reading, which must never raise an alert. */
  private interestedIn(reading: Reading): readonly RuleInForce[] {
    if (reading.quality === 'suspect') return NONE;
    return this.byInput.get(reading.stationId)?.get(reading.element) ?? NONE;
  }
}

/** The readings sorted by observation time (stable), without copying when they already are. */
function inObservationOrder(readings: readonly Reading[]): readonly Reading[] {
  for (let k = 1; k < readings.length; k += 1) {
    if (readings[k]!.observedAt < readings[k - 1]!.observedAt) return [...readings].sort((a, b) => a.observedAt - b.observedAt);
  }
  return readings;
}
