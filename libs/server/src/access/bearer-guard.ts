import { can, type Permission, rolesThatCan } from '@hydro/domain';
import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ApiTokens } from './api-tokens';
import { PERMISSION_KEY } from './permission.decorator';
import type { AuthenticatedRequest } from './principal.decorator';

/**
 * Every route under /api needs a bearer token (401 without a known one) whose role grants the
 * route's permission (403 otherwise, naming the roles that may). /health, /ready and /metrics stay open
 * for probes and scrapers.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const declared = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (declared === undefined && request.path !== '/api' && !request.path.startsWith('/api/')) return true;
    const permission = declared ?? 'read';

    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="hydro"');
      throw new UnauthorizedException('this route needs a token: send the header "Authorization: Bearer <token>"');
    }
    const principal = await this.tokens.authenticate(match[1] as string);
    if (principal === undefined) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="hydro", error="invalid_token"');
      throw new UnauthorizedException('unknown or revoked token');
    }
    if (!can(principal.role, permission)) {
      throw new ForbiddenException(`this needs the role ${rolesThatCan(permission).join(' or ')}; the token "${principal.name}" has the role ${principal.role}`);
    }
    request.principal = principal;
    return true;
  }
}
