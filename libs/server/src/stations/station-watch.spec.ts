import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { type Arrival, type Channel, type Reading, type Station, StationRegistry, type TelemetryOutcome } from '@hydro/domain';
import { sampleRiverStation } from '@hydro/domain/stations/__fixtures__/sample-river-station';
import { type Log, silentLog, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { MemoryReadingStore } from '@hydro/ingestion/store/memory-reading-store';
import { firstValueFrom, take, toArray } from 'rxjs';
import { AlertDesk, type StoredAlertEvent } from '../alerts/alert-desk';
import { alertPolicyFor } from '../alerts/alert-policies';
import { MaintenanceDesk } from '../maintenance/maintenance-desk';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { type SweepPacing, StationWatch } from './station-watch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-06-21T15:00:00+08:00');

const station = (id: string, overrides: Partial<Station> = {}): Station => sampleRiverStation({ id, rtuAddress: `00${id}`, ...overrides });

/** Reports over both links, every 5 minutes. */
const WENXI = station('70100001');
/** Cellular a little late, BeiDou silent for 50 minutes: carried by one channel. */
const SHATOU = station('70100002', { name: '沙头站' });
/** A rain gauge in the Taishun mountains, silent for two hours. */
const ZHANGSHAN = station('70500341', { name: '樟山下站', kind: 'rain', district: 'taishun', basin: 'feiyun', channels: ['cellular'], elements: ['rainfall'] });
/** Never heard from. */
const BAIZHANG = station('70500342', { name: '百丈漈站', kind: 'rain', district: 'wencheng', basin: 'feiyun', channels: ['cellular'], elements: ['rainfall'] });
/** Silent, but under maintenance. */
const SHANXI = station('70200003', { name: '珊溪水库', kind: 'reservoir', district: 'wencheng', basin: 'feiyun', channels: ['cellular'] });
const registry = new StationRegistry([WENXI, SHATOU, ZHANGSHAN, BAIZHANG, SHANXI]);

const arrival = (stationId: string, channel: Channel, receivedAt: number): Arrival => ({ stationId, channel, observedAt: receivedAt, receivedAt, onSchedule: true });
const battery = (stationId: string, observedAt: number, value: number): Reading => ({ stationId, element: 'battery_voltage', observedAt, value, quality: 'good' });

/** What the store holds when the centre restarts at NOW. */
async function storeWithHistory(): Promise<MemoryReadingStore> {
  const store = new MemoryReadingStore();
  await store.prepare();
  await store.write({
    arrivals: [
      arrival(WENXI.id, 'cellular', NOW - 6 * MINUTE),
      arrival(WENXI.id, 'cellular', NOW - MINUTE),
      arrival(WENXI.id, 'beidou', NOW - 20 * MINUTE),
      arrival(SHATOU.id, 'cellular', NOW - 10 * MINUTE),
      arrival(SHATOU.id, 'beidou', NOW - 50 * MINUTE),
      arrival(ZHANGSHAN.id, 'cellular', NOW - 2 * HOUR),
      arrival(SHANXI.id, 'cellular', NOW - 3 * HOUR),
    ],
    readings: [battery(WENXI.id, NOW - 2 * HOUR, 12.1), battery(WENXI.id, NOW - MINUTE, 11.2)],
    deadLetters: [],
  });
  return store;
}

function recordingLog(): Log & { warn: jest.Mock<Log['warn']> } {
  return { log: jest.fn(), warn: jest.fn<Log['warn']>(), error: jest.fn() };
}

interface Centre {
  readonly watch: StationWatch;
  readonly desk: AlertDesk;
  readonly maintenance: MaintenanceDesk;
  readonly alerts: MemoryEventLog;
}

const desks: AlertDesk[] = [];

afterEach(async () => {
  jest.useRealTimers();
  for (const desk of desks.splice(0)) await desk.close();
});

/** Station health, maintenance and the alert desk wired as the stations module wires them; SHANXI under maintenance. */
async function centre(store: MemoryReadingStore, storePrepared: Promise<void> = Promise.resolve(), log: Log = silentLog, pacing?: SweepPacing): Promise<Centre> {
  const events = new MemoryEventLog();
  const readiness = new EventLogReadiness(events, silentLog);
  const maintenance = new MaintenanceDesk(events, readiness, registry, silentLog);
  await maintenance.open({ stationId: SHANXI.id, reason: 'dam gauge recalibration', until: NOW + 24 * HOUR, actor: 'zhang.wei' }, NOW - MINUTE);
  const desk = new AlertDesk(
    events,
    readiness,
    {
      policyFor: (ruleId) => alertPolicyFor(ruleId),
      isSuppressed: (stationIds, at) => stationIds.length > 0 && stationIds.every((id) => maintenance.isUnderMaintenance(id, undefined, at)),
    },
    silentLog,
  );
  desks.push(desk);
  await desk.ready;
  const watch = new StationWatch(registry, store, maintenance, desk, log, NOW, storePrepared, pacing);
  return { watch, desk, maintenance, alerts: events };
}

