import { createHash } from 'node:crypto';

/** The hash an entry at sequence 1 points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** One entry of a case's whole-process record (执法全过程记录), as it is hashed. */
export interface RecordEntry {
  readonly caseId: string;
  readonly sequence: number;
  readonly actor: string;
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString()` writes it. */
  readonly recordedAt: string;
  readonly place: string | null;
  readonly action: string;
  readonly payload: JsonValue;
  readonly evidenceSha256: readonly string[];
  readonly previousHash: string;
}

export interface HashedRecordEntry extends RecordEntry {
  readonly hash: string;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * JSON with object keys sorted at every depth and no whitespace: the database's jsonb keeps
 * neither key order nor spacing, so the hash must not depend on them.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/** SHA-256 over the canonical serialisation of every field of the entry, the previous hash included. */
export function hashEntry(entry: RecordEntry): string {
  const fields: JsonValue = {
    caseId: entry.caseId,
    sequence: entry.sequence,
    actor: entry.actor,
    recordedAt: entry.recordedAt,
    place: entry.place,
    action: entry.action,
    payload: entry.payload,
    evidenceSha256: [...entry.evidenceSha256],
    previousHash: entry.previousHash,
  };
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

export type ChainVerdict =
  | { readonly intact: true; readonly entries: number; readonly lastHash: string }
  | { readonly intact: false; readonly entries: number; readonly brokenAt: number; readonly reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap' };

/** Recomputes the chain of one case, entries in sequence order, and names the first broken link. */
export function verifyChain(entries: readonly HashedRecordEntry[]): ChainVerdict {
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const broken = (reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap') => ({ intact: false as const, entries: entries.length, brokenAt: entry.sequence, reason });
    if (entry.sequence !== index + 1) return broken('sequence_gap');
    if (entry.previousHash !== previousHash) return broken('previous_hash_mismatch');
    if (hashEntry(entry) !== entry.hash) return broken('hash_mismatch');
    previousHash = entry.hash;
  }
  return { intact: true, entries: entries.length, lastHash: previousHash };
}
