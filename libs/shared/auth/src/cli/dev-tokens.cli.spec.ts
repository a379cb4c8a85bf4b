import { TokenVerifier } from '../token-verifier';
import { ALL_ROLES } from '../role';
import { RefusedInProductionError, issueDevelopmentTokens } from './dev-tokens.cli';

describe('dev-tokens CLI', () => {
  it('issues one token per role that the development setup accepts', async () => {
    const lines = await issueDevelopmentTokens({});
    expect(lines.map((line) => line.role)).toEqual(ALL_ROLES);
    const verifier = new TokenVerifier({ jwtSecret: 'civicflow-development-secret-change-me', issuer: 'civicflow', audience: 'civicflow' });
    const users = await Promise.all(lines.map((line) => verifier.verify(line.token)));
    expect(users.find((user) => user.id === 'dev-department_agent')).toEqual({
      id: 'dev-department_agent',
      roles: ['department_agent'],
      department: 'sanitation',
    });
    expect(users.find((user) => user.id === 'dev-supervisor')).toEqual({ id: 'dev-supervisor', roles: ['supervisor'] });
  });

  it('signs with the configured secret and audience', async () => {
    const [first] = await issueDevelopmentTokens({ AUTH_JWT_SECRET: 'a-local-secret-for-testing', AUTH_AUDIENCE: 'local' });
    const verifier = new TokenVerifier({ jwtSecret: 'a-local-secret-for-testing', issuer: 'civicflow', audience: 'local' });
    await expect(verifier.verify(first?.token ?? '')).resolves.toMatchObject({ id: 'dev-citizen' });
  });

  it('refuses to run in production, even with a secret configured', async () => {
    await expect(issueDevelopmentTokens({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-real-production-secret' })).rejects.toBeInstanceOf(
      RefusedInProductionError,
    );
  });
});
