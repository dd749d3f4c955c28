import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Station } from '@hydro/domain';
import type { AlertView, ApiErrorView, AuditEntryView, IssuedTokenView, MaintenanceWindowView, StationDetailView, StationListView } from './support/api-views';
import type { ApiAnswer } from './support/centre-api';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { SqliteReadingStore } from '@hydro/ingestion';
import { issueToken } from './support/issue-token';
import { historyBatch, seedStore } from './support/seeded-history';
import { pickStations } from './support/station-picks';
import { waitFor } from './support/wait-for';

/**
 * Maintenance windows as a maintainer uses them: a station taken out of service raises no offline alert and
 * lists as under maintenance; wrong requests are refused with the field to fix; ending a window puts the
 * station back under watch. Two identical silent stations, one under maintenance, show the difference.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const [serviced, twin, dual, spare] = pickStations([
  { intervalMinutes: 5, channels: ['cellular'] },
  { intervalMinutes: 5, channels: ['cellular'] },
  { intervalMinutes: 5, channels: ['cellular', 'beidou'] },
  { intervalMinutes: 60, channels: ['cellular'] },
]) as [Station, Station, Station, Station];

const iso = (at: number): string => new Date(at).toISOString();

describe('station maintenance windows', () => {
  let centre: CentreUnderTest;
  let maintainer: IssuedTokenView;
  let opened: { answer: ApiAnswer; requestedAt: number; answeredAt: number; until: number };
  const open = (stationId: string, body: Record<string, unknown>): Promise<ApiAnswer> =>
    centre.api.post(`/api/stations/${stationId}/maintenance`, { token: maintainer.token, body });
  const alerts = (): Promise<AlertView[]> => centre.api.json<AlertView[]>('GET', '/api/alerts', { token: ADMIN_TOKEN });
  const statusOf = async (id: string): Promise<string | undefined> =>
    (await centre.api.json<StationListView>('GET', `/api/stations?q=${id}`, { token: ADMIN_TOKEN })).stations[0]?.status;

  beforeAll(async () => {
    centre = await CentreUnderTest.prepare({ stations: [serviced, twin, dual, spare] });
    // Both silent for 20 minutes already (a station never heard from is first given time to report).
    const silentSince = Date.now() - 20 * MINUTE;
    await seedStore(
      new SqliteReadingStore({ file: centre.sqliteFile }),
      historyBatch([serviced, twin].map((station) => ({ station, channel: 'cellular' as const, lastReceivedAt: silentSince }))),
    );
    await centre.start();
    maintainer = await issueToken(centre.api, 'Chen Wei (maintenance team 3)', 'maintainer');
    // Opened straight away: the first health sweep comes 30 s after start.
    const until = Date.now() + 4 * HOUR;
    const requestedAt = Date.now();
    const answer = await open(serviced.id, { reason: 'replacing the solar panel', until: iso(until) });
    opened = { answer, requestedAt, answeredAt: Date.now(), until };
    await centre.settled();
  });

  afterAll(async () => {
    await centre?.dispose();
  });

  const window = (): MaintenanceWindowView => opened.answer.json as MaintenanceWindowView;

  it('opens a whole-station window for a maintainer, named on it, from now until the planned end', () => {
    expect(opened.answer.status).toBe(201);
    expect(window()).toMatchObject({ stationId: serviced.id, reason: 'replacing the solar panel', until: opened.until, openedBy: 'Chen Wei (maintenance team 3)' });
    expect(window().id).toMatch(/^MW-\d+$/);
    expect(window().channel).toBeUndefined();
    expect(window().from).toBeGreaterThanOrEqual(opened.requestedAt);
    expect(window().from).toBeLessThanOrEqual(opened.answeredAt);
  });

  it('lists the station under maintenance in the station list, its detail and the active windows', async () => {
    const underMaintenance = await centre.api.json<StationListView>('GET', '/api/stations?status=maintenance', { token: ADMIN_TOKEN });
    expect(underMaintenance.stations.map((s) => s.id)).toEqual([serviced.id]);
    const detail = await centre.api.json<StationDetailView>('GET', `/api/stations/${serviced.id}`, { token: ADMIN_TOKEN });
    expect(detail.health.status).toBe('maintenance');
    expect(detail.maintenance.map((w) => w.id)).toEqual([window().id]);
    const active = await centre.api.json<MaintenanceWindowView[]>('GET', '/api/maintenance?active=true', { token: ADMIN_TOKEN });
    expect(active.map((w) => w.id)).toEqual([window().id]);
  });

  it('raises no offline alert for the station under maintenance, while its silent twin raises one', async () => {
    const twinAlert = await waitFor(async () => (await alerts()).find((a) => a.kind === 'station_offline' && a.subjectId === twin.id), (a) => a !== undefined, 'the first sweep to raise the twin offline');
    // The window was open before that sweep; otherwise this test would prove nothing.
    expect(window().from).toBeLessThan(twinAlert!.raisedAt);
    expect((await alerts()).filter((a) => a.stationIds.includes(serviced.id))).toEqual([]);
  });

  it.each([
    ['a station not in the registry', '79999999', () => ({ reason: 'check', until: iso(Date.now() + HOUR) }), 404, 'stationId', '79999999'],
    ['an end in the past', 'spare', () => ({ reason: 'check', until: iso(Date.now() - MINUTE) }), 400, 'until', 'not in the future'],
    ['an end before the start', 'spare', () => ({ reason: 'check', from: iso(Date.now() + 2 * HOUR), until: iso(Date.now() + HOUR) }), 400, 'until', 'after the start'],
    ['an end that is not a date', 'spare', () => ({ reason: 'check', until: '2030-02-30T10:00:00+08:00' }), 400, 'until', 'ISO 8601'],
    ['an end without a UTC offset', 'spare', () => ({ reason: 'check', until: '2030-01-01T10:00:00' }), 400, 'until', '+08:00'],
    ['a start more than 5 minutes ago', 'spare', () => ({ reason: 'check', from: iso(Date.now() - 6 * MINUTE), until: iso(Date.now() + HOUR) }), 400, 'from', 'backdated'],
    ['a channel the station does not have', 'spare', () => ({ channel: 'beidou', reason: 'check', until: iso(Date.now() + HOUR) }), 400, 'channel', 'cellular'],
    ['a reason of blanks', 'spare', () => ({ reason: '   ', until: iso(Date.now() + HOUR) }), 400, 'reason', 'why'],
  ] as const)('refuses a window with %s', async (_what, stationKey, body, status, field, mentioned) => {
    const stationId = stationKey === 'spare' ? spare.id : stationKey;
    const answer = await open(stationId, body());
    expect(answer.status).toBe(status);
    expect((answer.json as ApiErrorView).field).toBe(field);
    expect(messageOf(answer)).toContain(mentioned);
  });

  it.each([
    ['no planned end', { reason: 'check' }, 'until'],
    ['a channel that does not exist', { channel: 'satellite', reason: 'check', until: '2030-01-01T10:00:00+08:00' }, 'channel'],
    ['an unknown field', { reason: 'check', until: '2030-01-01T10:00:00+08:00', crew: 3 }, 'crew'],
  ])('refuses a request with %s, naming it', async (_what, body, mentioned) => {
    const answer = await open(spare.id, body);
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toContain(mentioned);
  });

  it('takes a start up to 5 minutes in the past as now, since maintenance never rewrites what was reported', async () => {
    const requestedAt = Date.now();
    const answer = await open(spare.id, { reason: 'battery check', from: iso(requestedAt - 4 * MINUTE), until: iso(requestedAt + HOUR) });
    expect(answer.status).toBe(201);
    expect((answer.json as MaintenanceWindowView).from).toBeGreaterThanOrEqual(requestedAt);
    expect((await centre.api.delete(`/api/stations/${spare.id}/maintenance`, { token: maintainer.token })).status).toBe(200);
  });

  it('refuses a window that overlaps an open one on the same station with 409, naming the window in the way', async () => {
    const answer = await open(serviced.id, { reason: 'second visit', from: iso(Date.now() + HOUR), until: iso(Date.now() + 2 * HOUR) });
    expect(answer.status).toBe(409);
    expect(messageOf(answer)).toContain(window().id);
  });

  it('keeps channel windows apart: BeiDou and cellular may overlap each other, a whole-station window may not', async () => {
    const until = iso(Date.now() + 2 * HOUR);
    const beidou = await open(dual.id, { channel: 'beidou', reason: 'antenna realignment', until });
    expect(beidou.status).toBe(201);
    const cellular = await open(dual.id, { channel: 'cellular', reason: 'SIM swap', until });
    expect(cellular.status).toBe(201);
    const whole = await open(dual.id, { reason: 'full overhaul', until });
    expect(whole.status).toBe(409);
    expect(messageOf(whole)).toContain((beidou.json as MaintenanceWindowView).id);

    // Two open: ending "the" window needs to know which.
    const ambiguous = await centre.api.delete(`/api/stations/${dual.id}/maintenance`, { token: maintainer.token });
    expect(ambiguous.status).toBe(409);
    expect(messageOf(ambiguous)).toContain((cellular.json as MaintenanceWindowView).id);
    for (const answer of [beidou, cellular]) {
      const id = (answer.json as MaintenanceWindowView).id;
      const ended = await centre.api.delete(`/api/stations/${dual.id}/maintenance?windowId=${id}`, { token: maintainer.token });
      expect(ended.status).toBe(200);
    }
  });

  it.each([
    ['a window id that does not exist', () => `/api/stations/${serviced.id}/maintenance?windowId=MW-999`, 404],
    ["another station's window", () => `/api/stations/${twin.id}/maintenance?windowId=${window().id}`, 404],
    ['a station with no window open', () => `/api/stations/${twin.id}/maintenance`, 409],
  ])('refuses to end %s', async (_what, path, status) => {
    const answer = await centre.api.delete(path(), { token: maintainer.token });
    expect(answer.status).toBe(status);
  });

  it('ends the window early with DELETE, naming who and why, and the silent station counts as offline again', async () => {
    const answer = await centre.api.delete(`/api/stations/${serviced.id}/maintenance?reason=${encodeURIComponent('panel replaced early')}`, { token: maintainer.token });
    expect(answer.status).toBe(200);
    const ended = answer.json as MaintenanceWindowView;
    expect(ended).toMatchObject({ id: window().id, endedBy: 'Chen Wei (maintenance team 3)' });
    expect(ended.endedAt).toBeLessThan(opened.until);

    const active = await centre.api.json<MaintenanceWindowView[]>('GET', '/api/maintenance?active=true', { token: ADMIN_TOKEN });
    expect(active).toEqual([]);
    expect(await statusOf(serviced.id)).toBe('offline');
    const again = await centre.api.delete(`/api/stations/${serviced.id}/maintenance`, { token: maintainer.token });
    expect(again.status).toBe(409);
  });

  it('raises the offline alert on the next sweep once maintenance has ended and the station is still silent', async () => {
    const alert = await waitFor(async () => (await alerts()).find((a) => a.kind === 'station_offline' && a.subjectId === serviced.id), (a) => a !== undefined, 'the offline alert after maintenance');
    expect(alert).toMatchObject({ state: 'active', severity: 'yellow' });
    expect(alert!.raisedAt).toBeGreaterThanOrEqual(window().from);
  });

  it('records who opened and ended each window, and why, in the audit log', async () => {
    const audit = await centre.api.json<AuditEntryView[]>('GET', '/api/audit', { token: ADMIN_TOKEN });
    const serviceEntries = audit.filter((e) => e.action.startsWith('maintenance.') && e.target === serviced.id);
    expect(serviceEntries.map((e) => [e.action, e.actor.name, e.actor.role, e.detail?.['windowId'], e.detail?.['reason']])).toEqual([
      ['maintenance.open', 'Chen Wei (maintenance team 3)', 'maintainer', window().id, 'replacing the solar panel'],
      ['maintenance.end', 'Chen Wei (maintenance team 3)', 'maintainer', window().id, 'panel replaced early'],
    ]);
    // Refused requests change nothing, so they leave no entry.
    expect(audit.filter((e) => e.action === 'maintenance.open').map((e) => e.target).sort()).toEqual([serviced.id, spare.id, dual.id, dual.id].sort());
  });
});

function messageOf(answer: ApiAnswer): string {
  const message = (answer.json as { message?: unknown } | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