function announced(desk: AlertDesk, count: number): Promise<StoredAlertEvent[]> {
  return firstValueFrom(desk.durable$.pipe(take(count), toArray()));
}

describe('StationWatch', () => {
  it('rebuilds every station’s status from the store at start-up', async () => {
    const { watch } = await centre(await storeWithHistory());
    await watch.ready;
    const snapshots = new Map((await watch.snapshots(NOW)).map((s) => [s.stationId, s]));
    expect([...snapshots.values()].map((s) => [s.stationId, s.status])).toEqual([
      [WENXI.id, 'online'],
      [SHATOU.id, 'late'],
      [ZHANGSHAN.id, 'offline'],
      [BAIZHANG.id, 'offline'],
      [SHANXI.id, 'maintenance'],
    ]);
    expect(snapshots.get(WENXI.id)).toMatchObject({ lastReceivedAt: NOW - MINUTE, battery: { latestVolts: 11.2 } });
    expect(snapshots.get(SHATOU.id)?.degradedChannels).toEqual(['beidou']);
    expect(snapshots.get(ZHANGSHAN.id)).toMatchObject({ neverReported: false, lastReceivedAt: NOW - 2 * HOUR });
    expect(snapshots.get(BAIZHANG.id)).toMatchObject({ neverReported: true, lastReceivedAt: undefined });
  });

  // A 5-minute cellular gauge is late from one missed report (interval + 2 min allowance) and offline from three.
  it.each([
    ['6 min 59.999 s', 'online', 7 * MINUTE - 1],
    ['7 min', 'late', 7 * MINUTE],
    ['16 min 59.999 s', 'late', 17 * MINUTE - 1],
    ['17 min', 'offline', 17 * MINUTE],
  ])('counts silence from the receipt time restored: last heard %s before, it is %s', async (_, status, silentFor) => {
    const store = new MemoryReadingStore();
    await store.prepare();
    await store.write({ arrivals: [{ stationId: ZHANGSHAN.id, channel: 'cellular', observedAt: NOW - 3 * HOUR, receivedAt: NOW - silentFor, onSchedule: false }], readings: [], deadLetters: [] });
    const { watch } = await centre(store);
    await watch.ready;
    expect(watch.snapshot(ZHANGSHAN.id, NOW)?.status).toBe(status);
  });

  it('does not sweep before the store has been read: every station would look silent', async () => {
    let prepared: () => void = () => undefined;
    const storePrepared = new Promise<void>((resolve) => (prepared = resolve));
    const { watch, desk, alerts } = await centre(await storeWithHistory(), storePrepared);
    expect(watch.latest(NOW).counts.stations.offline).toBe(4);
    expect(await watch.sweep(NOW)).toBeUndefined();

    prepared();
    await watch.ready;
    const sweep = await watch.sweep(NOW);
    expect(sweep?.at).toBe(NOW);
    expect(sweep?.counts.stations).toMatchObject({ online: 1, late: 1, offline: 2, maintenance: 1 });
    await desk.close();
    // Only the restored picture's alerts: an early sweep would have called the reporting gauges offline too.
    expect((await alerts.read('alerts')).filter((e) => e.body['kind'] === 'station_offline').map((e) => e.body['subjectId'])).toEqual([ZHANGSHAN.id]);
  });

  it('hands the sweep’s equipment conditions to the alert desk, which raises them with district and basin', async () => {
    const { watch, desk } = await centre(await storeWithHistory());
    await watch.ready;
    const raised = announced(desk, 3);
    await watch.sweep(NOW);
    const events = (await raised).map((e) => e.event);
    expect(events.every((e) => e.type === 'raised' && e.at === NOW && e.observedAt === NOW)).toBe(true);
    expect(desk.list({}).map((a) => [a.ruleId, a.kind, a.subjectId, a.stationIds, a.district, a.basin, a.severity]).sort()).toEqual([
      ['equipment.battery_low', 'battery_low', WENXI.id, [WENXI.id], 'yongjia', 'ou', 'yellow'],
      ['equipment.channel_down', 'channel_down', `${SHATOU.id}:beidou`, [SHATOU.id], 'yongjia', 'ou', 'blue'],
      ['equipment.station_offline', 'station_offline', ZHANGSHAN.id, [ZHANGSHAN.id], 'taishun', 'feiyun', 'yellow'],
    ]);
    // The silent reservoir gauge is under maintenance: nothing about it.
    expect(desk.list({ includeClosed: true }).some((a) => a.stationIds.includes(SHANXI.id))).toBe(false);
  });

  it('raises each condition once however often it sweeps, and resolves it when the station reports again', async () => {
    const { watch, desk, alerts } = await centre(await storeWithHistory());
    await watch.ready;
    const raised = announced(desk, 3);
    await watch.sweep(NOW);
    await raised;
    await watch.sweep(NOW + 30_000);

    const report: TelemetryOutcome = { arrivals: [arrival(ZHANGSHAN.id, 'cellular', NOW + 40_000)], readings: [], deadLetters: [] };
    watch.accept(report);
    const resolved = announced(desk, 1);
    await watch.sweep(NOW + MINUTE);
    expect((await resolved).map((e) => [e.event.type, e.event.subjectId])).toEqual([['resolved', ZHANGSHAN.id]]);
    await desk.close();
    expect(await alerts.read('alerts')).toHaveLength(4);
  });

  it.each([
    ['1 ms before it has missed three 5-minute reports (and the BeiDou allowance) since the start', 3 * 5 * MINUTE + 30 * MINUTE - 1, false],
    ['once it has', 3 * 5 * MINUTE + 30 * MINUTE, true],
  ])('reports a station never heard from as offline only %s', async (_, sinceStart, raised) => {
    const { watch, desk, alerts } = await centre(await storeWithHistory());
    await watch.ready;
    await watch.sweep(NOW + sinceStart);
    await desk.close();
    const offline = (await alerts.read('alerts')).filter((e) => e.body['kind'] === 'station_offline').map((e) => e.body['subjectId']);
    expect(offline.includes(BAIZHANG.id)).toBe(raised);
    expect(offline).toContain(ZHANGSHAN.id);
  });

  it('follows every accepted report: a station never heard from is online once it reports', async () => {
    const { watch } = await centre(await storeWithHistory());
    await watch.ready;
    watch.accept({ arrivals: [arrival(BAIZHANG.id, 'cellular', NOW)], readings: [{ stationId: BAIZHANG.id, element: 'rainfall', observedAt: NOW, value: 4.5, quality: 'good' }], deadLetters: [] });
    expect(watch.snapshot(BAIZHANG.id, NOW + MINUTE)).toMatchObject({ status: 'online', neverReported: false, lastReceivedAt: NOW });
    expect(watch.snapshot(BAIZHANG.id, NOW + MINUTE)?.latest.rainfall?.value).toBe(4.5);
  });

  it('spreads a sweep over turns of the event loop, handing the desk at most a slice of conditions per turn', async () => {
    const { watch, desk } = await centre(await storeWithHistory(), Promise.resolve(), silentLog, { stationsPerTurn: 1, conditionsPerTurn: 2 });
    await watch.ready;
    const observe = jest.spyOn(desk, 'observe');
    let done = false;
    const sweep = watch.sweep(NOW).finally(() => (done = true));
    const seenAtEachTurn: number[] = [];
    while (!done) {
      seenAtEachTurn.push(observe.mock.calls.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await sweep;
    const steps = seenAtEachTurn.slice(1).map((n, i) => n - seenAtEachTurn[i]!);
    expect(observe.mock.calls.length).toBeGreaterThan(4);
    expect(Math.max(...steps)).toBeLessThanOrEqual(2);
    // Four shards (the two Ou river gauges share one) before the first condition is handed over.
    expect(seenAtEachTurn.slice(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('assesses the stations for the API a shard per turn, all of them in registry order', async () => {
    const { watch } = await centre(await storeWithHistory(), Promise.resolve(), silentLog, { stationsPerTurn: 1, conditionsPerTurn: 1 });
    await watch.ready;
    let turns = 0;
    let done = false;
    const snapshots = watch.snapshots(NOW).finally(() => (done = true));
    while (!done) {
      turns += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await snapshots).map((s) => s.stationId)).toEqual(registry.all().map((s) => s.id));
    // Four shards (the two Ou river gauges share one): three turns between them.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('runs a sweep asked for while one is under way after it, never interleaved', async () => {
    const { watch, desk } = await centre(await storeWithHistory(), Promise.resolve(), silentLog, { stationsPerTurn: 1, conditionsPerTurn: 1 });
    await watch.ready;
    const observe = jest.spyOn(desk, 'observe');
    const [first, second] = await Promise.all([watch.sweep(NOW), watch.sweep(NOW + MINUTE)]);
    expect([first?.at, second?.at]).toEqual([NOW, NOW + MINUTE]);
    const times = observe.mock.calls.map((call) => call[2]);
    expect(times.indexOf(NOW + MINUTE)).toBe(times.lastIndexOf(NOW) + 1);
    expect(new Set(times)).toEqual(new Set([NOW, NOW + MINUTE]));
  });

  it('keeps the last sweep for the gauges', async () => {
    const { watch } = await centre(await storeWithHistory());
    await watch.ready;
    const sweep = await watch.sweep(NOW);
    expect(watch.latest(NOW + HOUR)).toBe(sweep);
  });

  it('retries the restore while the store cannot be read, and sweeps only once it succeeds', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const store = await storeWithHistory();
    store.failNext(2, new StoreUnavailableError('ECONNREFUSED 127.0.0.1:8086'), 'read');
    const log = recordingLog();
    const { watch } = await centre(store, Promise.resolve(), log);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await watch.sweep(NOW)).toBeUndefined();
    expect(log.warn).toHaveBeenCalledWith('station health waits for the store: ECONNREFUSED 127.0.0.1:8086', 'StationWatch');

    await jest.advanceTimersByTimeAsync(60_000);
    await watch.ready;
    expect((await watch.sweep(NOW))?.counts.stations.offline).toBe(2);
  });
});
