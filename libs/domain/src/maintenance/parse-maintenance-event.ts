import { isChannel } from '../telemetry/channel';
import type { MaintenanceEnded, MaintenanceEvent, MaintenanceOpened } from './maintenance-event';

/**
 * Reads an event back from the log. The log only ever holds events this code wrote, so a malformed one
 * means a corrupted or hand-edited log: the error names the field, and start-up should stop on it rather
 * than rebuild a calendar that silently lacks a window.
 */
export function parseMaintenanceEvent(body: unknown): MaintenanceEvent {
  const event = record(body, 'event');
  switch (event['type']) {
    case 'opened':
      return parseOpened(event);
    case 'ended':
      return parseEnded(event);
    default:
      throw new Error(`Maintenance event: type must be "opened" or "ended", got ${JSON.stringify(event['type'])}`);
  }
}

function parseOpened(event: Readonly<Record<string, unknown>>): MaintenanceOpened {
  const window = record(event['window'], 'window');
  const channel = window['channel'];
  if (channel !== undefined && !(typeof channel === 'string' && isChannel(channel))) {
    throw new Error(`Maintenance event: window.channel must be "cellular" or "beidou", got ${JSON.stringify(channel)}`);
  }
  return {
    type: 'opened',
    window: {
      id: text(window['id'], 'window.id'),
      stationId: text(window['stationId'], 'window.stationId'),
      ...(channel === undefined ? {} : { channel }),
      reason: text(window['reason'], 'window.reason'),
      from: time(window['from'], 'window.from'),
      until: time(window['until'], 'window.until'),
      openedBy: text(window['openedBy'], 'window.openedBy'),
    },
    at: time(event['at'], 'at'),
    actor: text(event['actor'], 'actor'),
    reason: text(event['reason'], 'reason'),
  };
}

function parseEnded(event: Readonly<Record<string, unknown>>): MaintenanceEnded {
  const reason = event['reason'];
  return {
    type: 'ended',
    windowId: text(event['windowId'], 'windowId'),
    at: time(event['at'], 'at'),
    actor: text(event['actor'], 'actor'),
    ...(reason === undefined ? {} : { reason: text(reason, 'reason') }),
  };
}

function record(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Maintenance event: ${field} must be an object`);
  }
  return value as Readonly<Record<string, unknown>>;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`Maintenance event: ${field} must be a non-empty string`);
  return value;
}

function time(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`Maintenance event: ${field} must be epoch milliseconds`);
  return value;
}
