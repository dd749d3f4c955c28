import { acknowledgeAlert } from './acknowledge-alert';
import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import { compareAlertsForDuty, matchesAlertFilter, type AlertFilter } from './alert-listing';
import { AlertNotFoundError } from './alert-not-found.error';
import type { AlertOutcome, BreachOutcome } from './alert-outcome';
import type { AlertPolicy } from './alert-policy';
import { subjectKey, type AlertSubject } from './alert-subject';
import type { AlertTransition } from './alert-transition';
import { applyAlertEvent } from './apply-alert-event';
import { observeOpenAlert } from './observe-open-alert';
import { raiseAlert } from './raise-alert';
import { renotifyIfDue } from './renotify-alert';
import { compareSeverity, moreSevere, type Severity } from './severity';

const NO_EVENTS: readonly AlertEvent[] = Object.freeze([]);

/** The latest resolved episode of one rule on one subject. */
interface ResolvedEpisode {
  /** Observation time of its resolution: breaches up to it belong to the past. */
  readonly through: number;
  readonly peak: Severity;
}

export interface AlertBookOptions {
  /**
   * The policy of a rule, looked up when an outcome or tick needs it (not stored with the alert), so
   * a rule's edited clearing delay applies to its open alerts too and a rebuilt book needs no extra input.
   */
  readonly policyFor: (ruleId: string) => AlertPolicy;
  /**
   * True when all the given stations are under maintenance at this observation time. A breach for
   * such a subject raises nothing; alerts already open follow their outcomes as usual. Default: never.
   */
  readonly isSuppressed?: (stationIds: readonly string[], at: number) => boolean;
}

/**
 * The alerts of all rules: the open ones per (rule, subject), the resolved ones nobody acknowledged,
 * and closed ones until forgotten. Every method returns the events to append to the 'alerts' stream,
 * in order; the book already reflects them. Single-threaded and synchronous: the hot path (an outcome
 * for a subject without an open alert) is one map lookup.
 */
export class AlertBook {
  private readonly policyFor: (ruleId: string) => AlertPolicy;
  private readonly isSuppressed: (stationIds: readonly string[], at: number) => boolean;
  private readonly openBySubject = new Map<string, Alert>();
  private readonly byId = new Map<string, Alert>();
  /** Per (rule, subject): the latest resolved episode. */
  private readonly resolved = new Map<string, ResolvedEpisode>();

  constructor(options: AlertBookOptions) {
    this.policyFor = options.policyFor;
    this.isSuppressed = options.isSuppressed ?? (() => false);
  }

  /** Rebuilds a book by folding the 'alerts' stream from its start, in order. */
  static fromEvents(events: Iterable<AlertEvent>, options: AlertBookOptions): AlertBook {
    const book = new AlertBook(options);
    for (const event of events) book.store(applyAlertEvent(book.byId.get(event.alertId), event));
    return book;
  }

  /**
   * One evaluator outcome for one subject, detected at `detectedAt` (epoch ms, from the caller's clock).
   * A breach for a subject without an open alert raises one unless the subject is under maintenance.
   * A breach observed at or before the resolution of the subject's latest episode was revealed late
   * (a BeiDou batch): see `pastBreach`.
   */
  observe(subject: AlertSubject, outcome: AlertOutcome, detectedAt: number): readonly AlertEvent[] {
    const key = subjectKey(subject.ruleId, subject.subjectId);
    const open = this.openBySubject.get(key);
    const past = this.resolved.get(key);
    if (outcome.type === 'breach' && past !== undefined && outcome.observedAt <= past.through) return this.pastBreach(subject, outcome, past, open, detectedAt);
    if (open !== undefined) return this.commit(open, observeOpenAlert(open, outcome, this.policyFor(open.ruleId), detectedAt));
    if (outcome.type !== 'breach') return NO_EVENTS;
    if (this.isSuppressed(subject.stationIds, outcome.observedAt)) return NO_EVENTS;
    return this.commit(undefined, raiseAlert(subject, outcome, detectedAt));
  }

