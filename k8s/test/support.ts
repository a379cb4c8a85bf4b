import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const repoRoot = resolve(__dirname, '..', '..');
export const baseDir = join(repoRoot, 'k8s', 'base');

/** Every service that runs in its own container, with the HTTP port it listens on. */
export const SERVICES = [
  { name: 'complaints', port: 3001 },
  { name: 'enforcement', port: 3002 },
  { name: 'coordination', port: 3003 },
  { name: 'disclosure', port: 3004 },
  { name: 'notification', port: 3005 },
  { name: 'rating', port: 3006 },
] as const;

export type Yaml = Record<string, unknown>;

export function readText(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

/** One YAML document, with `<<` merge keys resolved as Docker Compose resolves them. */
export function readYaml(relativePath: string): Yaml {
  const value: unknown = parse(readText(relativePath), { merge: true });
  if (!isMap(value)) throw new Error(`${relativePath} is not a YAML mapping`);
  return value;
}

/** Every document of a `---` separated stream; a syntax error names the file. */
export function readYamlDocuments(relativePath: string): Yaml[] {
  return parseAllDocuments(readText(relativePath)).map((document, index) => {
    if (document.errors.length > 0) {
      throw new Error(`${relativePath}, document ${index + 1}: ${document.errors[0].message}`);
    }
    const value: unknown = document.toJSON();
    if (!isMap(value)) throw new Error(`${relativePath}, document ${index + 1} is not a mapping`);
    return value;
  });
}

export function isMap(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a nested field, failing with the path that was missing instead of a TypeError. */
export function field(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => {
    if (!isMap(current)) throw new Error(`no "${key}" in ${JSON.stringify(current)} (looking for ${path})`);
    return current[key];
  }, value);
}

/** Durations as Docker Compose writes them ("45s", "1m30s", "500ms"), in seconds. */
export function composeDurationSeconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map(([part]) => part).join('') !== duration) {
    throw new Error(`not a duration: ${duration}`);
  }
  const unitSeconds: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * unitSeconds[unit], 0);
}

/**
 * Runs a health-check command the way a container runtime would (PORT in its
 * environment) against a local server answering `status` on `path` and 404 elsewhere,
 * and resolves with the command's exit code.
 */
export async function healthCheckExitCode(
  command: readonly string[],
  serve: { path: string; status: number } | 'nothing listening',
): Promise<number> {
  const server = createServer((request, response) => {
    response.statusCode = serve !== 'nothing listening' && request.url === serve.path ? serve.status : 404;
    response.end();
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  if (serve === 'nothing listening') await new Promise((resolveClose) => server.close(resolveClose));
  try {
    return await new Promise<number>((resolveExit, reject) => {
      const [file, ...args] = command;
      const child = spawn(file, args, { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => resolveExit(code ?? -1));
    });
  } finally {
    if (server.listening) server.close();
  }
}
