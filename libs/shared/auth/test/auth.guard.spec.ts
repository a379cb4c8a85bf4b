import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthModule } from '../src/auth.module';
import type { AuthenticatedUser } from '../src/authenticated-user';
import { CurrentUser, Public, Roles } from '../src/decorators';
import { issueDevelopmentToken } from '../src/development-token';
import { Role } from '../src/role';

const secret = 'guard-test-secret-of-sufficient-length';

@Controller()
class ProbeController {
  @Public()
  @Get('complaints/form')
  form(@CurrentUser() user: AuthenticatedUser | undefined) {
    return { signedInAs: user?.id ?? null };
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Roles(Role.Supervisor, Role.Admin)
  @Get('supervision')
  supervision() {
    return { ok: true };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  open() {
    return { ok: true };
  }
}

describe('AuthGuard on a Fastify application', () => {
  let app: NestFastifyApplication;
  const tokenFor = (roles: Role[], sub = 'user-1') => issueDevelopmentToken({ sub, roles }, secret, '5m');
  const get = (url: string, token?: string, authorization = token ? `Bearer ${token}` : undefined) =>
    app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwtSecret: secret, issuer: 'civicflow', audience: 'civicflow' })],
      controllers: [ProbeController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await get('/me');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({ statusCode: 401, code: 'unauthenticated', message: 'A bearer token is required' });
  });

  it('answers 401 for a token it cannot verify', async () => {
    const response = await get('/me', await issueDevelopmentToken({ sub: 'u', roles: [] }, 'some-other-secret-value'));
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json()).toMatchObject({ code: 'unauthenticated', message: 'The bearer token is invalid' });
  });

  it('answers 401 for an Authorization header of another scheme', async () => {
    const response = await get('/me', undefined, 'Basic dXNlcjpwYXNz');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('hands the verified user to the handler', async () => {
    const response = await get('/me', await tokenFor([Role.Officer], 'officer-9'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'officer-9', roles: ['officer'] });
  });

  it('answers 403 with a clear message when the role is wrong', async () => {
    const response = await get('/supervision', await tokenFor([Role.Officer]));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      statusCode: 403,
      code: 'forbidden',
      message: 'This action requires one of the roles: supervisor, admin',
    });
  });

  it('lets any one of the listed roles through', async () => {
    expect((await get('/supervision', await tokenFor([Role.Admin]))).statusCode).toBe(200);
    expect((await get('/supervision', await tokenFor([Role.Citizen, Role.Supervisor]))).statusCode).toBe(200);
  });

  it('serves a public route to an anonymous caller', async () => {
    const response = await get('/complaints/form');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedInAs: null });
  });

  it('identifies a signed-in caller on a public route', async () => {
    const response = await get('/complaints/form', await tokenFor([Role.Citizen], 'citizen-3'));
    expect(response.json()).toEqual({ signedInAs: 'citizen-3' });
  });

  it('rejects an expired token even on a public route rather than silently going anonymous', async () => {
    const expired = await issueDevelopmentToken({ sub: 'citizen-3', roles: [Role.Citizen] }, secret, -60);
    const response = await get('/complaints/form', expired);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: 'The bearer token has expired' });
  });

  it('honours @Public() on a controller class', async () => {
    expect((await get('/open')).statusCode).toBe(200);
  });
});
