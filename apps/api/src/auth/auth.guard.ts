import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { TokenVerifier } from '@app/auth';
import { ApiError } from '../common/api-error';
import { refuseAuditorMutation } from './auditor-read-only';
import { Principal, PRINCIPAL_DIRECTORY, PrincipalDirectory, TOKEN_VERIFIER } from './principal';

const PUBLIC = 'auth:public';
/** Marks a handler reachable without a token (health checks). */
export const Public = () => SetMetadata(PUBLIC, true);

type HttpRequest = { headers: Record<string, string | string[] | undefined>; actor?: Principal };

/**
 * Bearer JWT → staff account; a missing, invalid or locked account never reaches a resolver, nor does an
 * auditor's mutation (auditor-read-only.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    // Each root field of an operation passes here; the request is authenticated once.
    request.actor ??= await this.authenticate(request);
    refuseAuditorMutation(context, request.actor);
    return true;
  }

  private async authenticate(request: HttpRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)');
    const verification = await this.tokens.verify(token.trim());
    if (!verification.ok) throw new ApiError('UNAUTHENTICATED', `Not authenticated: ${verification.reason}`);
    const principal = await this.directory.findByUsername(verification.username);
    if (!principal) throw new ApiError('UNAUTHENTICATED', `No staff account ${verification.username}`);
    if (principal.locked) throw new ApiError('UNAUTHENTICATED', `The account ${principal.username} is locked`, { reason: 'ACCOUNT_LOCKED' });
    return principal;
  }
}

export function requestOf(context: ExecutionContext): HttpRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: HttpRequest }>().req
    : context.switchToHttp().getRequest<HttpRequest>();
}
