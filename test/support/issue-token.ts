import type { Role } from '@hydro/domain';
import type { IssuedTokenView } from './api-views';
import type { CentreApi } from './centre-api';
import { ADMIN_TOKEN } from './centre-under-test';

/** Has the administrator issue a token, as `POST /api/tokens` does for a new member of staff. */
export function issueToken(api: CentreApi, name: string, role: Role, by: string = ADMIN_TOKEN): Promise<IssuedTokenView> {
  return api.json<IssuedTokenView>('POST', '/api/tokens', { token: by, body: { name, role } });
}
