import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { Station } from '../../stations/station';
import type { Reading } from '../../telemetry/reading';
import type { RuleEvaluator, RuleInput } from '../rule-evaluator';
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
 * gauges included), so the verdict is the same whatever order they arrive in.
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
   * The verdict at the newest observation time of any gauge; undefined outside sessions, for a
   * session whose end was already announced, for a copy, or for a reading too late to place.
   */
  accept(reading: Reading): AlertOutcome | undefined {
    const track = this.trackOf.get(reading.stationId);
    if (track === undefined || !isUsableLevelReading(reading)) return undefined;
    if (this.events.isTooOld(reading.observedAt)) return undefined;
    if (!track.add(reading.observedAt, reading.value)) return undefined;
    this.events.put(reading.observedAt, undefined);
    const newest = this.events.newestAt!;
    if (this.announcedEnd !== undefined && newest < this.announcedEnd) return undefined;
    return this.current();
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
    const delay = this.rule.clearingDelayMs;
    if (ended !== undefined && this.settledEnd !== ended.to && now >= ended.to + delay) {
      this.settledEnd = ended.to;
      const next = this.schedule.nextAfter(ended.to);
      if (delay > 0 && (next === undefined || next.from > ended.to + delay)) return { type: 'normal', observedAt: ended.to + delay };
    }
    if (this.schedule.sessionAt(now) < 0) return undefined;
    return this.silence.check(this.events.newestAt, now);
  }

  /** The verdict at the newest observation time, from all readings held; undefined outside sessions. */
  current(): BreachOutcome | NormalOutcome | undefined {
    const at = this.events.newestAt;
    const state = this.events.newestState;
    if (at === undefined || !state.inSession) return undefined;
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
