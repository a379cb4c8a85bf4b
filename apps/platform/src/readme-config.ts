import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigTable } from '@civicflow/config';
import { platformConfigSchema } from './app.module';

export const README_CONFIG_START = '<!-- config-table:start (npm run readme:config) -->';
export const README_CONFIG_END = '<!-- config-table:end -->';

/** The README with its configuration table regenerated from the platform's schema (which holds every service's variables). */
export function withCurrentConfigTable(readme: string): string {
  const start = readme.indexOf(README_CONFIG_START);
  const end = readme.indexOf(README_CONFIG_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${README_CONFIG_START} and ${README_CONFIG_END}`);
  return `${readme.slice(0, start + README_CONFIG_START.length)}\n${renderConfigTable(platformConfigSchema)}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const path = process.argv[2] ?? 'README.md';
  writeFileSync(path, withCurrentConfigTable(readFileSync(path, 'utf8')));
  process.stdout.write(`${path}: configuration table regenerated\n`);
}
