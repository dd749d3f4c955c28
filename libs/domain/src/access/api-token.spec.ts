import { ApiTokenBook, type ApiTokenEvent, UnknownTokenError } from './api-token';

const issued = (id: string, hash: string, role: 'forecaster' | 'admin' = 'forecaster'): ApiTokenEvent => ({
  type: 'issued',
  token: { id, name: `desk ${id}`, role, hash, issuedAt: 1000, issuedBy: 'admin' },
});

describe('ApiTokenBook', () => {
  it('finds the principal of an issued token by its hash, and nothing for an unknown hash', () => {
    const book = ApiTokenBook.fromEvents([issued('a1', 'h1'), issued('b2', 'h2', 'admin')]);
    expect(book.principal('h2')).toEqual({ tokenId: 'b2', name: 'desk b2', role: 'admin' });
    expect(book.principal('h3')).toBeUndefined();
  });

  it('forgets a revoked token for authentication but keeps it listed with who revoked it', () => {
    const book = ApiTokenBook.fromEvents([issued('a1', 'h1')]);
    book.apply(book.revoke('a1', 'admin', 5000));
    expect(book.principal('h1')).toBeUndefined();
    expect(book.list()).toEqual([expect.objectContaining({ id: 'a1', revokedAt: 5000, revokedBy: 'admin' })]);
  });

  it('refuses to revoke an unknown or already revoked token', () => {
    const book = ApiTokenBook.fromEvents([issued('a1', 'h1'), { type: 'revoked', id: 'a1', at: 2, by: 'x' }]);
    expect(() => book.revoke('a1', 'admin', 3)).toThrow(UnknownTokenError);
    expect(() => book.revoke('zz', 'admin', 3)).toThrow('no active token with id zz');
  });
});
