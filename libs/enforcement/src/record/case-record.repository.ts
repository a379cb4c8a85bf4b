import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, hashEntry, type HashedRecordEntry, type JsonValue, type RecordEntry } from './record-chain';

interface RecordRow {
  case_id: string;
  sequence: number;
  actor: string;
  recorded_at: Date;
  place: string | null;
  action: string;
  payload: JsonValue;
  evidence_sha256: string[];
  previous_hash: string;
  hash: string;
}

export interface NewRecordEntry {
  actor: string;
  recordedAt: Date;
  place: string | null;
  action: string;
  payload: JsonValue;
  evidenceSha256: readonly string[];
}

/**
 * The whole-process record of cases: appended to, read and verified, never changed (the
 * database refuses UPDATE and DELETE, see the CreateCase migration).
 */
@Injectable()
export class CaseRecordRepository {
  /**
   * Appends the next entry of the case's chain. The caller holds the case's row lock in this
   * transaction: that is what serialises appends to one case, so two can never take the same
   * previous hash (the primary key on (case_id, sequence) would refuse the second anyway).
   */
  async append(manager: EntityManager, caseId: string, entry: NewRecordEntry): Promise<HashedRecordEntry> {
    const [last]: Array<{ sequence: number; hash: string }> = await manager.query(
      `SELECT sequence, hash FROM "enforcement".case_record WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [caseId],
    );
    const unhashed: RecordEntry = {
      caseId,
      sequence: (last?.sequence ?? 0) + 1,
      actor: entry.actor,
      recordedAt: entry.recordedAt.toISOString(),
      place: entry.place,
      action: entry.action,
      payload: entry.payload,
      evidenceSha256: [...entry.evidenceSha256],
      previousHash: last?.hash ?? GENESIS_HASH,
    };
    const hashed = { ...unhashed, hash: hashEntry(unhashed) };
    await manager.query(
      `INSERT INTO "enforcement".case_record (case_id, sequence, actor, recorded_at, place, action, payload, evidence_sha256, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [caseId, hashed.sequence, hashed.actor, hashed.recordedAt, hashed.place, hashed.action, JSON.stringify(hashed.payload), JSON.stringify(hashed.evidenceSha256), hashed.previousHash, hashed.hash],
    );
    return hashed;
  }

  async list(manager: EntityManager, caseId: string): Promise<HashedRecordEntry[]> {
    const rows: RecordRow[] = await manager.query(
      `SELECT case_id, sequence, actor, recorded_at, place, action, payload, evidence_sha256, previous_hash, hash
         FROM "enforcement".case_record WHERE case_id = $1 ORDER BY sequence`,
      [caseId],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      sequence: row.sequence,
      actor: row.actor,
      recordedAt: new Date(row.recorded_at).toISOString(),
      place: row.place,
      action: row.action,
      payload: row.payload,
      evidenceSha256: row.evidence_sha256,
      previousHash: row.previous_hash,
      hash: row.hash,
    }));
  }
}
