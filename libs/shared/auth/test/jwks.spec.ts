import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { issueDevelopmentToken } from '../src/development-token';
import { InvalidTokenError, TokenVerifier } from '../src/token-verifier';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
}

describe('TokenVerifier with a remote JWKS', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let rsa: SigningKey;
  let ec: SigningKey;
  let jwksRequests = 0;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    rsa = { kid: 'rsa-1', alg: 'RS256', privateKey: rsaPair.privateKey };
    ec = { kid: 'ec-1', alg: 'ES256', privateKey: ecPair.privateKey };
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(rsaPair.publicKey)), kid: rsa.kid, alg: rsa.alg, use: 'sig' },
        { ...(await exportJWK(ecPair.publicKey)), kid: ec.kid, alg: ec.alg, use: 'sig' },
      ],
    });
    server = createServer((request, response) => {
      jwksRequests += 1;
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier({
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer: 'https://id.example.org',
      audience: 'civicflow',
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  const sign = (key: SigningKey, claims: Record<string, unknown> = { sub: 'officer-1', roles: ['officer'] }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuer('https://id.example.org')
      .setAudience('civicflow')
      .setExpirationTime('5m')
      .sign(key.privateKey);

  it('accepts an RS256 token signed by a key of the set, fetching the set over HTTP', async () => {
    await expect(verifier.verify(await sign(rsa))).resolves.toEqual({ id: 'officer-1', roles: ['officer'] });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('accepts an ES256 token signed by a key of the set', async () => {
    await expect(verifier.verify(await sign(ec, { sub: 'auditor-1', roles: ['auditor'] }))).resolves.toMatchObject({
      id: 'auditor-1',
    });
  });

  it('rejects a token signed by a key outside the set', async () => {
    const stranger = await generateKeyPair('RS256');
    const forged = await sign({ kid: rsa.kid, alg: 'RS256', privateKey: stranger.privateKey });
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects an HS256 development token once a key set is configured', async () => {
    const development = await issueDevelopmentToken({ sub: 'dev-admin', roles: ['admin'] }, 'civicflow-development-secret-change-me', '5m', {
      issuer: 'https://id.example.org',
    });
    await expect(verifier.verify(development)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
