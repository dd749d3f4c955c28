import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { AlertOutcome, AlertSubject, EquipmentConditionKind, Severity } from '@hydro/domain';
import { type EventLog, type EventQuery, type EventStream, type Log, type NewEvent, type StoredEvent, StoreRejectedError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { firstValueFrom, take, toArray } from 'rxjs';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { AlertDesk, type AlertDeskOptions, type StoredAlertEvent } from './alert-desk';
import { alertPolicyFor, equipmentRuleId } from './alert-policies';

const MINUTE = 60_000;
const T0 = Date.parse('2024-09-14T22:00:00+08:00');

/** An event log whose store can be made to wait: before it is prepared, and on appends. */
class ScriptedEventLog implements EventLog {
  private prepareGate: Promise<void> = Promise.resolve();
  private appendGate: Promise<void> | undefined;

  constructor(readonly inner: MemoryEventLog = new MemoryEventLog()) {}

  /** The log is not prepared (so nothing can be read) until the returned function is called. */
  gatePrepare(): () => void {
    let open: () => void = () => undefined;
    this.prepareGate = new Promise((resolve) => (open = resolve));
    return open;
  }

  /** Appends wait until the returned function is called. */
  holdAppends(): () => void {
    let release: () => void = () => undefined;
    this.appendGate = new Promise((resolve) => (release = resolve));
    return () => {
      this.appendGate = undefined;
      release();
    };
  }

  async prepare(): Promise<void> {
    await this.prepareGate;
    return this.inner.prepare();
  }

  async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    if (this.appendGate !== undefined) await this.appendGate;
    return this.inner.append(stream, events);
  }

  read(stream: EventStream, query?: EventQuery): Promise<StoredEvent[]> {
    return this.inner.read(stream, query);
  }

  lastSeq(stream: EventStream): number {
    return this.inner.lastSeq(stream);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function recordingLog(): Log & { error: jest.Mock<Log['error']>; warn: jest.Mock<Log['warn']> } {
  return { log: jest.fn(), warn: jest.fn<Log['warn']>(), error: jest.fn<Log['error']>() };
}

const desks: AlertDesk[] = [];

function deskOver(log: EventLog, options: Partial<AlertDeskOptions> = {}, recorded: Log = recordingLog()): AlertDesk {
  const desk = new AlertDesk(
    log,
    new EventLogReadiness(log, recorded, { initialMs: 1, maxMs: 1 }),
    { policyFor: (ruleId) => alertPolicyFor(ruleId), isSuppressed: () => false, ...options },
    recorded,
  );
  desks.push(desk);
  return desk;
}

afterEach(async () => {
  jest.useRealTimers();
  for (const desk of desks.splice(0)) await desk.close().catch(() => undefined);
});

function subject(stationId: string, kind: EquipmentConditionKind = 'station_offline'): AlertSubject {
  return { ruleId: equipmentRuleId(kind), kind, subjectId: stationId, stationIds: [stationId], district: 'yongjia', basin: 'ou' };
}

const breach = (severity: Severity, observedAt: number): AlertOutcome => ({ type: 'breach', severity, observedAt, details: { reason: `${severity} at ${observedAt}` } });
const normal = (observedAt: number): AlertOutcome => ({ type: 'normal', observedAt, details: { reason: 'reporting again' } });

/** The next `count` announcements, subscribed before whatever causes them. */
function announced(desk: AlertDesk, count: number): Promise<StoredAlertEvent[]> {
  return firstValueFrom(desk.durable$.pipe(take(count), toArray()));
}

const summary = (events: readonly StoredAlertEvent[]): Array<[number, string, string]> => events.map((e) => [e.seq, e.event.type, e.event.subjectId]);

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A log holding: station 70100001 offline (yellow) at T0, raised by a desk that has since stopped. */
async function historyWithOneAlert(): Promise<{ log: MemoryEventLog; alertId: string }> {
  const log = new MemoryEventLog();
  const desk = deskOver(log);
  const raised = announced(desk, 1);
  desk.observe(subject('70100001'), breach('yellow', T0), T0);
  const [event] = await raised;
  await desk.close();
  return { log, alertId: event!.event.alertId };
}

describe('AlertDesk', () => {
  it('raises an alert for a breach and announces it with its place in the log', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const raised = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0 + 1000);
    const [stored] = await raised;
    expect(stored).toEqual({ seq: 1, event: expect.objectContaining({ type: 'raised', severity: 'yellow', subjectId: '70100001', district: 'yongjia', basin: 'ou', at: T0 + 1000, observedAt: T0 }) });
    expect(desk.lastSeq).toBe(1);
    expect(desk.openCount).toBe(1);
    expect(desk.get(stored!.event.alertId)).toMatchObject({ state: 'active', acknowledged: false });
  });

  it('holds outcomes that come before the rebuild, then applies them to the rebuilt alerts', async () => {
    const { log, alertId } = await historyWithOneAlert();
    const restarted = new ScriptedEventLog(log.reopened());
    const open = restarted.gatePrepare();
    const desk = deskOver(restarted);
    const next = announced(desk, 1);
    desk.observe(subject('70100001'), breach('red', T0 + 5 * MINUTE), T0 + 5 * MINUTE);
    await settle();
    expect(desk.openCount).toBe(0);

    open();
    const [escalated] = await next;
    // Applied to an empty book it would have raised a second alert for the same station.
    expect(escalated).toEqual({ seq: 2, event: expect.objectContaining({ type: 'escalated', alertId, severity: 'red', previousSeverity: 'yellow' }) });
    expect(desk.openCount).toBe(1);
    expect(desk.list({}).map((a) => [a.id, a.severity])).toEqual([[alertId, 'red']]);
  });

  it('rebuilds the same alerts, with the same ids, from the log, and raises none of them again', async () => {
    const log = new MemoryEventLog();
    const before = deskOver(log);
    const all = announced(before, 4);
    before.observe(subject('70100001'), breach('yellow', T0), T0);
    before.observe(subject('70100002', 'battery_low'), breach('yellow', T0), T0);
    before.observe(subject('70100003'), breach('yellow', T0), T0);
    before.observe(subject('70100003'), normal(T0 + MINUTE), T0 + MINUTE);
    const events = await all;
    await before.acknowledge(events[0]!.event.alertId, 'li.na', 'called the county office', T0 + 2 * MINUTE);
    const expected = before.list({ includeClosed: true });
    await before.close();

    const after = deskOver(log.reopened());
    await after.ready;
    expect(after.list({ includeClosed: true })).toEqual(expected);
    const states = after.list({ includeClosed: true }).map((a) => [a.subjectId, a.state, a.acknowledged]);
    expect(states.sort()).toEqual([
      ['70100001', 'acknowledged', true],
      ['70100002', 'active', false],
      ['70100003', 'resolved', false],
    ]);
    expect(after.openCount).toBe(2);

    const nothing = jest.fn();
    after.durable$.subscribe(nothing);
    after.observe(subject('70100001'), breach('yellow', T0 + 3 * MINUTE), T0 + 3 * MINUTE);
    after.observe(subject('70100002', 'battery_low'), breach('yellow', T0 + 3 * MINUTE), T0 + 3 * MINUTE);
    await after.close();
    expect(nothing).not.toHaveBeenCalled();
    expect(log.lastSeq('alerts')).toBe(5);
  });

  it('announces a transition only once the log holds it', async () => {
    const log = new ScriptedEventLog();
    const desk = deskOver(log);
    await desk.ready;
    const release = log.holdAppends();
    const seen: Array<{ seq: number; lastSeqInLog: number }> = [];
    desk.durable$.subscribe(({ seq }) => seen.push({ seq, lastSeqInLog: log.lastSeq('alerts') }));
    const raised = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    await settle();
    expect(seen).toEqual([]);
    expect(desk.openCount).toBe(1);

    release();
    await raised;
    expect(seen).toEqual([{ seq: 1, lastSeqInLog: 1 }]);
  });

  it('retries appends while the store is unavailable and announces in the order things happened', async () => {
    jest.useFakeTimers();
    const log = new MemoryEventLog();
    const recorded = recordingLog();
    const desk = deskOver(log, {}, recorded);
    await desk.ready;
    log.failNext(3);
    const three = announced(desk, 3);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    desk.observe(subject('70100002'), breach('yellow', T0), T0);
    desk.observe(subject('70100001'), breach('orange', T0 + MINUTE), T0 + MINUTE);
    await jest.runAllTimersAsync();
    const events = await three;

    expect(summary(events)).toEqual([
      [1, 'raised', '70100001'],
      [2, 'raised', '70100002'],
      [3, 'escalated', '70100001'],
    ]);
    expect((await log.read('alerts')).map((e) => [e.seq, e.body['type'], e.body['subjectId']])).toEqual(summary(events));
    expect(recorded.warn).toHaveBeenCalled();
    expect(recorded.error).not.toHaveBeenCalled();
  });

  it('logs a batch the store refuses for good, announces nothing of it, and goes on with the next', async () => {
    /** Refuses, for its content, every append holding a transition of the first gauge. */
    class RefusingFirstGauge extends MemoryEventLog {
      override async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
        if (events.some((e) => e.body['subjectId'] === '70100001')) throw new StoreRejectedError('body too large');
        return super.append(stream, events);
      }
    }
    const log = new RefusingFirstGauge();
    const recorded = recordingLog();
    const desk = deskOver(log, {}, recorded);
    await desk.ready;
    const next = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    desk.observe(subject('70100002'), breach('yellow', T0), T0);
    expect(summary(await next)).toEqual([[1, 'raised', '70100002']]);
    expect(recorded.error).toHaveBeenCalledWith('alert transitions not stored: body too large', 'AlertDesk');
  });

  it('raises nothing for a subject its maintenance check suppresses', async () => {
    const log = new MemoryEventLog();
    const isSuppressed = jest.fn((stationIds: readonly string[], _at: number) => stationIds.includes('70100001'));
    const desk = deskOver(log, { isSuppressed });
    await desk.ready;
    const next = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    desk.observe(subject('70100002'), breach('yellow', T0), T0);
    expect(summary(await next)).toEqual([[1, 'raised', '70100002']]);
    expect(isSuppressed).toHaveBeenCalledWith(['70100001'], T0);
  });

  it('completes durable$ on close, after the last transition is written', async () => {
    const log = new ScriptedEventLog();
    const desk = deskOver(log);
    await desk.ready;
    const release = log.holdAppends();
    const everything = firstValueFrom(desk.durable$.pipe(toArray()));
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    const closed = desk.close();
    release();
    await closed;
    expect(summary(await everything)).toEqual([[1, 'raised', '70100001']]);
  });
});
