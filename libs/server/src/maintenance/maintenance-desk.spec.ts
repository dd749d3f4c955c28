import { describe, expect, it } from '@jest/globals';
import {
  MaintenanceOverlapError,
  type MaintenanceWindow,
  NoOpenMaintenanceError,
  type OpenMaintenanceRequest,
  StationRegistry,
  UnknownMaintenanceWindowError,
  UnknownStationError,
} from '@hydro/domain';
import { sampleRiverStation } from '@hydro/domain/stations/__fixtures__/sample-river-station';
import { type EventLog, type EventQuery, type EventStream, type NewEvent, silentLog, type StoredEvent, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { MaintenanceDesk } from './maintenance-desk';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-04-02T09:00:00+08:00');

const RIVER = '70100001'; // cellular and BeiDou
const RAIN = '70500341'; // cellular only
const registry = new StationRegistry([
  sampleRiverStation(),
  sampleRiverStation({ id: RAIN, rtuAddress: '0070500341', name: '樟山下站', kind: 'rain', district: 'taishun', basin: 'feiyun', channels: ['cellular'] }),
]);

/** An event log that is not prepared (so nothing can be read) until `open` is called. */
class GatedEventLog implements EventLog {
  open: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  constructor(private readonly inner: EventLog) {}

  async prepare(): Promise<void> {
    await this.gate;
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

function deskOver(log: EventLog): MaintenanceDesk {
  return new MaintenanceDesk(log, new EventLogReadiness(log, silentLog), registry, silentLog);
}

const request = (overrides: Partial<OpenMaintenanceRequest> = {}): OpenMaintenanceRequest => ({
  stationId: RIVER,
  reason: 'replacing the battery',
  until: NOW + 4 * HOUR,
  actor: 'zhang.wei',
  ...overrides,
});

async function storedTypes(log: MemoryEventLog): Promise<unknown[]> {
  return (await log.read('maintenance')).map((e) => e.body['type']);
}

describe('MaintenanceDesk', () => {
  it.each([
    ['the whole station twice', 1, {}, {}],
    ['the same channel twice', 1, { channel: 'cellular' }, { channel: 'cellular' }],
    ['a channel and the whole station', 1, { channel: 'beidou' }, {}],
    ['the second starting one ms before the first ends', 1, { until: NOW + 2 * HOUR }, { from: NOW + 2 * HOUR - 1 }],
    ['each channel of a dual-channel station', 2, { channel: 'cellular' }, { channel: 'beidou' }],
    ['the second starting exactly when the first ends', 2, { until: NOW + 2 * HOUR }, { from: NOW + 2 * HOUR }],
    ['two different stations', 2, {}, { stationId: RAIN }],
  ])('given two requests at once for %s, opens %d', async (_, opened, first, second) => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const results = await Promise.allSettled([desk.open(request(first), NOW), desk.open(request(second), NOW)]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(opened);
    for (const refusal of rejected) expect(refusal.reason).toBeInstanceOf(MaintenanceOverlapError);
    expect(await storedTypes(log)).toEqual(Array(opened).fill('opened'));
    expect(desk.current.windows()).toHaveLength(opened);
  });

  it('resolves an open with the window as stored, numbered MW-1, MW-2…', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    const first = await desk.open(request({ channel: 'beidou' }), NOW);
    const second = await desk.open(request({ stationId: RAIN, reason: '  clearing the funnel ' }), NOW);
    expect(first).toEqual({ id: 'MW-1', stationId: RIVER, channel: 'beidou', reason: 'replacing the battery', from: NOW, until: NOW + 4 * HOUR, openedBy: 'zhang.wei' });
    expect(second).toMatchObject({ id: 'MW-2', stationId: RAIN, reason: 'clearing the funnel' });
    expect((await log.read('maintenance')).map((e) => [e.at, (e.body['window'] as MaintenanceWindow).id])).toEqual([
      [NOW, 'MW-1'],
      [NOW, 'MW-2'],
    ]);
  });

  it('folds the stream back after a restart into the same windows, and numbers on from there', async () => {
    const log = new MemoryEventLog();
    const before = deskOver(log);
    await before.open(request({ channel: 'cellular' }), NOW);
    await before.open(request({ stationId: RAIN, until: NOW + 48 * HOUR }), NOW);
    await before.end({ windowId: 'MW-1' }, 'li.na', 'antenna fixed early', NOW + HOUR);
    const windows = before.current.windows();

    const after = deskOver(log.reopened());
    await after.ready;
    expect(after.current.windows()).toEqual(windows);
    expect(after.current.get('MW-1')).toMatchObject({ endedAt: NOW + HOUR, endedBy: 'li.na' });
    expect((await after.open(request({ channel: 'beidou' }), NOW + 2 * HOUR)).id).toBe('MW-3');
  });

  it('puts nothing under maintenance until the stream is read, and checks new windows against what it holds', async () => {
    const log = new MemoryEventLog();
    await deskOver(log).open(request(), NOW);

    const restarted = new GatedEventLog(log.reopened());
    const desk = deskOver(restarted);
    expect(desk.isUnderMaintenance(RIVER, undefined, NOW + HOUR)).toBe(false);
    const overlapping = desk.open(request({ from: NOW + HOUR }), NOW + HOUR);
    restarted.open();
    await desk.ready;
    expect(desk.isUnderMaintenance(RIVER, undefined, NOW + HOUR)).toBe(true);
    // Checked against an empty calendar it would have opened a second window over the first.
    await expect(overlapping).rejects.toBeInstanceOf(MaintenanceOverlapError);
    expect(await storedTypes(log)).toEqual(['opened']);
  });

  it.each([
    ['1 ms before it starts', NOW - 1, false],
    ['as it starts', NOW, true],
    ['1 ms before its end', NOW + 4 * HOUR - 1, true],
    ['at its end', NOW + 4 * HOUR, false],
  ])('with a whole-station window of 4 h, %s the station is under maintenance: %s', async (_, at, expected) => {
    const desk = deskOver(new MemoryEventLog());
    await desk.open(request(), NOW);
    expect(desk.isUnderMaintenance(RIVER, undefined, at)).toBe(expected);
    expect(desk.isUnderMaintenance(RIVER, 'cellular', at)).toBe(expected);
    expect(desk.isUnderMaintenance(RAIN, undefined, at)).toBe(false);
  });

  it.each([
    ['1 ms before', NOW + HOUR - 1, true],
    ['at', NOW + HOUR, false],
  ])('with a window ended early, %s the moment it was ended the station is under maintenance: %s', async (_, at, expected) => {
    const desk = deskOver(new MemoryEventLog());
    await desk.open(request(), NOW);
    await desk.end({ stationId: RIVER }, 'li.na', undefined, NOW + HOUR);
    expect(desk.isUnderMaintenance(RIVER, undefined, at)).toBe(expected);
  });

  it.each([
    [['cellular'], 'cellular', true],
    [['cellular'], 'beidou', false],
    [['cellular'], undefined, false],
    [['cellular', 'beidou'], undefined, true],
  ] as const)('with windows on %j, asked about %s, says under maintenance: %s', async (channels, asked, expected) => {
    const desk = deskOver(new MemoryEventLog());
    for (const channel of channels) await desk.open(request({ channel }), NOW);
    expect(desk.isUnderMaintenance(RIVER, asked, NOW + MINUTE)).toBe(expected);
  });

  it('keeps nothing of an open the store did not take, and opens the same window again afterwards', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    await desk.ready;
    log.failNext(1, new StoreUnavailableError('database is locked'));
    await expect(desk.open(request(), NOW)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(desk.current.windows()).toEqual([]);
    expect(desk.isUnderMaintenance(RIVER, undefined, NOW)).toBe(false);
    expect((await desk.open(request(), NOW)).id).toBe('MW-1');
    expect(await storedTypes(log)).toEqual(['opened']);
  });

  it('rejects a request the calendar refuses, and appends nothing', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    await expect(desk.open(request({ stationId: '70999999' }), NOW)).rejects.toBeInstanceOf(UnknownStationError);
    await expect(desk.end({ stationId: RIVER }, 'li.na', undefined, NOW)).rejects.toBeInstanceOf(NoOpenMaintenanceError);
    await expect(desk.end({ windowId: 'MW-9' }, 'li.na', undefined, NOW)).rejects.toBeInstanceOf(UnknownMaintenanceWindowError);
    expect(await log.read('maintenance')).toEqual([]);
  });

  it('ends the one open window of a station, saying who and when', async () => {
    const log = new MemoryEventLog();
    const desk = deskOver(log);
    await desk.open(request(), NOW);
    const ended = await desk.end({ stationId: RIVER }, 'li.na', 'battery replaced', NOW + HOUR);
    expect(ended).toMatchObject({ id: 'MW-1', endedAt: NOW + HOUR, endedBy: 'li.na' });
    expect((await log.read('maintenance')).map((e) => e.body)).toEqual([
      expect.objectContaining({ type: 'opened' }),
      { type: 'ended', windowId: 'MW-1', at: NOW + HOUR, actor: 'li.na', reason: 'battery replaced' },
    ]);
  });
});
