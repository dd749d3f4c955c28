import type { Role } from './roles';

/** An issued API token as kept: never the secret itself, only its SHA-256. */
export interface ApiToken {
  /** Short public id, shown in lists and the audit log. */
  readonly id: string;
  /** Who or what holds it, e.g. "duty desk 2" or "SMS gateway". */
  readonly name: string;
  readonly role: Role;
  /** Hex SHA-256 of the secret. Tokens are 32 random bytes, so a fast hash is enough: no guessing. */
  readonly hash: string;
  readonly issuedAt: number;
  readonly issuedBy: string;
  readonly revokedAt?: number;
  readonly revokedBy?: string;
}

/** How tokens change, as appended to the `tokens` event stream. */
export type ApiTokenEvent =
  | { readonly type: 'issued'; readonly token: Omit<ApiToken, 'revokedAt' | 'revokedBy'> }
  | { readonly type: 'revoked'; readonly id: string; readonly at: number; readonly by: string };

/** Who made a request: the token's id and name, and its role. */
export interface Principal {
  readonly tokenId: string;
  readonly name: string;
  readonly role: Role;
}

export class UnknownTokenError extends Error {
  override readonly name = 'UnknownTokenError';
}

/** The issued tokens, folded from their events; looks a request's token up by its hash. */
export class ApiTokenBook {
  private readonly byId = new Map<string, ApiToken>();
  private readonly byHash = new Map<string, ApiToken>();

  static fromEvents(events: Iterable<ApiTokenEvent>): ApiTokenBook {
    const book = new ApiTokenBook();
    for (const event of events) book.apply(event);
    return book;
  }

  apply(event: ApiTokenEvent): void {
    if (event.type === 'issued') {
      this.byId.set(event.token.id, event.token);
      this.byHash.set(event.token.hash, event.token);
      return;
    }
    const token = this.byId.get(event.id);
    if (token === undefined) return;
    const revoked: ApiToken = { ...token, revokedAt: event.at, revokedBy: event.by };
    this.byId.set(token.id, revoked);
    this.byHash.delete(token.hash);
  }

  /** The principal for a secret's hash, or undefined for an unknown or revoked token. */
  principal(hash: string): Principal | undefined {
    const token = this.byHash.get(hash);
    return token === undefined ? undefined : { tokenId: token.id, name: token.name, role: token.role };
  }

  /** Checks that a token can be revoked, and says what to append. */
  revoke(id: string, by: string, at: number): ApiTokenEvent {
    const token = this.byId.get(id);
    if (token === undefined || token.revokedAt !== undefined) throw new UnknownTokenError(`no active token with id ${id}`);
    return { type: 'revoked', id, at, by };
  }

  list(): ApiToken[] {
    return [...this.byId.values()].sort((a, b) => a.issuedAt - b.issuedAt || a.id.localeCompare(b.id));
  }
}
