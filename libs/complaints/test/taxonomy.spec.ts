import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@civicflow/auth';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { ComplaintsModule, complaintsVariables, DEFAULT_CATALOGUE } from '../src';

interface CategoryBody {
  code: string;
  level: 'major' | 'sub';
  tree: string;
  standardCode: string;
  name: string;
  names: { 'zh-CN': string; en: string };
  active: boolean;
  majorCode?: string;
  class721?: string;
  defaultHandlingUnit?: string;
  department?: string;
  deadline?: { amount: number; unit: string };
  majorClass?: CategoryBody;
  subClasses?: CategoryBody[];
}

type MajorBody = CategoryBody & { subClasses: CategoryBody[] };

interface ListBody {
  items: MajorBody[];
}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string[];
}

const configSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints-test', transport: 'in-process' }, complaintsVariables);
const complaintsHost = (env: NodeJS.ProcessEnv) => HostModule.forRoot({ name: 'complaints', configSchema, env, services: [ComplaintsModule] });

const defaultCodes = DEFAULT_CATALOGUE.map((definition) => definition.code).sort();

function codesOf(items: MajorBody[]): string[] {
  return items.flatMap((major) => [major.code, ...major.subClasses.map((sub) => sub.code)]).sort();
}

const bulkyWaste = {
  level: 'sub',
  tree: 'event',
  standardCode: '0112',
  name: { 'zh-CN': '大件垃圾乱堆', en: 'Bulky waste left in the street' },
  majorCode: 'city-appearance',
  class721: 'service',
  defaultHandlingUnit: 'sanitation-team',
  deadline: { amount: 2, unit: 'working_days' },
};

