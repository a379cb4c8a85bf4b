import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import type { ComplaintsConfig } from '../complaints.config';
import { Open311ApiKeyEntity } from './open311-api-key.entity';

/** Who a key belongs to: an issued key's label, or the position of a configured one. */
export interface Open311Client {
  label: string;
}

export interface IssuedOpen311Key {
  id: string;
  label: string;
  /** Shown this once; only its hash is stored. */
  key: string;
  issuedAt: Date;
}

const hash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * The keys Open311 clients file requests with: those of OPEN311_API_KEYS, and those an admin
 * issues and revokes. Keys are compared by their SHA-256, so a configured key is never
 * held in plain text past start-up and a stored one never at all.
 */
@Injectable()
export class Open311ApiKeys {
  private readonly configured: ReadonlyMap<string, Open311Client>;

  constructor(
    @InjectRepository(Open311ApiKeyEntity, 'complaints') private readonly keys: Repository<Open311ApiKeyEntity>,
    @Inject(CONFIG) config: ComplaintsConfig,
  ) {
    const configured = config.OPEN311_API_KEYS.split(',').map((key) => key.trim()).filter(Boolean);
    this.configured = new Map(configured.map((key, index) => [hash(key), { label: `OPEN311_API_KEYS[${index + 1}]` }]));
  }

  /** The client the key belongs to, or undefined for an unknown or revoked key. */
  async clientOf(key: string): Promise<Open311Client | undefined> {
    const keyHash = hash(key);
    const configured = this.configured.get(keyHash);
    if (configured) return configured;
    const issued = await this.keys.findOne({ where: { keyHash, revokedAt: IsNull() }, select: { label: true } });
    return issued ? { label: issued.label } : undefined;
  }

  async issue(label: string, issuedBy: string): Promise<IssuedOpen311Key> {
    const key = `o311_${randomBytes(32).toString('base64url')}`;
    const row = { id: uuidv7(), label, keyHash: hash(key), issuedAt: new Date(), issuedBy, revokedAt: null, revokedBy: null };
    await this.keys.insert(row);
    return { id: row.id, label, key, issuedAt: row.issuedAt };
  }

  async list(): Promise<Omit<Open311ApiKeyEntity, 'keyHash'>[]> {
    return this.keys.find({ select: { id: true, label: true, issuedAt: true, issuedBy: true, revokedAt: true, revokedBy: true }, order: { issuedAt: 'ASC' } });
  }

  /** False when no key has this id; revoking a revoked key changes nothing. */
  async revoke(id: string, revokedBy: string): Promise<boolean> {
    const { affected } = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
    return (affected ?? 0) > 0 || (await this.keys.existsBy({ id }));
  }
}
