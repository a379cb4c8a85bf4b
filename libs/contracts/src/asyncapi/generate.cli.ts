import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedArtifacts } from './artifacts';

/**
 * Writes libs/contracts/asyncapi.json and libs/contracts/EVENTS.md from the catalogue.
 * With `--check` it writes nothing and exits 1 when a committed file is stale (for CI).
 */
function main(argv: string[]): number {
  const checkOnly = argv.includes('--check');
  let stale = 0;
  for (const artifact of generatedArtifacts()) {
    const shown = relative(process.cwd(), artifact.path);
    const current = readIfExists(artifact.path);
    if (current === artifact.content) {
      console.log(`${shown}: up to date`);
    } else if (checkOnly) {
      stale += 1;
      console.error(`${shown}: stale; run \`npm run asyncapi:generate\``);
    } else {
      writeFileSync(artifact.path, artifact.content);
      console.log(`${shown}: written`);
    }
  }
  return stale ? 1 : 0;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

process.exitCode = main(process.argv.slice(2));
