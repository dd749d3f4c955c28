import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLOOD_ALERT_KINDS } from '@hydro/domain';
import { loadNotificationsConfig } from './load-notifications-config';
import { parseNotificationsConfig } from './notifications-config';
import { NotificationsConfigError } from './notifications-config.error';

const SMS = { id: 'sms-gateway', url: 'https://sms.example.org/hooks/alerts', severities: ['orange', 'red'], audience: 'flood', locale: 'zh-CN', secret: 'a-secret-of-at-least-16-chars' };
const MAINTAINERS = { id: 'maintainers', url: 'http://10.0.0.5:8080/alerts', severities: ['blue', 'yellow'], kinds: ['station_offline', 'battery_low'], locale: 'en' };

/** The environment `secretEnv` entries are read from in these specs. */
const ENVIRONMENT = { SMS_WEBHOOK_SECRET: 'a-secret-from-the-environment', SHORT_SECRET: 'hunter2', EMPTY_SECRET: '' };

function problemsOf(json: unknown): readonly string[] {
  try {
    parseNotificationsConfig(json, 'notifications.json', ENVIRONMENT);
  } catch (error) {
    if (error instanceof NotificationsConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('parseNotificationsConfig', () => {
  it('reads webhooks, expanding an audience into its kinds', () => {
    const config = parseNotificationsConfig({ version: 1, webhooks: [SMS, MAINTAINERS] }, 'notifications.json');
    expect(config.webhooks).toEqual([
      { id: 'sms-gateway', url: SMS.url, severities: ['orange', 'red'], kinds: [...FLOOD_ALERT_KINDS], locale: 'zh-CN', secret: SMS.secret },
      { id: 'maintainers', url: MAINTAINERS.url, severities: ['blue', 'yellow'], kinds: ['station_offline', 'battery_low'], locale: 'en' },
    ]);
  });

  it('reads a secret from the environment variable secretEnv names, keeping it out of the file', () => {
    const { secret: _inFile, ...withoutSecret } = SMS;
    const config = parseNotificationsConfig({ version: 1, webhooks: [{ ...withoutSecret, secretEnv: 'SMS_WEBHOOK_SECRET' }] }, 'notifications.json', ENVIRONMENT);
    expect(config.webhooks[0]?.secret).toBe(ENVIRONMENT.SMS_WEBHOOK_SECRET);
  });

  it('accepts the file shipped in config/, which lists no webhooks', () => {
    const shipped = join(__dirname, '../../../../config/notifications.json');
    expect(parseNotificationsConfig(JSON.parse(readFileSync(shipped, 'utf8')), shipped).webhooks).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a wrong version', { version: 2, webhooks: [] }, 'version must be 1, got 2'],
    ['an unknown top-level field', { version: 1, webhooks: [], hooks: [] }, 'hooks is not a known top-level field (expected version, webhooks)'],
    ['webhooks that is not a list', { version: 1, webhooks: {} }, 'webhooks must be an array of webhook entries, got {}'],
    ['an entry that is not an object', { version: 1, webhooks: ['x'] }, 'webhooks[0]: must be an object, got "x"'],
    ['a missing url', { version: 1, webhooks: [{ ...SMS, url: undefined }] }, 'webhooks[0] (id "sms-gateway"): url is missing: must be an http(s) URL such as https://example.org/hooks/alerts'],
    ['a url of another scheme, its token hidden', { version: 1, webhooks: [{ ...SMS, url: 'ftp://files.example.org/x?access_token=abc123' }] }, 'webhooks[0] (id "sms-gateway"): url must be an http(s) URL such as https://example.org/hooks/alerts, got "ftp://files.example.org/x?…"'],
    ['an unknown colour', { version: 1, webhooks: [{ ...SMS, severities: ['red', 'purple'] }] }, 'webhooks[0] (id "sms-gateway"): severities must contain only blue, yellow, orange, red, got ["red","purple"]'],
    ['no colours', { version: 1, webhooks: [{ ...SMS, severities: [] }] }, 'webhooks[0] (id "sms-gateway"): severities must not be empty, got []'],
    ['an unknown kind', { version: 1, webhooks: [{ ...MAINTAINERS, kinds: ['flood'] }] }, 'webhooks[0] (id "maintainers"): kinds must contain only'],
    ['an unknown audience', { version: 1, webhooks: [{ ...SMS, audience: 'public' }] }, 'webhooks[0] (id "sms-gateway"): audience must be one of flood, equipment, got "public"'],
    ['both kinds and audience', { version: 1, webhooks: [{ ...SMS, kinds: ['water_level'] }] }, 'webhooks[0] (id "sms-gateway"): must have kinds or audience, not both'],
    ['neither kinds nor audience', { version: 1, webhooks: [{ ...SMS, audience: undefined }] }, 'webhooks[0] (id "sms-gateway"): must choose what it receives: kinds (a list) or audience (flood or equipment)'],
    ['an unknown locale', { version: 1, webhooks: [{ ...SMS, locale: 'fr' }] }, 'webhooks[0] (id "sms-gateway"): locale must be one of zh-CN, en, got "fr"'],
    ['a short secret, hidden', { version: 1, webhooks: [{ ...SMS, secret: 'hunter2' }] }, 'webhooks[0] (id "sms-gateway"): secret must be at least 16 characters, got (hidden)'],
    ['both secret and secretEnv', { version: 1, webhooks: [{ ...SMS, secretEnv: 'SMS_WEBHOOK_SECRET' }] }, 'webhooks[0] (id "sms-gateway"): must have secret or secretEnv, not both'],
    ['a secretEnv that is not set', { version: 1, webhooks: [{ ...SMS, secret: undefined, secretEnv: 'NOT_SET' }] }, 'webhooks[0] (id "sms-gateway"): secretEnv names NOT_SET, which is not set in the environment'],
    ['a secretEnv set to nothing', { version: 1, webhooks: [{ ...SMS, secret: undefined, secretEnv: 'EMPTY_SECRET' }] }, 'webhooks[0] (id "sms-gateway"): secretEnv names EMPTY_SECRET, which is not set in the environment'],
    ['a secretEnv holding a short secret, hidden', { version: 1, webhooks: [{ ...SMS, secret: undefined, secretEnv: 'SHORT_SECRET' }] }, 'webhooks[0] (id "sms-gateway"): secretEnv names SHORT_SECRET, whose value must be at least 16 characters, got (hidden)'],
    ['a secretEnv that is no variable name', { version: 1, webhooks: [{ ...SMS, secret: undefined, secretEnv: 'sms secret' }] }, 'webhooks[0] (id "sms-gateway"): secretEnv must be the name of an environment variable'],
    ['an id with spaces', { version: 1, webhooks: [{ ...SMS, id: 'sms gateway' }] }, 'webhooks[0] (id "sms gateway"): id must be 1-64 letters, digits'],
    ['an unknown field', { version: 1, webhooks: [{ ...SMS, retries: 3 }] }, 'webhooks[0] (id "sms-gateway"): retries is not a known field'],
    ['a duplicate id', { version: 1, webhooks: [SMS, { ...MAINTAINERS, id: 'sms-gateway' }] }, 'webhooks[1] (id "sms-gateway"): id is a duplicate of webhooks[0]'],
  ])('refuses %s, naming the entry and field', (_case, json, problem) => {
    const problems = problemsOf(json);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
    expect(problems.join('\n')).not.toMatch(/hunter2|abc123/);
  });

  it('lists every problem of every entry at once', () => {
    const problems = problemsOf({ version: 1, webhooks: [{ ...SMS, locale: 'fr', severities: [] }, { ...MAINTAINERS, url: 'nope' }] });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.slice(0, 12))).toEqual(['webhooks[0] ', 'webhooks[0] ', 'webhooks[1] ']);
  });
});

describe('loadNotificationsConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notifications-'));

  it.each<[string, string | undefined, RegExp]>([
    ['a missing file', undefined, /^Invalid notifications config .*missing\.json: 1 problem\n {2}- cannot read the file: ENOENT/],
    ['a file that is not JSON', '{ "version": 1, ', /not valid JSON/],
  ])('names the file when it reads %s', (_case, content, message) => {
    const path = join(dir, content === undefined ? 'missing.json' : 'broken.json');
    if (content !== undefined) writeFileSync(path, content);
    expect(() => loadNotificationsConfig(path)).toThrow(message);
  });
});
