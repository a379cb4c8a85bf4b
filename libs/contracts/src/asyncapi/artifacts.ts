import { resolve } from 'node:path';
import { buildAsyncApiDocument } from './document';
import { renderEventCatalogueMarkdown } from './events-markdown';

export interface GeneratedArtifact {
  /** Absolute path of the committed file. */
  path: string;
  content: string;
}

const CONTRACTS_ROOT = resolve(__dirname, '..', '..');

/** The files generated from the catalogue, exactly as they are committed. */
export function generatedArtifacts(): GeneratedArtifact[] {
  return [
    { path: resolve(CONTRACTS_ROOT, 'asyncapi.json'), content: `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n` },
    { path: resolve(CONTRACTS_ROOT, 'EVENTS.md'), content: renderEventCatalogueMarkdown() },
  ];
}
