import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role, Station } from '@hydro/domain';
import type { ApiErrorView, AuditEntryView, IssuedTokenView, ListedTokenView, MaintenanceWindowView } from './support/api-views';
import type { ApiAnswer } from './support/centre-api';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { issueToken } from './support/issue-token';
import { pickStations } from './support/station-picks';

/**
 * Who may do what through the API: every /api route wants a bearer token, roles decide what it may change,
 * an administrator issues and revokes tokens, and the audit log says who did what. Probes stay open.
 */

const HOUR = 3_600_000;
const [single, dual] = pickStations([
  { intervalMinutes: 5, channels: ['cellular'] },
  { intervalMinutes: 5, channels: ['cellular', 'beidou'] },
]) as [Station, Station];

/** Routes of every kind under /api, each needing at least the `read` permission. */
const API_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/api/stations'],
  ['GET', `/api/stations/${single.id}`],
  ['GET', '/api/alerts'],
  ['GET', '/api/alerts/stream'],
  ['GET', '/api/maintenance'],
  ['GET', '/api/reports/arrival?from=2023-09-21&to=2023-09-21'],
  ['GET', '/api/tokens'],
  ['POST', '/api/tokens'],
  ['GET', '/api/audit'],
  ['POST', `/api/stations/${single.id}/maintenance`],
];

