import { readFileSync } from 'node:fs';
import { type NotificationsConfig, parseNotificationsConfig, type SecretEnvironment } from './notifications-config';
import { NotificationsConfigError } from './notifications-config.error';

/** Where the centre looks for webhooks unless told otherwise. */
export const DEFAULT_NOTIFICATIONS_FILE = 'config/notifications.json';

/**
 * Reads and validates the notifications file once at boot. Synchronous on purpose, like the station
 * registry: it runs before anything starts, and every failure is a NotificationsConfigError naming the file.
 */
export function loadNotificationsConfig(path: string, environment: SecretEnvironment = process.env): NotificationsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new NotificationsConfigError(path, [`cannot read the file: ${reason(error)}`], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new NotificationsConfigError(path, [`not valid JSON: ${reason(error)}`], { cause: error });
  }
  return parseNotificationsConfig(json, path, environment);
}

/** Duck-typed: errors from Node's fs are not `instanceof Error` across realms (e.g. under Jest). */
function reason(error: unknown): string {
  const message: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
