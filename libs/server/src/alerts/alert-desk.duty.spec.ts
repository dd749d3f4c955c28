import { afterEach, describe, expect, it } from '@jest/globals';
import { AlertAlreadyAcknowledgedError, AlertNotFoundError, type AlertOutcome, type AlertSubject, type Severity } from '@hydro/domain';
import { type EventLog, type EventQuery, type EventStream, type NewEvent, silentLog, type StoredEvent, StoreRejectedError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { firstValueFrom, take, toArray } from 'rxjs';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { AlertDesk, type StoredAlertEvent } from './alert-desk';
import { alertPolicyFor, equipmentRuleId } from './alert-policies';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2024-09-14T22:00:00+08:00');

/** An event log over another that is not prepared (so nothing can be read) until it is let through. */
class RestartingEventLog implements EventLog {
  private prepareGate: Promise<void> = Promise.resolve();

  constructor(private readonly inner: EventLog) {}

  /** The log is not prepared until the returned function is called. */
  gatePrepare(): () => void {
    let open: () => void = () => undefined;
    this.prepareGate = new Promise((resolve) => (open = resolve));
    return open;
  }

  async prepare(): Promise<void> {
    await this.prepareGate;
    return this.inner.prepare();
  }

  append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
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

const desks: AlertDesk[] = [];

function deskOver(log: EventLog): AlertDesk {
  const desk = new AlertDesk(log, new EventLogReadiness(log, silentLog), { policyFor: (ruleId) => alertPolicyFor(ruleId), isSuppressed: () => false }, silentLog);
  desks.push(desk);
  return desk;
}

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close().catch(() => undefined);
});

