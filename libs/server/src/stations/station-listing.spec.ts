import { describe, expect, it } from '@jest/globals';
import type { HealthStatus, Station, StationHealthSnapshot } from '@hydro/domain';
import { sampleRiverStation } from '@hydro/domain/stations/__fixtures__/sample-river-station';
import { listStations, type StationFilter } from './station-listing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-08-01T10:00:00+08:00');

const station = (id: string, overrides: Partial<Station> = {}): Station => sampleRiverStation({ id, rtuAddress: `00${id}`, ...overrides });

const A = station('70100001'); // 温溪站, river, Yongjia, Ou, cellular + BeiDou
const B = station('70100002', { name: '沙头站' });
const C = station('70500341', { name: '樟山下站', kind: 'rain', district: 'taishun', basin: 'feiyun', channels: ['cellular'] });
const D = station('70500342', { name: '百丈漈站', kind: 'rain', district: 'taishun', basin: 'feiyun', channels: ['cellular'] });
const E = station('70300007', { name: '洞头潮位站', kind: 'tide', district: 'dongtou', basin: 'coastal', rtuAddress: '00703000AB' });
const F = station('70200003', { name: '珊溪水库', kind: 'reservoir', district: 'wencheng', basin: 'feiyun', channels: ['cellular'] });
/** In the registry, but not assessed (yet): left out. */
const G = station('70100009');
const STATIONS = [A, B, C, D, E, F, G];

function health(of: Station, status: HealthStatus, lastReceivedAt: number | undefined, overrides: Partial<StationHealthSnapshot> = {}): StationHealthSnapshot {
  return {
    stationId: of.id,
    kind: of.kind,
    district: of.district,
    basin: of.basin,
    at: NOW,
    status,
    since: lastReceivedAt,
    neverReported: lastReceivedAt === undefined,
    channels: of.channels.map((channel) => ({ channel, status, since: lastReceivedAt, lastReceivedAt, neverReported: lastReceivedAt === undefined, missedReports: 0 })),
    degradedChannels: [],
    lastReceivedAt,
    lastObservedAt: lastReceivedAt,
    clockDrift: undefined,
    battery: undefined,
    latest: {},
    findings: [],
    ...overrides,
  };
}

const SNAPSHOTS = new Map<string, StationHealthSnapshot>(
  [
    health(A, 'online', NOW - MINUTE),
    health(B, 'online', NOW - 2 * MINUTE, { degradedChannels: ['beidou'] }),
    health(C, 'offline', NOW - 3 * HOUR),
    health(D, 'offline', undefined),
    health(E, 'late', NOW - 10 * MINUTE),
    health(F, 'maintenance', NOW - 48 * HOUR),
  ].map((s) => [s.stationId, s]),
);

const idsOf = (filter: StationFilter): string[] => listStations(STATIONS, SNAPSHOTS, filter, 'id', NOW).map((i) => i.id);

