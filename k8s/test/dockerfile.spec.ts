import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthCheckExitCode, readText, repoRoot } from './support';

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions grouped by stage, with line continuations joined as Docker joins them. */
function parseDockerfile(text: string): Instruction[][] {
  const logicalLines: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1);
      continue;
    }
    logicalLines.push(pending + line);
    pending = '';
  }
  const stages: Instruction[][] = [];
  for (const line of logicalLines.map((candidate) => candidate.trim()).filter(Boolean)) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const stages = parseDockerfile(readText('Dockerfile'));
const finalStage = stages.at(-1) ?? [];
const instructions = (keyword: string, stage = finalStage) => stage.filter((instruction) => instruction.keyword === keyword);
const environment = Object.fromEntries(
  instructions('ENV').flatMap(({ args }) => args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
);

/** The JSON (exec) form that follows `CMD` in CMD and HEALTHCHECK, as an argument list. */
function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error(`not an exec form: ${args}`);
  return parsed.map(String);
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number; pid: number; stdout: string }>((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, pid: child.pid ?? -1, stdout }));
  });
}

describe('the Dockerfile', () => {
  let workspace: string;

  beforeAll(() => {
    // A stand-in for the image's /app: one app, the dependencies, the tsconfig.
    workspace = mkdtempSync(join(tmpdir(), 'civicflow-image-'));
    mkdirSync(join(workspace, 'apps', 'probe', 'src'), { recursive: true });
    writeFileSync(
      join(workspace, 'apps', 'probe', 'src', 'main.ts'),
      'const pid: number = process.pid;\nprocess.stdout.write(String(pid));\n',
    );
    // Exists, but outside apps/: only the name check can keep SERVICE=../outside out.
    mkdirSync(join(workspace, 'outside', 'src'), { recursive: true });
    writeFileSync(join(workspace, 'outside', 'src', 'main.ts'), '');
    writeFileSync(join(workspace, 'tsconfig.base.json'), readText('tsconfig.base.json'));
    symlinkSync(join(repoRoot, 'node_modules'), join(workspace, 'node_modules'), 'dir');
  });

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('builds every stage on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) {
      const image = stage[0].args.split(/\s+/).find((word) => !word.startsWith('--'));
      expect(image).toBe('node:20-bookworm-slim');
    }
  });

  it('installs the devDependencies that run the TypeScript', () => {
    const { devDependencies = {} } = JSON.parse(readText('package.json')) as { devDependencies?: Record<string, string> };
    expect(Object.keys(devDependencies)).toEqual(expect.arrayContaining(['@swc-node/register', '@swc/core']));
    const installs = stages.flatMap((stage) => instructions('RUN', stage)).map(({ args }) => args);
    expect(installs.some((args) => /\bnpm ci\b/.test(args))).toBe(true);
    expect(installs.filter((args) => /--omit[= ]dev|--production|npm prune/.test(args))).toEqual([]);
  });

  it('copies only sources that exist and that .dockerignore lets into the build context', () => {
    const dockerignore = readText('.dockerignore').split('\n').map((line) => line.trim());
    const sources = stages
      .flatMap((stage) => instructions('COPY', stage))
      .filter(({ args }) => !args.startsWith('--from'))
      .flatMap(({ args }) => args.split(/\s+/).filter((word) => !word.startsWith('--')).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(repoRoot, source)) }).toEqual({ source, exists: true });
      const allowed = dockerignore.includes(`!${source}`) || dockerignore.includes(`!${source}/`);
      expect({ source, allowed }).toEqual({ source, allowed: true });
    }
  });

  it('keeps local secrets, data and a host node_modules out of the build context', () => {
    const dockerignore = readText('.dockerignore').split('\n').map((line) => line.trim());
    expect(dockerignore.find((line) => line && !line.startsWith('#'))).toBe('*');
    expect(dockerignore).toEqual(expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/data']));
  });

  it('takes SERVICE as a required build argument', () => {
    expect(instructions('ARG').map(({ args }) => args)).toContain('SERVICE');
    expect(environment.SERVICE).toBe('$SERVICE');
  });

  it.each([
    ['an existing app', 'probe', 0],
    ['no value', '', 1],
    ['an app that does not exist', 'unknown', 1],
    ['a path outside apps/', '../outside', 1],
    ['shell syntax', 'probe;id', 1],
  ])('the SERVICE check accepts only an existing app (%s)', async (_case, service, expected) => {
    const checks = instructions('RUN').filter(({ args }) => args.includes('$SERVICE'));
    expect(checks).toHaveLength(1);
    const { code } = await run('sh', ['-c', checks[0].args], { cwd: workspace, env: { ...process.env, SERVICE: service } });
    expect(code === 0 ? 0 : 1).toBe(expected);
  });

  it('runs as the unprivileged node user', () => {
    expect(instructions('USER').at(-1)?.args).toBe('node');
  });

  it('reports healthy only while /health/live answers OK on PORT', async () => {
    const [healthcheck] = instructions('HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const command = execForm(healthcheck.args);
    expect(await healthCheckExitCode(command, { path: '/health/live', status: 200 })).toBe(0);
    expect(await healthCheckExitCode(command, { path: '/health/live', status: 500 })).not.toBe(0);
    expect(await healthCheckExitCode(command, 'nothing listening')).not.toBe(0);
  });

  it('stops with SIGTERM, which the started command hands to node itself', async () => {
    expect(instructions('STOPSIGNAL').map(({ args }) => args)).toEqual(['SIGTERM']);
    expect(environment.SWC_NODE_PROJECT).toBe('tsconfig.base.json');
    const [command, ...args] = execForm(instructions('CMD').at(-1)?.args ?? '[]');
    const started = await run(command, args, {
      cwd: workspace,
      env: { ...process.env, ...environment, SERVICE: 'probe' },
    });
    expect(started.code).toBe(0);
    // The TypeScript ran, and in the very process that was started: the shell exec'd into node.
    expect(started.stdout).toBe(String(started.pid));
  }, 30_000);
});
