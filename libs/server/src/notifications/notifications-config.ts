import { audienceOf, ALERT_KINDS } from '@hydro/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationTypes, type ValidationError } from 'class-validator';
import type { Webhook } from './webhook';
import { WebhookEntryDto } from './webhook-entry.dto';
import { NotificationsConfigError } from './notifications-config.error';

export const NOTIFICATIONS_CONFIG_VERSION = 1;

/** What config/notifications.json holds, validated. */
export interface NotificationsConfig {
  readonly version: typeof NOTIFICATIONS_CONFIG_VERSION;
  readonly webhooks: readonly Webhook[];
}

const TOP_LEVEL_KEYS = new Set(['version', 'webhooks']);

/** Shortest secret accepted: a short one is guessable from a captured signature. */
const MIN_SECRET_LENGTH = 16;

/** Where `secretEnv` entries are looked up. */
export type SecretEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the notifications file's content. Throws NotificationsConfigError listing every problem
 * (file, entry index and id, field, what is wrong): the centre must not start sending alerts to
 * half-understood receivers, nor silently to none. A webhook's `secretEnv` is read from `environment`.
 */
export function parseNotificationsConfig(json: unknown, source: string, environment: SecretEnvironment = {}): NotificationsConfig {
  if (!isRecord(json)) throw new NotificationsConfigError(source, [`top level must be an object {"version": 1, "webhooks": [...]}, got ${show(json)}`]);
  const problems: string[] = [];
  if (json['version'] !== NOTIFICATIONS_CONFIG_VERSION) problems.push(`version must be ${NOTIFICATIONS_CONFIG_VERSION}, got ${show(json['version'])}`);
  for (const key of Object.keys(json).filter((k) => !TOP_LEVEL_KEYS.has(k))) problems.push(`${key} is not a known top-level field (expected version, webhooks)`);
  const entries = json['webhooks'];
  if (!Array.isArray(entries)) {
    problems.push(`webhooks must be an array of webhook entries, got ${show(entries)}`);
    throw new NotificationsConfigError(source, problems);
  }
  const webhooks: Webhook[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const where = describeEntry(entry, index);
    const checked = validateEntry(entry, environment);
    problems.push(...checked.problems.map((problem) => `${where}: ${problem}`));
    if (checked.webhook === undefined) return;
    const first = firstIndex.get(checked.webhook.id);
    if (first !== undefined) problems.push(`${where}: id is a duplicate of webhooks[${first}]`);
    else firstIndex.set(checked.webhook.id, index);
    webhooks.push(checked.webhook);
  });
  if (problems.length > 0) throw new NotificationsConfigError(source, problems);
  return { version: NOTIFICATIONS_CONFIG_VERSION, webhooks };
}

function validateEntry(entry: unknown, environment: SecretEnvironment): { problems: string[]; webhook?: Webhook } {
  if (!isRecord(entry)) return { problems: [`must be an object, got ${show(entry)}`] };
  const dto = plainToInstance(WebhookEntryDto, entry);
  const problems = describeErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
  // Either a list of kinds or a whole audience: both would leave the reader guessing which wins.
  if ((dto.kinds === undefined) === (dto.audience === undefined)) {
    problems.push(dto.kinds === undefined ? 'must choose what it receives: kinds (a list) or audience (flood or equipment)' : 'must have kinds or audience, not both');
  }
  const secret = dto.secretEnv === undefined ? dto.secret : environment[dto.secretEnv];
  if (dto.secretEnv !== undefined && !problems.some((problem) => problem.startsWith('secretEnv '))) {
    if (dto.secret !== undefined) problems.push('must have secret or secretEnv, not both');
    else if (secret === undefined || secret === '') problems.push(`secretEnv names ${dto.secretEnv}, which is not set in the environment`);
    else if (secret.length < MIN_SECRET_LENGTH) problems.push(`secretEnv names ${dto.secretEnv}, whose value must be at least ${MIN_SECRET_LENGTH} characters, got (hidden)`);
  }
  if (problems.length > 0) return { problems };
  const kinds = dto.kinds ?? ALERT_KINDS.filter((kind) => audienceOf(kind) === dto.audience);
  const webhook: Webhook = {
    id: dto.id,
    url: dto.url,
    severities: Object.freeze([...dto.severities]),
    kinds: Object.freeze([...kinds]),
    locale: dto.locale,
    ...(secret === undefined ? {} : { secret }),
  };
  return { problems: [], webhook: Object.freeze(webhook) };
}

/** One line per failing field, its first failure only (the most basic check). */
function describeErrors(errors: readonly ValidationError[]): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const [type, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (type === ValidationTypes.WHITELIST) lines.push(`${error.property} is not a known field`);
    else if (message !== undefined) lines.push(`${error.property} ${error.value === undefined ? `is missing: ${message}` : `${message}, got ${shown(error.property, error.value)}`}`);
  }
  return lines;
}

/** Secrets are hidden; URLs are cut at the query, where tokens live. */
function shown(property: string, value: unknown): string {
  if (property === 'secret') return '(hidden)';
  if (property === 'url' && typeof value === 'string') return show(value.replace(/[?#].*$/s, '?…'));
  return show(value);
}

/** `webhooks[2] (id "sms-gateway")`: the index finds the line, the id finds the entry. */
function describeEntry(entry: unknown, index: number): string {
  const id = isRecord(entry) ? entry['id'] : undefined;
  return typeof id === 'string' ? `webhooks[${index}] (id ${show(id)})` : `webhooks[${index}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_SHOWN = 60;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? `a ${typeof value}`;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
