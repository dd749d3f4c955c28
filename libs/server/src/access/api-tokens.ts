import { type ApiToken, ApiTokenBook, type ApiTokenEvent, type Principal, type Role } from '@hydro/domain';
import type { EventLog } from '@hydro/ingestion';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { EVENT_LOG } from '../storage/storage.tokens';
import { hashTokenSecret, newTokenSecret, tokenIdOf } from './token-secret';

/** The principal of HYDRO_ADMIN_TOKEN: never stored, known only while the variable is set. */
const ENVIRONMENT_ADMIN = 'HYDRO_ADMIN_TOKEN';

/**
 * Authenticates bearer tokens and issues or revokes them. Issued tokens live in the `tokens` stream
 * of the event log, as hashes; the secret is shown once, at issue.
 */
@Injectable()
export class ApiTokens implements OnApplicationBootstrap {
  private readonly logger = new Logger('Access');
  private book = new ApiTokenBook();
  private loaded: Promise<void> = Promise.resolve();
  private readonly adminHash: string | undefined;

  constructor(
    @Inject(ENVIRONMENT) env: Environment,
    @Inject(EVENT_LOG) private readonly eventLog: EventLog,
    private readonly readiness: EventLogReadiness,
  ) {
    this.adminHash = env.HYDRO_ADMIN_TOKEN === undefined ? undefined : hashTokenSecret(env.HYDRO_ADMIN_TOKEN);
  }

  onApplicationBootstrap(): void {
    this.loaded = (async () => {
      await this.readiness.ready;
      const events = await this.eventLog.read('tokens');
      this.book = ApiTokenBook.fromEvents(events.map((e) => e.body as unknown as ApiTokenEvent));
      this.logger.log(`${this.book.list().filter((t) => t.revokedAt === undefined).length} API tokens loaded${this.adminHash === undefined ? '' : `; ${ENVIRONMENT_ADMIN} is set`}`);
    })();
    this.loaded.catch((error: unknown) => this.logger.error(`cannot load API tokens: ${(error as Error).message}`));
  }

  /** The caller of a secret, or undefined. Issued tokens are known once the event log has been read. */
  async authenticate(secret: string): Promise<Principal | undefined> {
    const hash = hashTokenSecret(secret);
    if (hash === this.adminHash) return { tokenId: tokenIdOf(hash), name: ENVIRONMENT_ADMIN, role: 'admin' };
    await this.loaded;
    return this.book.principal(hash);
  }

  async issue(name: string, role: Role, by: Principal, at: number): Promise<{ token: ApiToken; secret: string }> {
    await this.loaded;
    const secret = newTokenSecret();
    const hash = hashTokenSecret(secret);
    const token = { id: tokenIdOf(hash), name, role, hash, issuedAt: at, issuedBy: by.name };
    await this.append({ type: 'issued', token }, at);
    return { token, secret };
  }

  async revoke(id: string, by: Principal, at: number): Promise<void> {
    await this.loaded;
    await this.append(this.book.revoke(id, by.name, at), at);
  }

  async list(): Promise<ApiToken[]> {
    await this.loaded;
    return this.book.list();
  }

  private async append(event: ApiTokenEvent, at: number): Promise<void> {
    await this.eventLog.append('tokens', [{ at, body: event }]);
    this.book.apply(event);
  }
}