function subject(stationId: string): AlertSubject {
  return { ruleId: equipmentRuleId('station_offline'), kind: 'station_offline', subjectId: stationId, stationIds: [stationId], district: 'yongjia', basin: 'ou' };
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

describe('AlertDesk on duty: acknowledgements, history and time', () => {
  it('acknowledges: resolves with the acknowledged alert once the acknowledgement is in the log', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const raised = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    const [event] = await raised;
    const alertId = event!.event.alertId;
    const acknowledgedEvent = announced(desk, 1);

    const alert = await desk.acknowledge(alertId, 'li.na', 'maintainer on the way', T0 + 10 * MINUTE);
    expect(alert).toMatchObject({ id: alertId, state: 'acknowledged', acknowledged: true, acknowledgedBy: 'li.na', acknowledgedAt: T0 + 10 * MINUTE, ackNote: 'maintainer on the way' });
    expect(alert).toEqual(desk.get(alertId));
    expect(log.lastSeq('alerts')).toBe(2);
    expect(summary(await acknowledgedEvent)).toEqual([[2, 'acknowledged', '70100001']]);
  });

  it('acknowledges an alert from before a restart, waiting for the rebuild rather than calling it unknown', async () => {
    const { log, alertId } = await historyWithOneAlert();
    const restarted = new RestartingEventLog(log.reopened());
    const open = restarted.gatePrepare();
    const desk = deskOver(restarted);
    const acknowledged = desk.acknowledge(alertId, 'li.na', undefined, T0 + HOUR);
    open();
    await expect(acknowledged).resolves.toMatchObject({ id: alertId, state: 'acknowledged', acknowledgedBy: 'li.na' });
    expect(desk.get(alertId)?.state).toBe('acknowledged');
  });

  it('refuses to acknowledge an unknown alert or one acknowledged already, and appends nothing', async () => {
    const { log, alertId } = await historyWithOneAlert();
    const desk = deskOver(log.reopened());
    await desk.acknowledge(alertId, 'li.na', undefined, T0 + HOUR);
    await expect(desk.acknowledge('20240914T140000Z-0000000000000000', 'li.na', undefined, T0 + HOUR)).rejects.toBeInstanceOf(AlertNotFoundError);
    await expect(desk.acknowledge(alertId, 'wang.fang', undefined, T0 + 2 * HOUR)).rejects.toThrow(new AlertAlreadyAcknowledgedError(alertId, 'acknowledged', 'li.na', T0 + HOUR));
    expect(log.lastSeq('alerts')).toBe(2);
  });

  it('rejects an acknowledgement the store refuses for good', async () => {
    const { log, alertId } = await historyWithOneAlert();
    const reopened = log.reopened();
    const desk = deskOver(reopened);
    await desk.ready;
    const refused = new StoreRejectedError('read-only database');
    reopened.failNext(1, refused);
    await expect(desk.acknowledge(alertId, 'li.na', undefined, T0 + HOUR)).rejects.toBe(refused);
  });

  it('folds one alert’s history out of the interleaved log, also after a restart', async () => {
    const log = new MemoryEventLog();
    const before = deskOver(log);
    const all = announced(before, 3);
    before.observe(subject('70100001'), breach('yellow', T0), T0);
    before.observe(subject('70100002'), breach('yellow', T0), T0);
    before.observe(subject('70100001'), breach('red', T0 + MINUTE), T0 + MINUTE);
    const events = await all;
    const first = events[0]!.event.alertId;
    const second = events[1]!.event.alertId;
    await before.acknowledge(second, 'li.na', undefined, T0 + 2 * MINUTE);

    const history = await before.history(first);
    expect(history?.events.map((e) => e.type)).toEqual(['raised', 'escalated']);
    expect(history?.alert).toEqual(before.get(first));
    expect((await before.history(second))?.events.map((e) => e.type)).toEqual(['raised', 'acknowledged']);
    expect(await before.history('20240914T140000Z-0000000000000000')).toBeUndefined();
    await before.close();

    const after = deskOver(log.reopened());
    expect(await after.history(first)).toEqual(history);
  });

  it.each([
    [0, [1, 2, 3]],
    [1, [2, 3]],
    [3, []],
  ])('hands out the durable transitions after seq %d', async (afterSeq, seqs) => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const all = announced(desk, 3);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    desk.observe(subject('70100002'), breach('yellow', T0), T0);
    desk.observe(subject('70100003'), breach('yellow', T0), T0);
    const events = await all;
    const since = await desk.since(afterSeq);
    expect(since.map((e) => e.seq)).toEqual(seqs);
    expect(since).toEqual(events.filter((e) => e.seq > afterSeq));
  });

  it.each([
    [12 * HOUR - 1, []],
    [12 * HOUR, ['renotified']],
  ])('re-notifies an offline station nobody acknowledged, on a tick %d ms after raising', async (after, types) => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const raised = announced(desk, 1);
    desk.observe(subject('70100001'), breach('yellow', T0), T0);
    await raised;
    desk.tick(T0 + after);
    await desk.close();
    expect((await log.read('alerts', { afterSeq: 1 })).map((e) => e.body['type'])).toEqual(types);
  });

  it('ignores a tick before the rebuild, and re-notifies on the first tick after it', async () => {
    const { log } = await historyWithOneAlert();
    const restarted = new RestartingEventLog(log.reopened());
    const open = restarted.gatePrepare();
    const desk = deskOver(restarted);
    desk.tick(T0 + 13 * HOUR);
    open();
    await desk.ready;
    await settle();
    expect(log.lastSeq('alerts')).toBe(1);
    const renotified = announced(desk, 1);
    desk.tick(T0 + 13 * HOUR + 10_000);
    expect(summary(await renotified)).toEqual([[2, 'renotified', '70100001']]);
  });

  it.each([
    ['exactly a week after it closed', 7 * 24 * HOUR, true],
    ['a week and 1 ms after it closed', 7 * 24 * HOUR + 1, false],
  ])('on a tick %s, still holds a closed alert: %s; its history stays readable from the log', async (_, afterClosing, held) => {
    const { log, alertId } = await historyWithOneAlert();
    const desk = deskOver(log.reopened());
    const resolved = announced(desk, 1);
    desk.observe(subject('70100001'), normal(T0 + MINUTE), T0 + MINUTE);
    await resolved;
    const closedAt = T0 + 2 * MINUTE;
    await desk.acknowledge(alertId, 'li.na', undefined, closedAt);
    expect(desk.get(alertId)?.closedAt).toBe(closedAt);

    desk.tick(closedAt + afterClosing);
    expect(desk.get(alertId) !== undefined).toBe(held);
    expect((await desk.history(alertId))?.events.map((e) => e.type)).toEqual(['raised', 'resolved', 'acknowledged', 'closed']);
  });
});
