import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { AlertEvent, AlertSubject, EquipmentConditionKind } from '@hydro/domain';
import { type EventLog, type EventQuery, type EventStream, type NewEvent, silentLog, type StoredEvent, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { firstValueFrom, take, toArray } from 'rxjs';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { AlertDesk, type StoredAlertEvent } from './alert-desk';
import { alertPolicyFor, equipmentRuleId } from './alert-policies';
import { type AlertMessageEvent, alertStream } from './alert-stream';

const MINUTE = 60_000;
const T0 = Date.parse('2024-09-14T22:00:00+08:00');

/**
 * An event log whose reads can be held, to let live transitions arrive while a reconnecting client's
 * missed ones are being read. `snapshotFirst`: the read sees the log as it is now and answers later
 * (a slow network); otherwise it starts reading only when released (a slow query).
 */
class SlowReadingEventLog implements EventLog {
  private hold: { readonly snapshotFirst: boolean; readonly until: Promise<void> } | undefined;
  private readFailure: Error | undefined;
  readonly inner = new MemoryEventLog();

  holdReads(snapshotFirst: boolean): () => void {
    let release: () => void = () => undefined;
    this.hold = { snapshotFirst, until: new Promise((resolve) => (release = resolve)) };
    return release;
  }

  failReads(error: Error): void {
    this.readFailure = error;
  }

  prepare(): Promise<void> {
    return this.inner.prepare();
  }

  append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    return this.inner.append(stream, events);
  }

  async read(stream: EventStream, query?: EventQuery): Promise<StoredEvent[]> {
    if (this.readFailure !== undefined) throw this.readFailure;
    const hold = this.hold;
    if (hold === undefined) return this.inner.read(stream, query);
    if (hold.snapshotFirst) {
      const seen = this.inner.read(stream, query);
      await hold.until;
      return seen;
    }
    await hold.until;
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

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
});

function subject(stationId: string, kind: EquipmentConditionKind = 'station_offline'): AlertSubject {
  return { ruleId: equipmentRuleId(kind), kind, subjectId: stationId, stationIds: [stationId], district: 'wencheng', basin: 'feiyun' };
}

/** A ready desk over a log that already holds `count` raised alerts (seq 1…count), one per station. */
async function deskWithHistory(count: number): Promise<{ desk: AlertDesk; log: SlowReadingEventLog }> {
  const log = new SlowReadingEventLog();
  const desk = new AlertDesk(log, new EventLogReadiness(log, silentLog), { policyFor: (ruleId) => alertPolicyFor(ruleId), isSuppressed: () => false }, silentLog);
  desks.push(desk);
  await desk.ready;
  if (count > 0) {
    const raised = firstValueFrom(desk.durable$.pipe(take(count), toArray()));
    for (let i = 1; i <= count; i++) observeBreach(desk, i);
    await raised;
  }
  return { desk, log };
}

/** An offline alert (or one of the given kind) for station 7010000n. */
function observeBreach(desk: AlertDesk, n: number, kind: EquipmentConditionKind = 'station_offline'): void {
  desk.observe(subject(`7010000${n}`, kind), { type: 'breach', severity: 'yellow', observedAt: T0 + n * MINUTE, details: { reason: 'silent' } }, T0 + n * MINUTE);
}

/** Raises the alert and resolves once it is announced. */
function raise(desk: AlertDesk, n: number, kind: EquipmentConditionKind = 'station_offline'): Promise<StoredAlertEvent> {
  const announced = firstValueFrom(desk.durable$);
  observeBreach(desk, n, kind);
  return announced;
}

/** Subscribes and keeps what arrives. */
function follow(desk: AlertDesk, afterSeq: number | undefined, wanted: (event: AlertEvent) => boolean = () => true) {
  const received: AlertMessageEvent[] = [];
  const ended = { completed: false, error: undefined as unknown };
  const subscription = alertStream(desk, afterSeq, wanted).subscribe({
    next: (message) => received.push(message),
    complete: () => (ended.completed = true),
    error: (error: unknown) => (ended.error = error),
  });
  return { received, ended, subscription, ids: () => received.map((m) => m.id) };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('alertStream', () => {
  it('without a last event id, sends only what happens from now on, as id, type and event', async () => {
    const { desk } = await deskWithHistory(2);
    const stream = follow(desk, undefined);
    const live = await raise(desk, 3);
    expect(stream.received).toEqual([{ id: '3', type: 'raised', data: live.event }]);
  });

  it.each([
    [0, ['1', '2', '3', '4']],
    [1, ['2', '3', '4']],
    [3, ['4']],
  ])('after id %d, sends the missed transitions first, then live ones', async (afterSeq, ids) => {
    const { desk } = await deskWithHistory(3);
    const stream = follow(desk, afterSeq);
    await settle();
    await raise(desk, 4);
    expect(stream.ids()).toEqual(ids);
    expect(stream.received.map((m) => m.data.subjectId)).toEqual(ids.map((id) => `7010000${id}`));
  });

  it.each([
    ['the read saw the log before the live transition', true],
    ['the read saw the live transition too', false],
  ])('leaves no gap and sends nothing twice when a transition arrives during the read (%s)', async (_, snapshotFirst) => {
    const { desk, log } = await deskWithHistory(3);
    const release = log.holdReads(snapshotFirst);
    const stream = follow(desk, 1);
    await raise(desk, 4);
    // The live transition waits for the missed ones; sending it first would let the client skip them.
    expect(stream.ids()).toEqual([]);

    release();
    await settle();
    expect(stream.ids()).toEqual(['2', '3', '4']);
    await raise(desk, 5);
    expect(stream.ids()).toEqual(['2', '3', '4', '5']);
  });

  it('drops the kinds the client did not ask for, among missed and live transitions alike', async () => {
    const { desk } = await deskWithHistory(0);
    await raise(desk, 1);
    await raise(desk, 2, 'battery_low');
    await raise(desk, 3);
    const stream = follow(desk, 0, (event) => event.kind === 'station_offline');
    await settle();
    await raise(desk, 4, 'battery_low');
    await raise(desk, 5);
    expect(stream.ids()).toEqual(['1', '3', '5']);
  });

  it('ends when the desk closes', async () => {
    const { desk } = await deskWithHistory(1);
    const stream = follow(desk, undefined);
    await desk.close();
    expect(stream.ended.completed).toBe(true);
  });

  it('stops listening to the desk when the client goes away', async () => {
    const { desk } = await deskWithHistory(1);
    const stream = follow(desk, undefined);
    stream.subscription.unsubscribe();
    const next = jest.fn();
    desk.durable$.subscribe(next);
    await raise(desk, 2);
    expect(next).toHaveBeenCalledTimes(1);
    expect(stream.received).toEqual([]);
  });

  it('fails the stream when the missed transitions cannot be read', async () => {
    const { desk, log } = await deskWithHistory(2);
    const down = new StoreUnavailableError('database is locked');
    log.failReads(down);
    const stream = follow(desk, 0);
    await settle();
    expect(stream.ended.error).toBe(down);
    expect(stream.received).toEqual([]);
  });
});
