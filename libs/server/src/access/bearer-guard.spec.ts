import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { type Principal, type Role, UnknownTokenError } from '@hydro/domain';
import { type EventLog, type EventQuery, type EventStream, type NewEvent, silentLog, type StoredEvent } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { Controller, Get, HttpCode, type INestApplication, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { loadEnvironment } from '../config/load-environment';
import { ENVIRONMENT } from '../config/environment.token';
import { DomainErrorFilter } from '../http/domain-error.filter';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { EVENT_LOG } from '../storage/storage.tokens';
import { ApiTokens } from './api-tokens';
import { BearerGuard } from './bearer-guard';
import { Requires } from './permission.decorator';
import { Caller } from './principal.decorator';
import { hashTokenSecret } from './token-secret';

const ADMIN_TOKEN = 'centre-admin-secret-for-the-spec-0001';
const T0 = Date.parse('2024-06-15T09:00:00+08:00');
const ISSUER: Principal = { tokenId: 'a1b2c3d4e5f6', name: 'HYDRO_ADMIN_TOKEN', role: 'admin' };

/** One route of each kind the guard tells apart. */
@Controller()
class ProbeController {
  @Get('api/stations')
  stations(@Caller() caller: Principal): Principal {
    return caller;
  }

  @Post('api/stations/70100001/maintenance')
  @Requires('maintain')
  @HttpCode(200)
  openMaintenance(@Caller() caller: Principal): { openedBy: string } {
    return { openedBy: caller.name };
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}

/** An event log whose store answers only once `open` is called. */
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

interface RunningCentre {
  readonly app: INestApplication;
  readonly url: string;
  readonly tokens: ApiTokens;
}

const running: INestApplication[] = [];

/** `adminToken` null: HYDRO_ADMIN_TOKEN unset. */
async function startCentre(eventLog: EventLog, adminToken: string | null = ADMIN_TOKEN): Promise<RunningCentre> {
  const moduleRef = await Test.createTestingModule({
    controllers: [ProbeController],
    providers: [
      ApiTokens,
      { provide: ENVIRONMENT, useValue: loadEnvironment(adminToken === null ? {} : { HYDRO_ADMIN_TOKEN: adminToken }) },
      { provide: EVENT_LOG, useValue: eventLog },
      { provide: EventLogReadiness, useFactory: () => new EventLogReadiness(eventLog, silentLog, { initialMs: 1, maxMs: 1 }) },
      { provide: APP_GUARD, useClass: BearerGuard },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new DomainErrorFilter());
  running.push(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), tokens: app.get(ApiTokens) };
}

async function issue(tokens: ApiTokens, name: string, role: Role): Promise<string> {
  return (await tokens.issue(name, role, ISSUER, T0)).secret;
}

const get = (url: string, authorization?: string): Promise<Response> =>
  fetch(`${url}/api/stations`, authorization === undefined ? {} : { headers: { authorization } });
const maintain = (url: string, secret: string): Promise<Response> =>
  fetch(`${url}/api/stations/70100001/maintenance`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

describe('BearerGuard', () => {
  it('leaves routes outside /api open: probes and scrapers carry no token', async () => {
    const { url } = await startCentre(new MemoryEventLog());
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers an /api route without a token with 401, a Bearer challenge and how to send one', async () => {
    const { url } = await startCentre(new MemoryEventLog());
    const response = await get(url);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hydro"');
    expect(await response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'this route needs a token: send the header "Authorization: Bearer <token>"' });
  });

  it.each([
    ['another scheme', `Basic ${ADMIN_TOKEN}`],
    ['no scheme', ADMIN_TOKEN],
    ['the scheme alone', 'Bearer'],
    ['the scheme and a space', 'Bearer '],
    ['two words after the scheme', `Bearer ${ADMIN_TOKEN} extra`],
  ])('treats a header with %s as no token at all', async (_, header) => {
    const { url } = await startCentre(new MemoryEventLog());
    const response = await get(url, header);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hydro"');
  });

  it('answers an unknown token with 401 and invalid_token', async () => {
    const { url } = await startCentre(new MemoryEventLog());
    const response = await get(url, 'Bearer hydro_not-a-token-anyone-issued');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hydro", error="invalid_token"');
    expect((await response.json()) as { message: string }).toMatchObject({ message: 'unknown or revoked token' });
  });

  it.each([
    ['Bearer', ''],
    ['bearer', ''],
    ['BEARER', '  '],
  ])('accepts the scheme written %s, with trailing space %j', async (scheme, trailing) => {
    const { url } = await startCentre(new MemoryEventLog());
    expect((await get(url, `${scheme} ${ADMIN_TOKEN}${trailing}`)).status).toBe(200);
  });

  it('lets HYDRO_ADMIN_TOKEN do everything, as the administrator it names', async () => {
    const { url } = await startCentre(new MemoryEventLog());
    const read = await get(url, `Bearer ${ADMIN_TOKEN}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ tokenId: hashTokenSecret(ADMIN_TOKEN).slice(0, 12), name: 'HYDRO_ADMIN_TOKEN', role: 'admin' });
    const write = await maintain(url, ADMIN_TOKEN);
    expect(write.status).toBe(200);
    expect(await write.json()).toEqual({ openedBy: 'HYDRO_ADMIN_TOKEN' });
  });

  it('knows no administrator token when HYDRO_ADMIN_TOKEN is unset', async () => {
    const { url } = await startCentre(new MemoryEventLog(), null);
    expect((await get(url, `Bearer ${ADMIN_TOKEN}`)).status).toBe(401);
  });

  it('hands the route the principal of an issued token', async () => {
    const { url, tokens } = await startCentre(new MemoryEventLog());
    const secret = await issue(tokens, 'duty desk 2', 'forecaster');
    const response = await get(url, `Bearer ${secret}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tokenId: hashTokenSecret(secret).slice(0, 12), name: 'duty desk 2', role: 'forecaster' });
  });

  it.each([
    ['forecaster', 403],
    ['dispatcher', 403],
    ['maintainer', 200],
    ['admin', 200],
  ] as const)('on a route that needs maintain, answers a %s token with %d', async (role, status) => {
    const { url, tokens } = await startCentre(new MemoryEventLog());
    const response = await maintain(url, await issue(tokens, `${role} token`, role));
    expect(response.status).toBe(status);
  });

  it('says in a 403 which roles may, and which role the token has', async () => {
    const { url, tokens } = await startCentre(new MemoryEventLog());
    const response = await maintain(url, await issue(tokens, 'dispatch room', 'dispatcher'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'this needs the role maintainer or admin; the token "dispatch room" has the role dispatcher',
    });
  });

  it('refuses a revoked token with 401, while other tokens go on working', async () => {
    const { url, tokens } = await startCentre(new MemoryEventLog());
    const revoked = await issue(tokens, 'lost laptop', 'maintainer');
    const kept = await issue(tokens, 'duty desk 1', 'maintainer');
    expect((await get(url, `Bearer ${revoked}`)).status).toBe(200);
    await tokens.revoke(hashTokenSecret(revoked).slice(0, 12), ISSUER, T0 + 1000);
    const response = await get(url, `Bearer ${revoked}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await get(url, `Bearer ${kept}`)).status).toBe(200);
  });
});

describe('ApiTokens', () => {
  it('issues a secret with a recognisable prefix, different every time, and lists the token without it', async () => {
    const { tokens } = await startCentre(new MemoryEventLog());
    const first = await tokens.issue('duty desk 2', 'forecaster', ISSUER, T0);
    const second = await tokens.issue('duty desk 2', 'forecaster', ISSUER, T0);
    expect(first.secret).toMatch(/^hydro_[A-Za-z0-9_-]{43}$/);
    expect(second.secret).not.toBe(first.secret);
    expect(first.token).toEqual({ id: hashTokenSecret(first.secret).slice(0, 12), name: 'duty desk 2', role: 'forecaster', hash: hashTokenSecret(first.secret), issuedAt: T0, issuedBy: 'HYDRO_ADMIN_TOKEN' });
    expect(JSON.stringify(await tokens.list())).not.toContain(first.secret);
  });

  it('keeps tokens across a restart: the hash is stored, the secret is not', async () => {
    const log = new MemoryEventLog();
    const before = await startCentre(log);
    const kept = await issue(before.tokens, 'SMS gateway', 'dispatcher');
    const revoked = await issue(before.tokens, 'old desk', 'maintainer');
    await before.tokens.revoke(hashTokenSecret(revoked).slice(0, 12), ISSUER, T0 + 60_000);
    const listed = await before.tokens.list();
    await before.app.close();

    const stored = JSON.stringify(await log.read('tokens'));
    expect(stored).toContain(hashTokenSecret(kept));
    expect(stored).not.toContain(kept);
    expect(stored).not.toContain(revoked);
    expect(stored).not.toContain(ADMIN_TOKEN);

    const after = await startCentre(log.reopened());
    expect((await get(after.url, `Bearer ${kept}`)).status).toBe(200);
    expect((await get(after.url, `Bearer ${revoked}`)).status).toBe(401);
    expect(await after.tokens.list()).toEqual(listed);
  });

  it('never stores HYDRO_ADMIN_TOKEN, however often it is used', async () => {
    const log = new MemoryEventLog();
    const { url } = await startCentre(log);
    await maintain(url, ADMIN_TOKEN);
    expect(await log.read('tokens')).toEqual([]);
  });

  it('makes a request with an issued token wait for the tokens to be read, rather than refuse it', async () => {
    const log = new MemoryEventLog();
    const before = await startCentre(log);
    const secret = await issue(before.tokens, 'duty desk 3', 'forecaster');
    await before.app.close();

    const gated = new GatedEventLog(log.reopened());
    const after = await startCentre(gated);
    let reachedGuard: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (reachedGuard = resolve));
    const authenticate = after.tokens.authenticate.bind(after.tokens);
    jest.spyOn(after.tokens, 'authenticate').mockImplementation((given) => {
      if (given === secret) reachedGuard();
      return authenticate(given);
    });

    const pending = get(after.url, `Bearer ${secret}`);
    await reached;
    // HYDRO_ADMIN_TOKEN needs nothing from the log, so it answers while the store is away.
    expect((await get(after.url, `Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
    gated.open();
    expect((await pending).status).toBe(200);
  });

  it('refuses to revoke a token it never issued', async () => {
    const { tokens } = await startCentre(new MemoryEventLog());
    await expect(tokens.revoke('000000000000', ISSUER, T0)).rejects.toBeInstanceOf(UnknownTokenError);
  });
});
