import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import type { Role } from './role';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

interface HttpReply {
  header(name: string, value: string): unknown;
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Message handlers of a hybrid app trust the broker's authentication, not bearer tokens.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true;
    const requiredRoles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();

    const authorization = request.headers['authorization'];
    if (authorization === undefined) {
      if (isPublic && requiredRoles.length === 0) return true;
      throw unauthenticated(reply, 'A bearer token is required', 'Bearer');
    }
    const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
    if (token === undefined) {
      throw unauthenticated(reply, 'The Authorization header must be "Bearer <token>"', 'Bearer error="invalid_request"');
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.debug(`Rejected bearer token: ${error.message}`);
      // Even on a public route: a citizen whose session expired expects the complaint under
      // their account, so a silent fallback to anonymous would surprise them.
      throw unauthenticated(reply, error.message, 'Bearer error="invalid_token"');
    }

    if (requiredRoles.length > 0 && !requiredRoles.some((role) => request.user?.roles.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        code: 'forbidden',
        message: `This action requires one of the roles: ${requiredRoles.join(', ')}`,
      });
    }
    return true;
  }
}

function unauthenticated(reply: HttpReply, message: string, challenge: string): UnauthorizedException {
  reply.header('WWW-Authenticate', challenge);
  return new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message });
}
