import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokens } from './api-tokens';
import { AuditController } from './audit.controller';
import { AuditTrail } from './audit-trail';
import { BearerGuard } from './bearer-guard';
import { TokensController } from './tokens.controller';

/** Bearer tokens with roles on every /api route, token administration and the audit log. */
@Global()
@Module({
  controllers: [TokensController, AuditController],
  providers: [ApiTokens, AuditTrail, { provide: APP_GUARD, useClass: BearerGuard }],
  exports: [ApiTokens, AuditTrail],
})
export class AccessModule {}
