import { SignJWT } from 'jose';
import { issueDevelopmentToken } from './development-token';
import { Role } from './role';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const secret = 'test-secret-of-sufficient-length';
const verifier = new TokenVerifier({ jwtSecret: secret, issuer: 'civicflow', audience: 'civicflow' });
const sign = (claims: Record<string, unknown>, key = secret, options: { issuer?: string; audience?: string; expiresIn?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? 'civicflow')
    .setAudience(options.audience ?? 'civicflow')
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(key));

async function rejection(token: string): Promise<InvalidTokenError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof InvalidTokenError)) throw new Error(`expected InvalidTokenError, got ${String(error)}`);
  return error;
}

describe('TokenVerifier with an HS256 secret', () => {
  it('accepts a development token and reads the user from its claims', async () => {
    const token = await issueDevelopmentToken(
      { sub: 'agent-7', roles: [Role.DepartmentAgent], department: 'sanitation', name: 'Agent Seven' },
      secret,
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'agent-7',
      roles: ['department_agent'],
      department: 'sanitation',
      name: 'Agent Seven',
    });
  });

  it('rejects a token signed with another secret', async () => {
    const token = await issueDevelopmentToken({ sub: 'u', roles: [] }, 'another-secret-of-sufficient-length');
    expect((await rejection(token)).reason).toBe('invalid');
  });

  it('rejects an expired token, naming the expiry', async () => {
    const token = await issueDevelopmentToken({ sub: 'u', roles: [] }, secret, -30);
    const error = await rejection(token);
    expect(error.reason).toBe('expired');
    expect(error.message).toBe('The bearer token has expired');
  });

  it('tolerates five seconds of clock skew', async () => {
    const token = await issueDevelopmentToken({ sub: 'u', roles: [] }, secret, -2);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'u' });
  });

  it('rejects a token for another audience or from another issuer', async () => {
    await rejection(await sign({ sub: 'u' }, secret, { audience: 'someone-else' }));
    await rejection(await sign({ sub: 'u' }, secret, { issuer: 'someone-else' }));
  });

  it('rejects a token without a subject', async () => {
    await rejection(await sign({ roles: ['admin'] }));
  });

  it('rejects a token without an expiry', async () => {
    const neverExpiring = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('civicflow')
      .setAudience('civicflow')
      .sign(new TextEncoder().encode(secret));
    await rejection(neverExpiring);
  });

  it('rejects malformed role and department claims', async () => {
    await rejection(await sign({ sub: 'u', roles: 'admin' }));
    await rejection(await sign({ sub: 'u', roles: [Role.Officer], department: 42 }));
  });

  it('keeps only the roles this application knows', async () => {
    const user = await verifier.verify(await sign({ sub: 'u', roles: ['officer', 'offline_access', 'admin'] }));
    expect(user.roles).toEqual(['officer', 'admin']);
  });

  it('rejects garbage', async () => {
    await rejection('not.a.token');
  });

  it('refuses to start without a secret or a key set', () => {
    expect(() => new TokenVerifier({ issuer: 'civicflow', audience: 'civicflow' })).toThrow(/JWT secret or a JWKS URL/);
  });
});
