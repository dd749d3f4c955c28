import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { Station } from '../../stations/station';
import type { Reading } from '../../telemetry/reading';
import { NO_OUTCOMES, type RuleEvaluator, type RuleInput } from '../rule-evaluator';
import type { VenueBandRule } from '../rule-set';
import { FoldedHistory } from './level/folded-history';
import { GaugeTrack } from './level/gauge-track';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { ruleAlertPolicy } from './level/rule-alert-policy';
import { SilenceWatch } from './level/silence-watch';
import { startSustainedLevel, sustainLevel, type SustainedLevel } from './level/sustained-level';
import { isUsableLevelReading } from './level/usable-level-reading';
import { venueBandDetails } from './venue-band-details';
import { BAND_STATES, placeInBand, worstInBand, type GaugeInBand } from './venue-band-position';
import { VenueSchedule } from './venue-band-schedule';

/** The fold's state after one observation time of any of the venue's gauges. */
interface VenueFoldState {
  /** Session the sustained level belongs to; −1 before the first observation inside one. */
  readonly session: number;
  /** Whether this observation time lies inside a session: only then is there a verdict. */
  readonly inSession: boolean;
  readonly sustained: SustainedLevel;
}

/**
 * The plain network at a venue held inside [min, max] while its schedule applies. At every observation
 * time of any gauge, each gauge's latest level (one silent for staleAfterMs is left out) and trend place
 * it inside, approaching or outside the band (see placeInBand); the worst gauge decides, and the
 * minimum duration applies as for water levels, starting afresh with each session. Outside sessions it
 * says nothing. Readings are folded in observation-time order (copies at the same time from other
 * gauges included), so the verdicts are the same whatever order they arrive in.
 */
