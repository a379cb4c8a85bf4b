import { SignJWT } from 'jose';
import type { Role } from './role';

export interface DevelopmentTokenClaims {
  sub: string;
  roles: Role[];
  department?: string;
  name?: string;
}

/**
 * Signs an HS256 token the development setup accepts. `ttl` is seconds or a jose
 * time span such as '8h'.
 */
export async function issueDevelopmentToken(
  claims: DevelopmentTokenClaims,
  secret: string,
  ttl: number | string = '8h',
  { issuer = 'civicflow', audience = 'civicflow' }: { issuer?: string; audience?: string } = {},
): Promise<string> {
  const { sub, ...customClaims } = claims;
  const expiresAt = typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl;
  return new SignJWT({ ...customClaims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}