describe('access control on the centre API', () => {
  let centre: CentreUnderTest;
  const tokens: Partial<Record<Role, IssuedTokenView>> = {};
  const secret = (role: Role): string => tokens[role]?.token ?? 'no token issued';

  beforeAll(async () => {
    centre = await CentreUnderTest.prepare({ stations: [single, dual] });
    await centre.start();
    await centre.settled();
  });

  afterAll(async () => {
    await centre?.dispose();
  });

  it.each(API_ROUTES)('answers %s %s without a token with 401 and a Bearer challenge', async (method, path) => {
    const answer = await centre.api.call(method, path);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="hydro"');
    expect(answer.json).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(messageOf(answer)).toContain('Authorization: Bearer');
  });

  it.each([
    ['an unknown token', 'Bearer hydro_not-a-token-anyone-was-given'],
    ['the admin token with one character changed', `Bearer ${ADMIN_TOKEN.slice(0, -1)}X`],
  ])('answers %s with 401 and says the token is invalid', async (_what, authorization) => {
    const answer = await centre.api.get('/api/stations', { headers: { authorization } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="hydro", error="invalid_token"');
  });

  it.each([
    ['another scheme', `Basic ${ADMIN_TOKEN}`],
    ['the scheme without a token', 'Bearer'],
    ['the token without the scheme', ADMIN_TOKEN],
  ])('answers an Authorization header with %s with 401', async (_what, authorization) => {
    const answer = await centre.api.get('/api/stations', { headers: { authorization } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
  });

  it.each(['/health', '/ready', '/metrics'])('leaves %s open for probes and scrapers', async (path) => {
    const answer = await centre.api.get(path);
    expect(answer.status).toBe(200);
  });

  it('lets the administrator issue a token per role, showing the secret once', async () => {
    for (const role of ['maintainer', 'forecaster', 'dispatcher'] as const) tokens[role] = await issueToken(centre.api, `${role} on duty`, role);
    const maintainer = tokens.maintainer!;
    expect(maintainer).toMatchObject({ name: 'maintainer on duty', role: 'maintainer', issuedBy: 'HYDRO_ADMIN_TOKEN' });
    expect(maintainer.token).toMatch(/^hydro_[A-Za-z0-9_-]{40,}$/);
    expect(new Set(Object.values(tokens).map((t) => t.token)).size).toBe(3);

    const listed = await centre.api.get('/api/tokens', { token: ADMIN_TOKEN });
    expect(listed.status).toBe(200);
    expect((listed.json as ListedTokenView[]).map((t) => [t.id, t.role])).toEqual(expect.arrayContaining([[maintainer.id, 'maintainer']]));
    // The list never shows a secret or its hash.
    expect(listed.text).not.toContain(maintainer.token);
    expect(listed.text).not.toContain('"hash"');
  });

  it('accepts an issued maintainer token for reading and for putting a station under maintenance', async () => {
    const read = await centre.api.get('/api/stations', { token: secret('maintainer') });
    expect(read.status).toBe(200);
    const opened = await centre.api.post(`/api/stations/${single.id}/maintenance`, {
      token: secret('maintainer'),
      body: { reason: 'replacing the tipping bucket', until: new Date(Date.now() + 2 * HOUR).toISOString() },
    });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ stationId: single.id, openedBy: 'maintainer on duty', reason: 'replacing the tipping bucket' });
    const ended = await centre.api.delete(`/api/stations/${single.id}/maintenance?reason=${encodeURIComponent('bucket replaced')}`, { token: secret('maintainer') });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ id: (opened.json as MaintenanceWindowView).id, endedBy: 'maintainer on duty' });
  });

  it.each([
    ['maintainer', 'POST', '/api/tokens', 'admin'],
    ['maintainer', 'GET', '/api/audit', 'admin'],
    ['dispatcher', 'GET', '/api/tokens', 'admin'],
    ['dispatcher', 'POST', `/api/stations/${dual.id}/maintenance`, 'maintainer or admin'],
    ['forecaster', 'POST', `/api/stations/${dual.id}/maintenance`, 'maintainer or admin'],
    ['forecaster', 'DELETE', `/api/stations/${dual.id}/maintenance`, 'maintainer or admin'],
  ] as const)('refuses the %s token on %s %s with 403 naming the roles that may (%s)', async (role, method, path, roles) => {
    const answer = await centre.api.call(method, path, { token: secret(role), ...(method === 'POST' ? { body: {} } : {}) });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(messageOf(answer)).toContain(`the role ${roles};`);
    expect(messageOf(answer)).toContain(`has the role ${role}`);
  });

  it.each([
    ['a role that does not exist', { name: 'night shift', role: 'superuser' }, 'role must be one of forecaster, maintainer, dispatcher, admin'],
    ['no name', { role: 'forecaster' }, 'name'],
    ['an unknown field', { name: 'night shift', role: 'forecaster', expires: '2030-01-01' }, 'expires'],
  ])('refuses to issue a token with %s (400)', async (_what, body, mentioned) => {
    const answer = await centre.api.post('/api/tokens', { token: ADMIN_TOKEN, body });
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toContain(mentioned);
  });

  it('shuts a revoked token out at once, and lists who revoked it', async () => {
    const dispatcher = tokens.dispatcher!;
    expect((await centre.api.get('/api/stations', { token: dispatcher.token })).status).toBe(200);

    const revoked = await centre.api.delete(`/api/tokens/${dispatcher.id}`, { token: ADMIN_TOKEN });
    expect(revoked.status).toBe(204);
    const refused = await centre.api.get('/api/stations', { token: dispatcher.token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const listed = await centre.api.json<ListedTokenView[]>('GET', '/api/tokens', { token: ADMIN_TOKEN });
    expect(listed.find((t) => t.id === dispatcher.id)).toMatchObject({ revokedBy: 'HYDRO_ADMIN_TOKEN' });
    expect(listed.find((t) => t.id === tokens.maintainer!.id)?.revokedAt).toBeUndefined();
  });

  it.each([
    ['a token id never issued', () => 'ffffffffffff'],
    ['a token already revoked', () => tokens.dispatcher!.id],
  ])('answers revoking %s with 404', async (_what, id) => {
    const answer = await centre.api.delete(`/api/tokens/${id()}`, { token: ADMIN_TOKEN });
    expect(answer.status).toBe(404);
  });

  it('records who issued and revoked tokens and who opened and ended maintenance, and why, never a secret', async () => {
    const audit = await centre.api.get('/api/audit', { token: ADMIN_TOKEN });
    expect(audit.status).toBe(200);
    const entries = audit.json as AuditEntryView[];
    const summary = entries.map((e) => [e.action, e.actor.name, e.target]);
    expect(summary).toEqual([
      ['token.issue', 'HYDRO_ADMIN_TOKEN', tokens.maintainer!.id],
      ['token.issue', 'HYDRO_ADMIN_TOKEN', tokens.forecaster!.id],
      ['token.issue', 'HYDRO_ADMIN_TOKEN', tokens.dispatcher!.id],
      ['maintenance.open', 'maintainer on duty', single.id],
      ['maintenance.end', 'maintainer on duty', single.id],
      ['token.revoke', 'HYDRO_ADMIN_TOKEN', tokens.dispatcher!.id],
    ]);
    expect(entries[0]).toMatchObject({ actor: { role: 'admin' }, detail: { name: 'maintainer on duty', role: 'maintainer' } });
    expect(entries[3]).toMatchObject({ actor: { role: 'maintainer', tokenId: tokens.maintainer!.id }, detail: { reason: 'replacing the tipping bucket' } });
    expect(entries[4]).toMatchObject({ detail: { reason: 'bucket replaced' } });
    // Positions in the log, oldest first, times in order.
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
    for (const issued of Object.values(tokens)) expect(audit.text).not.toContain(issued.token);
    expect(audit.text).not.toContain(ADMIN_TOKEN);
  });

  it('keeps issued tokens valid and revoked ones refused after a crash and restart', async () => {
    await centre.kill();
    await centre.restart();
    await centre.settled();
    expect((await centre.api.get('/api/stations', { token: secret('maintainer') })).status).toBe(200);
    expect((await centre.api.get('/api/stations', { token: secret('forecaster') })).status).toBe(200);
    expect((await centre.api.get('/api/stations', { token: secret('dispatcher') })).status).toBe(401);
    const refused = await centre.api.post('/api/tokens', { token: secret('forecaster'), body: { name: 'x', role: 'admin' } });
    expect(refused.status).toBe(403);
  });
});

function messageOf(answer: ApiAnswer): string {
  const message = (answer.json as ApiErrorView | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
