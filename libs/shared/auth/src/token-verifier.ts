import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { AuthenticatedUser } from './authenticated-user';
import { isRole } from './role';

export interface AuthOptions {
  /** HS256 secret; used only when no JWKS URL is given. */
  jwtSecret?: string;
  /** Identity provider's key set; when set, only RS256/ES256 tokens signed by it pass. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid',
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const CLOCK_TOLERANCE_SECONDS = 5;

export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: AuthOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'ES256'];
    } else if (options.jwtSecret) {
      this.key = new TextEncoder().encode(options.jwtSecret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('Authentication needs either a JWT secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // A token without an expiry would stay valid forever once leaked.
        requiredClaims: ['sub', 'exp'],
      };
      ({ payload } = await jwtVerify(token, this.key, verifyOptions));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The bearer token has expired', 'expired');
      throw new InvalidTokenError('The bearer token is invalid', 'invalid');
    }
    return userFromClaims(payload);
  }
}

function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const { sub, roles = [], department, name } = payload;
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('The bearer token has no subject', 'invalid');
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new InvalidTokenError('The bearer token has a malformed roles claim', 'invalid');
  }
  if (department !== undefined && typeof department !== 'string') {
    throw new InvalidTokenError('The bearer token has a malformed department claim', 'invalid');
  }
  // An identity provider may carry roles of other applications; only ours grant anything here.
  const user: AuthenticatedUser = { id: sub, roles: roles.filter(isRole) };
  if (department) user.department = department;
  if (typeof name === 'string' && name !== '') user.name = name;
  return user;
}
