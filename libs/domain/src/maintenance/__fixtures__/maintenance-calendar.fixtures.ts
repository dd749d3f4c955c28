/** Two stations (one dual-channel, one cellular only), a request builder and a calendar builder for the maintenance specs. */
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { Station } from '../../stations/station';
import { HOUR_MS } from '../../time/durations';
import { MaintenanceCalendar, type MaintenanceStations } from '../maintenance-calendar';
import type { MaintenanceOpened } from '../maintenance-event';
import { MaintenanceError } from '../maintenance.error';
import type { OpenMaintenanceRequest } from '../open-maintenance-request';

export const river: Station = sampleRiverStation(); // cellular and BeiDou
export const rain: Station = sampleRiverStation({ id: '70500341', name: '樟山下站', kind: 'rain', channels: ['cellular'] });
export const stations: MaintenanceStations = { get: (id) => [river, rain].find((s) => s.id === id) };

export const NOW = Date.parse('2023-09-21T10:00:00+08:00');
export const request = (overrides: Partial<OpenMaintenanceRequest> = {}): OpenMaintenanceRequest => ({
  stationId: river.id,
  reason: 'replacing the battery',
  until: NOW + 4 * HOUR_MS,
  actor: 'zhang.wei',
  ...overrides,
});

export function opened(result: MaintenanceOpened | MaintenanceError): MaintenanceOpened {
  if (result instanceof MaintenanceError) throw result;
  return result;
}

/** A calendar with these windows opened at NOW (each applied as the service would). */
export function calendarWith(...requests: Partial<OpenMaintenanceRequest>[]): MaintenanceCalendar {
  const calendar = new MaintenanceCalendar(stations);
  for (const r of requests) calendar.apply(opened(calendar.open(request(r), NOW)));
  return calendar;
}