describe('the category catalogue over HTTP, on PostgreSQL', () => {
  let host: TestHost;
  let admin: string;

  /** `null`: no token at all. */
  const put = (code: string, body: unknown, token: string | null = admin) =>
    host.request(`/api/v1/categories/${code}`, { method: 'PUT', token: token ?? undefined, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const remove = (code: string, token: string | null = admin) => host.request(`/api/v1/categories/${code}`, { method: 'DELETE', token: token ?? undefined });
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await host.request(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    host = await startTestHost({ name: 'complaints_taxonomy', boot: (env, listen) => bootstrapHost(complaintsHost(env), { title: 'complaints', description: 'test', ...listen }) });
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-7' });
  });

  afterAll(() => host?.close());

  it('starts with the default catalogue, both trees, to anyone without a token', async () => {
    const { items } = await getJson<ListBody>('/api/v1/categories');
    expect(codesOf(items)).toEqual(defaultCodes);
    expect(items[0]).toMatchObject({ code: 'public-facilities', tree: 'component', standardCode: '01', name: '公用设施' });
    expect(items.map((major) => major.tree)).toEqual([...items.map((major) => major.tree)].sort());
  });

  it('lists one tree, named in the requested language, with both names alongside', async () => {
    const { items } = await getJson<ListBody>('/api/v1/categories?tree=event&locale=en');
    expect(items.every((major) => major.tree === 'event' && major.subClasses.every((sub) => sub.tree === 'event'))).toBe(true);
    const streetOrder = items.find((major) => major.code === 'street-order');
    expect(streetOrder?.name).toBe('Street order');
    expect(streetOrder?.subClasses.find((sub) => sub.code === 'street-vending')).toMatchObject({
      name: 'Street vending on the road',
      names: { 'zh-CN': '流动摊贩占道经营', en: 'Street vending on the road' },
      standardCode: '0501',
      class721: 'management',
      defaultHandlingUnit: 'street-order-squad',
      deadline: { amount: 4, unit: 'working_hours' },
    });
  });

  it('finds a sub class with its major class', async () => {
    const body = await getJson<CategoryBody>('/api/v1/categories/pavement-parking');
    expect(body).toMatchObject({ code: 'pavement-parking', level: 'sub', department: 'traffic-police', majorClass: { code: 'street-order', level: 'major', name: '街面秩序' } });
  });

  it('finds a major class with its sub classes', async () => {
    const body = await getJson<MajorBody>('/api/v1/categories/public-facilities?locale=en');
    expect(body.name).toBe('Public facilities');
    expect(body.subClasses.map((sub) => sub.code)).toEqual(['manhole-cover-damaged', 'storm-drain-grate-damaged', 'street-lamp-damaged']);
  });

  it('answers 404 for an unknown code and 400 for what is not a code or an unknown query value', async () => {
    expect((await host.request('/api/v1/categories/no-such-class')).status).toBe(404);
    const badCode = await host.request('/api/v1/categories/Street%20Vending');
    expect(badCode.status).toBe(400);
    const badTree = await host.request('/api/v1/categories?tree=incident');
    expect(badTree.status).toBe(400);
    expect(((await badTree.json()) as ErrorBody).message).toEqual([expect.stringMatching(/^tree must be one of/)]);
  });

  it('lets only admins change the catalogue: 401 without a token, 403 for other roles', async () => {
    expect((await put('bulky-waste', bulkyWaste, null)).status).toBe(401);
    expect((await remove('street-vending', null)).status).toBe(401);
    for (const role of [Role.Citizen, Role.Officer, Role.Supervisor, Role.HotlineOperator]) {
      const token = await host.tokenFor([role]);
      expect((await put('bulky-waste', bulkyWaste, token)).status).toBe(403);
      expect((await remove('street-vending', token)).status).toBe(403);
    }
    expect((await host.request('/api/v1/categories/bulky-waste')).status).toBe(404);
  });

  it('creates a sub class (201), serves it at once, then replaces it (200), recording the admin', async () => {
    const created = await put('bulky-waste', bulkyWaste);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code: 'bulky-waste', name: '大件垃圾乱堆', active: true });
    expect(await getJson<CategoryBody>('/api/v1/categories/bulky-waste')).toMatchObject({ class721: 'service', majorClass: { code: 'city-appearance' } });

    const replaced = await put('bulky-waste', { ...bulkyWaste, class721: 'management', defaultHandlingUnit: 'street-order-squad', deadline: { amount: 8, unit: 'working_hours' } });
    expect(replaced.status).toBe(200);
    expect(await getJson<CategoryBody>('/api/v1/categories/bulky-waste')).toMatchObject({ class721: 'management', defaultHandlingUnit: 'street-order-squad', deadline: { amount: 8, unit: 'working_hours' } });
    const [row] = await host.query<{ updated_by: string; deadline_amount: number }>(`SELECT updated_by, deadline_amount FROM complaints.category WHERE code = 'bulky-waste'`);
    expect(row).toEqual({ updated_by: 'admin-7', deadline_amount: 8 });
  });

  it('refuses a bad class with 400, naming every field at fault', async () => {
    const response = await put('bad-class', { ...bulkyWaste, standardCode: '0113', name: { 'zh-CN': '大件垃圾', en: '' }, deadline: { amount: 0, unit: 'working_days' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.code).toBe('invalid_category');
    expect(body.message).toEqual([expect.stringMatching(/^name\.en /), expect.stringMatching(/^deadline\.amount /)]);
  });

  it('refuses a badly shaped body with 400 before any rule is checked', async () => {
    const response = await put('bad-class', { ...bulkyWaste, deadline: { amount: 'two', unit: 'weeks' }, colour: 'red' });
    expect(response.status).toBe(400);
    const messages = ((await response.json()) as ErrorBody).message;
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^property colour should not exist/), expect.stringMatching(/^deadline\.amount /), expect.stringMatching(/^deadline\.unit /)]));
  });

  it('refuses with 409 a sub class whose major class does not exist or is of the other tree', async () => {
    const missing = await put('bad-class', { ...bulkyWaste, majorCode: 'no-such-major' });
    expect(missing.status).toBe(409);
    expect(await missing.json()).toMatchObject({ code: 'major_class_mismatch', message: [expect.stringMatching(/^majorCode names no-such-major/)] });
    const otherTree = await put('bad-class', { ...bulkyWaste, majorCode: 'public-facilities', standardCode: '0130' });
    expect(otherTree.status).toBe(409);
    expect((await host.request('/api/v1/categories/bad-class')).status).toBe(404);
  });

  it('refuses with 409 a standard code another class of the tree has', async () => {
    const response = await put('bad-class', { ...bulkyWaste, standardCode: '0102' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'standard_code_taken', message: [expect.stringContaining('exposed-garbage')] });
  });

  it('refuses with 409 to move a major class that has sub classes to the other tree', async () => {
    const response = await put('emergencies', { level: 'major', tree: 'component', standardCode: '09', name: { 'zh-CN': '突发事件', en: 'Emergencies' } });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'major_class_has_sub_classes' });
  });

  it('deactivates a sub class: gone from the list, still found for triage', async () => {
    expect((await remove('shared-bicycles-piled-up')).status).toBe(204);
    const { items } = await getJson<ListBody>('/api/v1/categories?tree=event');
    expect(codesOf(items)).not.toContain('shared-bicycles-piled-up');
    const withInactive = await getJson<ListBody>('/api/v1/categories?tree=event&includeInactive=true');
    expect(codesOf(withInactive.items)).toContain('shared-bicycles-piled-up');
    expect(await getJson<CategoryBody>('/api/v1/categories/shared-bicycles-piled-up')).toMatchObject({ active: false, class721: 'service' });
    expect((await remove('shared-bicycles-piled-up')).status).toBe(204);
  });

  it('deactivates a major class with its sub classes', async () => {
    expect((await remove('green-space')).status).toBe(204);
    const rows = await host.query<{ code: string; active: boolean }>(`SELECT code, active FROM complaints.category WHERE code = 'green-space' OR major_code = 'green-space' ORDER BY code`);
    expect(rows.length).toBe(4);
    expect(rows.every((row) => !row.active)).toBe(true);
    const { items } = await getJson<ListBody>('/api/v1/categories');
    expect(items.map((major) => major.code)).not.toContain('green-space');
  });

  it('answers 404 when deactivating an unknown class', async () => {
    expect((await remove('no-such-class')).status).toBe(404);
  });

  it('documents the catalogue in OpenAPI, reads public and writes behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    expect(document.paths['/api/v1/categories']?.get?.security).toBeUndefined();
    expect(document.paths['/api/v1/categories/{code}']?.put?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/categories/{code}']?.delete?.security).toEqual([{ bearer: [] }]);
  });
});

describe('the category catalogue, embedded (PGlite)', () => {
  let app: INestApplication;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-taxonomy-'));
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process' };
    app = await bootstrapHost(complaintsHost(env), { title: 'complaints', description: 'test', port: 0, host: '127.0.0.1', handleSignals: false });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the default catalogue too', async () => {
    expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(0);
    const response = await fetch(new URL('/api/v1/categories', (await app.getUrl()).replace('[::1]', '127.0.0.1')));
    expect(response.status).toBe(200);
    expect(codesOf(((await response.json()) as ListBody).items)).toEqual(defaultCodes);
  });
});
