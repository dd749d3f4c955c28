import {
  type HealthStatus,
  type Station,
  type StationHealthSnapshot,
  type StationKind,
  type Channel,
} from '@hydro/domain';

export const STATION_SORTS = ['status', 'silence', 'id'] as const;
export type StationSort = (typeof STATION_SORTS)[number];

export interface StationFilter {
  readonly status?: readonly HealthStatus[];
  readonly district?: string;
  readonly basin?: string;
  readonly kind?: readonly StationKind[];
  /** Stations that have this channel. */
  readonly channel?: Channel;
  /** Only stations with a channel that is not online (a dual-channel station limping on one link). */
  readonly degraded?: boolean;
  /** Part of the id, name or RTU address, case-insensitive. */
  readonly text?: string;
}

/** One line of the maintainers' station list. */
export interface StationListItem {
  readonly id: string;
  readonly name: string;
  readonly kind: StationKind;
  readonly district: string;
  readonly basin: string;
  readonly status: HealthStatus;
  readonly since: number | undefined;
  readonly lastReceivedAt: number | undefined;
  readonly lastObservedAt: number | undefined;
  /** Now minus the last receipt; undefined when never heard from. */
  readonly silentForMs: number | undefined;
  readonly neverReported: boolean;
  readonly channels: StationHealthSnapshot['channels'];
  readonly degradedChannels: readonly Channel[];
  readonly findings: readonly string[];
  readonly batteryVolts: number | undefined;
}

/** Offline first, then late, maintenance, online: where a maintainer's trip is needed most. */
const STATUS_ORDER: Readonly<Record<HealthStatus, number>> = { offline: 0, late: 1, maintenance: 2, online: 3 };

export function listStations(stations: readonly Station[], snapshots: ReadonlyMap<string, StationHealthSnapshot>, filter: StationFilter, sort: StationSort, now: number): StationListItem[] {
  const text = filter.text?.trim().toLowerCase();
  const items: StationListItem[] = [];
  for (const station of stations) {
    const health = snapshots.get(station.id);
    if (health === undefined) continue;
    if (filter.status !== undefined && !filter.status.includes(health.status)) continue;
    if (filter.district !== undefined && station.district !== filter.district) continue;
    if (filter.basin !== undefined && station.basin !== filter.basin) continue;
    if (filter.kind !== undefined && !filter.kind.includes(station.kind)) continue;
    if (filter.channel !== undefined && !station.channels.includes(filter.channel)) continue;
    if (filter.degraded === true && health.degradedChannels.length === 0) continue;
    if (text !== undefined && text !== '' && ![station.id, station.name, station.rtuAddress].some((v) => v.toLowerCase().includes(text))) continue;
    items.push({
      id: station.id,
      name: station.name,
      kind: station.kind,
      district: station.district,
      basin: station.basin,
      status: health.status,
      since: health.since,
      lastReceivedAt: health.lastReceivedAt,
      lastObservedAt: health.lastObservedAt,
      silentForMs: health.lastReceivedAt === undefined ? undefined : now - health.lastReceivedAt,
      neverReported: health.neverReported,
      channels: health.channels,
      degradedChannels: health.degradedChannels,
      findings: health.findings.map((f) => f.kind),
      batteryVolts: health.battery?.latestVolts,
    });
  }
  return items.sort(comparator(sort));
}

function comparator(sort: StationSort): (a: StationListItem, b: StationListItem) => number {
  const silence = (i: StationListItem): number => i.silentForMs ?? Number.POSITIVE_INFINITY;
  const byId = (a: StationListItem, b: StationListItem): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || silence(b) - silence(a) || byId(a, b);
    case 'silence':
      return (a, b) => silence(b) - silence(a) || byId(a, b);
    case 'id':
      return byId;
  }
}