  /**
   * A breach in the time of an episode already resolved. A higher level than that episode reached is
   * news a forecaster must see, so it is raised as an alert of its own, which the later outcomes
   * (normal, by then) resolve as they would have: it shows as resolved-but-unacknowledged; with an
   * alert open since, that alert is escalated instead. Later breaches of a revealed episode follow its
   * alert. Anything else belongs to the past. So whatever order readings arrive in, no level an
   * in-order run would have alerted on goes unseen.
   */
  private pastBreach(subject: AlertSubject, outcome: BreachOutcome, past: ResolvedEpisode, open: Alert | undefined, detectedAt: number): readonly AlertEvent[] {
    const higher = compareSeverity(outcome.severity, past.peak) > 0;
    if (open !== undefined) {
      // Its own breach, or a higher peak than the past reached: it escalates the alert people are watching.
      if (outcome.observedAt < open.raisedObservedAt && !higher) return NO_EVENTS;
      return this.commit(open, observeOpenAlert(open, outcome, this.policyFor(open.ruleId), detectedAt));
    }
    if (!higher) return NO_EVENTS;
    if (this.isSuppressed(subject.stationIds, outcome.observedAt)) return NO_EVENTS;
    const revealed = raiseAlert(subject, outcome, detectedAt, true);
    // The same peak revealed before, when a newer episode has since become the one remembered.
    if (this.byId.has(revealed.alert.id)) return NO_EVENTS;
    return this.commit(undefined, revealed);
  }

  /**
   * A person acknowledges an alert at `at`. Throws AlertNotFoundError for an id the book does not
   * hold, AlertAlreadyAcknowledgedError when it is acknowledged already.
   */
  acknowledge(alertId: string, actor: string, note: string | undefined, at: number): readonly AlertEvent[] {
    const alert = this.byId.get(alertId);
    if (alert === undefined) throw new AlertNotFoundError(alertId);
    return this.commit(alert, acknowledgeAlert(alert, actor, note, at));
  }

  /** Time passing with no outcome: re-notifications due at or before `now`. */
  tick(now: number): readonly AlertEvent[] {
    let events: AlertEvent[] | undefined;
    // Storing under an existing key while iterating a Map is safe; keys are neither added nor removed here.
    for (const alert of this.openBySubject.values()) {
      if (alert.state !== 'active') continue;
      const transition = renotifyIfDue(alert, this.policyFor(alert.ruleId), now);
      if (transition === undefined) continue;
      this.store(transition.alert);
      (events ??= []).push(...transition.events);
    }
    return events ?? NO_EVENTS;
  }

  /**
   * Drops closed alerts closed before `before` (epoch ms); they stay in the log. Returns how many.
   * Until then acknowledging one again is a conflict rather than "not found".
   */
  forgetClosed(before: number): number {
    let forgotten = 0;
    for (const [id, alert] of this.byId) {
      if (alert.closedAt !== undefined && alert.closedAt < before) {
        this.byId.delete(id);
        forgotten += 1;
      }
    }
    return forgotten;
  }

  get(alertId: string): Alert | undefined {
    return this.byId.get(alertId);
  }

  /** The open (active or acknowledged) alert of a rule on a subject, if any. */
  openFor(ruleId: string, subjectId: string): Alert | undefined {
    return this.openBySubject.get(subjectKey(ruleId, subjectId));
  }

  /** Held alerts matching the filter, in duty order (most severe, then longest waiting). */
  list(filter: AlertFilter = {}): Alert[] {
    const found: Alert[] = [];
    for (const alert of this.byId.values()) {
      if (matchesAlertFilter(alert, filter)) found.push(alert);
    }
    return found.sort(compareAlertsForDuty);
  }

  /** Number of open alerts. */
  get openCount(): number {
    return this.openBySubject.size;
  }

  private commit(previous: Alert | undefined, transition: AlertTransition): readonly AlertEvent[] {
    if (transition.alert !== previous) this.store(transition.alert);
    return transition.events;
  }

  /** The one place state is written, live and when rebuilding, so both index alerts the same way. */
  private store(alert: Alert): void {
    this.byId.set(alert.id, alert);
    const key = subjectKey(alert.ruleId, alert.subjectId);
    if (alert.state !== 'resolved') {
      this.openBySubject.set(key, alert);
      return;
    }
    if (this.openBySubject.get(key)?.id === alert.id) this.openBySubject.delete(key);
    const through = alert.resolvedObservedAt;
    const latest = this.resolved.get(key);
    if (through === undefined) return;
    if (latest === undefined || through > latest.through) this.resolved.set(key, { through, peak: alert.peakSeverity });
    // An episode revealed late, resolved within the time of the latest: its peak is part of that past.
    else this.resolved.set(key, { through: latest.through, peak: moreSevere(latest.peak, alert.peakSeverity) });
  }
}
