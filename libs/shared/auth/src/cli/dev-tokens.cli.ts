import { type Environment, authVariables, loadConfig, runtimeVariables } from '@civicflow/config';
import { Type } from '@sinclair/typebox';
import { issueDevelopmentToken } from '../development-token';
import { ALL_ROLES, Role } from '../role';

const TOKEN_TTL = '12h';
const schema = Type.Object({ ...runtimeVariables, ...authVariables });

export class RefusedInProductionError extends Error {
  constructor() {
    super('Development tokens are refused when NODE_ENV=production');
    this.name = 'RefusedInProductionError';
  }
}

export interface DevelopmentTokenLine {
  role: Role;
  token: string;
}

/** One token per role, signed with the configured development secret. */
export async function issueDevelopmentTokens(env: Environment): Promise<DevelopmentTokenLine[]> {
  // Checked before the configuration loads, so that the refusal, not a config error, is what the user reads.
  if (env['NODE_ENV'] === 'production') throw new RefusedInProductionError();
  const config = loadConfig(schema, env);
  const audience = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  return Promise.all(
    ALL_ROLES.map(async (role) => ({
      role,
      token: await issueDevelopmentToken(
        { sub: `dev-${role}`, roles: [role], ...(role === Role.DepartmentAgent ? { department: 'sanitation' } : {}) },
        config.AUTH_JWT_SECRET,
        TOKEN_TTL,
        audience,
      ),
    })),
  );
}

async function main(): Promise<void> {
  if (process.env['AUTH_JWKS_URL']) {
    console.error('Note: AUTH_JWKS_URL is set, so the services will not accept these HS256 tokens.');
  }
  const lines = await issueDevelopmentTokens(process.env);
  const width = Math.max(...lines.map((line) => line.role.length));
  console.log(`# Development bearer tokens, valid for ${TOKEN_TTL}: curl -H "Authorization: Bearer <token>"`);
  for (const { role, token } of lines) console.log(`${role.padEnd(width)}  ${token}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
