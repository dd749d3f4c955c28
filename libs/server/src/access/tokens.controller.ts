import { type ApiToken, type Principal, UnknownTokenError } from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTokens } from './api-tokens';
import { AuditTrail } from './audit-trail';
import { IssueTokenDto } from './issue-token.dto';
import { Requires } from './permission.decorator';
import { Caller } from './principal.decorator';

type ListedToken = Omit<ApiToken, 'hash'>;

/** Administrators issue and revoke API tokens; the secret is in the answer to the issue, and nowhere else. */
@Controller('api/tokens')
@Requires('administer')
export class TokensController {
  constructor(
    private readonly tokens: ApiTokens,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  async issue(@Body() body: IssueTokenDto, @Caller() caller: Principal): Promise<ListedToken & { token: string }> {
    const at = systemClock.now();
    const { token, secret } = await this.tokens.issue(body.name, body.role, caller, at);
    await this.audit.record(caller, 'token.issue', token.id, at, { name: token.name, role: token.role });
    return { ...listed(token), token: secret };
  }

  @Get()
  async list(): Promise<ListedToken[]> {
    return (await this.tokens.list()).map(listed);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id') id: string, @Caller() caller: Principal): Promise<void> {
    const at = systemClock.now();
    try {
      await this.tokens.revoke(id, caller, at);
    } catch (error) {
      if (error instanceof UnknownTokenError) throw new NotFoundException(error.message);
      throw error;
    }
    await this.audit.record(caller, 'token.revoke', id, at);
  }
}

function listed(token: ApiToken): ListedToken {
  const { hash: _hash, ...rest } = token;
  return rest;
}