describe('listStations', () => {
  it.each<[string, StationFilter, string[]]>([
    ['no filter: every assessed station', {}, [A.id, B.id, F.id, E.id, C.id, D.id]],
    ['one status', { status: ['offline'] }, [C.id, D.id]],
    ['several statuses', { status: ['late', 'maintenance'] }, [F.id, E.id]],
    ['a district', { district: 'taishun' }, [C.id, D.id]],
    ['a basin', { basin: 'feiyun' }, [F.id, C.id, D.id]],
    ['a kind', { kind: ['rain'] }, [C.id, D.id]],
    ['several kinds', { kind: ['tide', 'reservoir'] }, [F.id, E.id]],
    ['stations with a BeiDou channel', { channel: 'beidou' }, [A.id, B.id, E.id]],
    ['stations limping on one channel', { degraded: true }, [B.id]],
    ['degraded false, which filters nothing', { degraded: false }, [A.id, B.id, F.id, E.id, C.id, D.id]],
    ['part of a name', { text: '温溪' }, [A.id]],
    ['part of an id', { text: '7050034' }, [C.id, D.id]],
    ['an RTU address, whatever its case, with spaces around', { text: '  00703000ab ' }, [E.id]],
    ['blank text, which filters nothing', { text: '   ' }, [A.id, B.id, F.id, E.id, C.id, D.id]],
    ['several at once, all of which must hold', { district: 'taishun', status: ['offline'], text: '341' }, [C.id]],
    ['a district with no stations', { district: 'lucheng' }, []],
  ])('filters by %s', (_, filter, expected) => {
    expect(idsOf(filter)).toEqual(expected);
  });

  it('says how long each station has been silent, and marks one never heard from', () => {
    const items = new Map(listStations(STATIONS, SNAPSHOTS, {}, 'id', NOW).map((i) => [i.id, i]));
    expect(items.get(C.id)).toMatchObject({ status: 'offline', silentForMs: 3 * HOUR, lastReceivedAt: NOW - 3 * HOUR, neverReported: false });
    expect(items.get(D.id)).toMatchObject({ status: 'offline', silentForMs: undefined, lastReceivedAt: undefined, neverReported: true });
    expect(items.get(B.id)).toMatchObject({ name: '沙头站', kind: 'river', district: 'yongjia', basin: 'ou', degradedChannels: ['beidou'] });
  });

  it('lists the kinds of the findings and the latest battery voltage', () => {
    const snapshots = new Map([
      [
        A.id,
        health(A, 'online', NOW - MINUTE, {
          battery: { latestVolts: 11.2, latestAt: NOW - MINUTE, trendVoltsPerHour: -0.08, trendPoints: 24 },
          findings: [
            { kind: 'battery_low', element: 'battery_voltage', since: NOW - 2 * HOUR, reason: 'battery 11.2 V' },
            { kind: 'stuck', element: 'water_level', since: NOW - 7 * HOUR, reason: 'water level flat at 3.21 m for 7 h' },
          ],
        }),
      ],
    ]);
    const [item] = listStations([A], snapshots, {}, 'id', NOW);
    expect(item).toMatchObject({ batteryVolts: 11.2, findings: ['battery_low', 'stuck'] });
  });

  it.each([
    ['status', [D.id, C.id, E.id, F.id, B.id, A.id]],
    ['silence', [D.id, F.id, C.id, E.id, B.id, A.id]],
    ['id', [A.id, B.id, F.id, E.id, C.id, D.id]],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(listStations(STATIONS, SNAPSHOTS, {}, sort, NOW).map((i) => i.id)).toEqual(expected);
  });

  it.each([
    ['status', 'offline'],
    ['silence', 'offline'],
    ['status', 'online'],
  ] as const)('by %s, puts a station silent 1 ms longer first, whatever its id (both %s)', (sort, status) => {
    const snapshots = new Map([
      [A.id, health(A, status, NOW - HOUR)],
      [B.id, health(B, status, NOW - HOUR - 1)],
    ]);
    expect(listStations([A, B], snapshots, {}, sort, NOW).map((i) => i.id)).toEqual([B.id, A.id]);
  });

  it.each([
    ['status', 'both last heard an hour ago', NOW - HOUR],
    ['silence', 'both last heard an hour ago', NOW - HOUR],
    ['status', 'neither ever heard from', undefined],
    ['silence', 'neither ever heard from', undefined],
  ] as const)('by %s, orders stations equally silent (%s) by id', (sort, _, lastReceivedAt) => {
    const snapshots = new Map([
      [B.id, health(B, 'offline', lastReceivedAt)],
      [A.id, health(A, 'offline', lastReceivedAt)],
    ]);
    expect(listStations([B, A], snapshots, {}, sort, NOW).map((i) => i.id)).toEqual([A.id, B.id]);
  });

  it('by status, puts an offline station that just went quiet before a late one silent far longer', () => {
    const snapshots = new Map([
      [A.id, health(A, 'late', NOW - 48 * HOUR)],
      [B.id, health(B, 'offline', NOW - 20 * MINUTE)],
    ]);
    expect(listStations([A, B], snapshots, {}, 'status', NOW).map((i) => i.id)).toEqual([B.id, A.id]);
  });
});