export class VenueBandEvaluator implements RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  readonly schedule: VenueSchedule;
  private readonly tracks: readonly GaugeTrack[];
  private readonly trackOf: ReadonlyMap<string, GaugeTrack>;
  private readonly events: FoldedHistory<undefined, VenueFoldState>;
  private readonly silence: SilenceWatch;
  /** `to` of the latest session whose end was announced with a normal outcome. */
  private announcedEnd: number | undefined;
  /** `to` of the latest session whose clearing delay was seen out. */
  private settledEnd: number | undefined;

  /** @param place where the venue lies: district and basin of its gauges (any of its Stations will do). */
  constructor(
    private readonly rule: VenueBandRule,
    place: Pick<Station, 'district' | 'basin'>,
  ) {
    this.subject = {
      ruleId: rule.id,
      kind: 'venue_band',
      subjectId: rule.venueId,
      stationIds: [...rule.stationIds],
      district: place.district,
      basin: place.basin,
    };
    this.policy = ruleAlertPolicy(rule);
    this.inputs = rule.stationIds.map((stationId) => ({ stationId, element: 'water_level' as const }));
    this.schedule = new VenueSchedule(rule.schedule);
    // A gauge keeps what the oldest placeable observation time may still ask of it: its level up to
    // staleAfterMs before, and the readings of its trend window.
    const keepMs = LATE_READING_HORIZON_MS + rule.staleAfterMs + rule.trendWindowMs;
    this.tracks = rule.stationIds.map(() => new GaugeTrack(rule.trendWindowMs, keepMs));
    this.trackOf = new Map(rule.stationIds.map((stationId, i) => [stationId, this.tracks[i]!]));
    this.events = new FoldedHistory<undefined, VenueFoldState>(
      (previous, at) => this.step(previous, at),
      { session: -1, inSession: false, sustained: startSustainedLevel(BAND_STATES.length - 1) },
      LATE_READING_HORIZON_MS,
    );
    this.silence = new SilenceWatch(rule.staleAfterMs);
  }

  /**
   * The verdicts from the reading's observation time to the newest of any gauge, inside sessions; none
   * for a copy or a reading too late to place. A late reading inside a session whose end was already
   * announced brings the announcement again after its verdicts, so an alert it raises clears as it
   * would have, had the reading come in time.
   */
  accept(reading: Reading): readonly AlertOutcome[] {
    const track = this.trackOf.get(reading.stationId);
    if (track === undefined || !isUsableLevelReading(reading)) return NO_OUTCOMES;
    if (this.events.isTooOld(reading.observedAt)) return NO_OUTCOMES;
    if (!track.add(reading.observedAt, reading.value)) return NO_OUTCOMES;
    const placed = this.events.put(reading.observedAt, undefined);
    const outcomes: AlertOutcome[] = [];
    for (let index = placed; index <= this.events.lastIndex; index++) {
      const verdict = this.verdictAt(index);
      if (verdict !== undefined) outcomes.push(verdict);
    }
    const announced = this.announcedEnd;
    if (announced === undefined || reading.observedAt >= announced || outcomes.length === 0) return outcomes;
    for (const { to } of this.schedule.sessions) if (to > reading.observedAt && to <= announced) outcomes.push(...this.endAnnouncements(to));
    // Each session's end comes after its verdicts and before those of the next.
    return outcomes.sort((a, b) => observedAtOf(a) - observedAtOf(b));
  }

  /**
   * Past a session's end: `normal` at its end, once, since the band no longer applies; then, once the
   * rule's clearing delay has passed with no session resuming, `normal` at end + delay, so that an open
   * alert's clearing run spans the delay and resolves. Inside a session: `no_data` once all gauges
   * have been silent for staleAfterMs, once per silence.
   */
  tick(now: number): AlertOutcome | undefined {
    const ended = this.schedule.lastEndedBy(now);
    if (ended !== undefined && this.announcedEnd !== ended.to) {
      this.announcedEnd = ended.to;
      return { type: 'normal', observedAt: ended.to };
    }
    if (ended !== undefined && this.settledEnd !== ended.to && now >= ended.to + this.rule.clearingDelayMs) {
      this.settledEnd = ended.to;
      const settled = this.endAnnouncements(ended.to)[1];
      if (settled !== undefined) return settled;
    }
    if (this.schedule.sessionAt(now) < 0) return undefined;
    return this.silence.check(this.events.newestAt, now);
  }

  /** The verdict at the newest observation time, from all readings held; undefined outside sessions. */
  current(): BreachOutcome | NormalOutcome | undefined {
    return this.events.size === 0 ? undefined : this.verdictAt(this.events.lastIndex);
  }

  /**
   * The `normal` outcomes tick gave for the end of the session that ended at `end`, at or before the
   * latest announced one: by the time a later session had ended, an earlier one's delay was seen out.
   */
  private endAnnouncements(end: number): NormalOutcome[] {
    const announced: NormalOutcome[] = [{ type: 'normal', observedAt: end }];
    const delay = this.rule.clearingDelayMs;
    const next = this.schedule.nextAfter(end);
    const settled = end < this.announcedEnd! || this.settledEnd === end;
    if (settled && delay > 0 && (next === undefined || next.from > end + delay)) announced.push({ type: 'normal', observedAt: end + delay });
    return announced;
  }

  private verdictAt(index: number): BreachOutcome | NormalOutcome | undefined {
    const at = this.events.timeAt(index);
    const state = this.events.stateAt(index);
    if (!state.inSession) return undefined;
    const counted = state.sustained.counted;
    if (counted === 0) return { type: 'normal', observedAt: at };
    const gauges = this.gaugesAt(at);
    const worst = worstInBand(gauges);
    // Only with a stale time of 0, which leaves every gauge out.
    if (worst === undefined) return undefined;
    const bandState = counted === 2 ? 'outside' : 'approaching';
    return {
      type: 'breach',
      severity: this.rule.severities[bandState],
      observedAt: at,
      details: venueBandDetails(this.rule, bandState, gauges, worst, this.schedule.labelAt(at) ?? ''),
    };
  }

  private step(previous: VenueFoldState, at: number): VenueFoldState {
    const session = this.schedule.sessionAt(at);
    if (session < 0) return previous.inSession ? { ...previous, inSession: false } : previous;
    const start = session === previous.session ? previous.sustained : startSustainedLevel(BAND_STATES.length - 1);
    let instant = 0;
    for (const gauge of this.gaugesAt(at)) if (gauge !== undefined && gauge.level > instant) instant = gauge.level;
    return { session, inSession: true, sustained: sustainLevel(start, instant, at, this.rule.minDurationMs) };
  }

  /** Each gauge as of `at`, in the rule's order; undefined for one not heard within staleAfterMs. */
  private gaugesAt(at: number): (GaugeInBand | undefined)[] {
    return this.tracks.map((track, i) => {
      const index = track.indexAtOrBefore(at);
      if (index < 0 || at - track.timeAt(index) >= this.rule.staleAfterMs) return undefined;
      return placeInBand(this.rule, this.rule.stationIds[i]!, track.valueAt(index), track.trendAt(index));
    });
  }
}

function observedAtOf(outcome: AlertOutcome): number {
  return outcome.type === 'no_data' ? outcome.since : outcome.observedAt;
}
