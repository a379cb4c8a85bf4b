import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Logger, type Provider } from '@nestjs/common';
import { CONFIG } from '@civicflow/config';
import type { EnforcementConfig } from '../enforcement.config';

/** Marks a sealed value, and its format version, so that a stored plaintext is recognisable (and refused by the database). */
export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Public on purpose: embedded and development runs need no configuration (ADR 0008); production refuses it.
const DEVELOPMENT_SEED = 'civicflow-enforcement-development-party-key';

/**
 * Seals parties' identity numbers and contact details at rest (AES-256-GCM) and computes the
 * blind index that finds a party by identity number without storing or decrypting it (HMAC-SHA256
 * of the normalised number). Both keys derive from one master key by HKDF, so that neither can be
 * computed from the other.
 */
export class PartyVault {
  private readonly sealKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new RangeError('the party data key must be 32 bytes');
    this.sealKey = Buffer.from(hkdfSync('sha256', masterKey, 'civicflow-enforcement-party', 'aes-256-gcm', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, 'civicflow-enforcement-party', 'blind-index', 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed party value');
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  sealOrNull(value: string | null | undefined): string | null {
    return value === null || value === undefined || value === '' ? null : this.seal(value);
  }

  openOrNull(value: string | null): string | null {
    return value === null ? null : this.open(value);
  }

  /** The same person or business gives the same index however the number was typed; kinds never collide. */
  blindIndex(kind: string, idNumber: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normaliseIdNumber(idNumber)}`).digest('base64');
  }
}

/** Identity numbers as typed: full-width characters, spaces, hyphens and a lower-case check letter all occur. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.normalize('NFKC').replace(/[\s\-_.]/g, '').toUpperCase();
}

export function partyVaultFromConfig(config: EnforcementConfig & { NODE_ENV?: string }, logger = new Logger('PartyVault')): PartyVault {
  const text = config.ENFORCEMENT_PARTY_DATA_KEY?.trim() ?? '';
  if (!text) {
    if (config.NODE_ENV === 'production') throw new RangeError('ENFORCEMENT_PARTY_DATA_KEY must be set to a key of your own when NODE_ENV=production');
    logger.warn('ENFORCEMENT_PARTY_DATA_KEY is not set: parties\' identity numbers and contact details are sealed with a development key anyone can derive. Set a key of your own before real data is stored (ADR 0008).');
    return new PartyVault(createHash('sha256').update(DEVELOPMENT_SEED).digest());
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new RangeError(`ENFORCEMENT_PARTY_DATA_KEY: must be 32 bytes in base64 (e.g. openssl rand -base64 32), got ${key.length} bytes`);
  return new PartyVault(key);
}

export const partyVaultProvider: Provider = {
  provide: PartyVault,
  inject: [CONFIG],
  useFactory: (config: EnforcementConfig & { NODE_ENV?: string }) => partyVaultFromConfig(config),
};
