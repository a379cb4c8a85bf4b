import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { maskIdNumber, maskName, maskPhone } from '@civicflow/domain';
import { PartyEntity } from '../cases/case.entity';
import type { PriorViolation } from '../domain/education-rules';
import type { PartyKind } from '../domain/procedure-rules';
import { PartyVault, SEALED_PREFIX } from './party-vault';

export interface PartyInput {
  kind: PartyKind;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** A party as it may leave the service: a person's name, every identity number and phone masked; no address. */
export interface MaskedParty {
  id: string;
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  phone: string | null;
}

export interface ViolationOnRecord extends PriorViolation {
  readonly state: string;
  /** The outcome decided, or null while education or a rectification order waits for its follow-up. */
  readonly outcome: string | null;
  readonly decidedAt: string | null;
}

/**
 * The bureau's parties: one per person or business, found by the blind index of the identity
 * number, with identity numbers and contact details sealed at rest. Also the record of each
 * party's violations, on which "first violation" (Art. 33) is judged.
 */
@Injectable()
export class PartyRegister implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartyRegister.name);

  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly vault: PartyVault,
  ) {}

  /** Seals what was stored in plaintext before parties were sealed (the migration has no key). */
  async onApplicationBootstrap(): Promise<void> {
    const rows: Array<{ id: string; kind: string; id_number: string | null; phone: string | null; address: string | null }> = await this.dataSource.query(
      `SELECT id, kind, id_number, phone, address FROM "enforcement".party
        WHERE id_number NOT LIKE '${SEALED_PREFIX}%' OR phone NOT LIKE '${SEALED_PREFIX}%' OR address NOT LIKE '${SEALED_PREFIX}%'`,
    );
    for (const row of rows) {
      const seal = (value: string | null) => (value === null || value.startsWith(SEALED_PREFIX) ? value : this.vault.seal(value));
      const index = row.id_number && !row.id_number.startsWith(SEALED_PREFIX) ? this.vault.blindIndex(row.kind, row.id_number) : null;
      // Two rows of one party written before de-duplication keep their ids; only the first gets the index.
      await this.dataSource.query(
        `UPDATE "enforcement".party SET id_number = $2, phone = $3, address = $4,
                id_index = CASE WHEN $5::text IS NULL OR EXISTS (SELECT 1 FROM "enforcement".party WHERE id_index = $5) THEN id_index ELSE $5 END
          WHERE id = $1`,
        [row.id, seal(row.id_number), seal(row.phone), seal(row.address), index],
      );
    }
    if (rows.length > 0) this.logger.log(`${rows.length} party row(s) sealed`);
  }

  /**
   * The party with this identity number if the bureau knows it (its contact details updated with
   * any given now), else a new one. Without an identity number every call is a new party: nothing
   * else identifies a person reliably.
   */
  async register(manager: EntityManager, input: PartyInput, now: Date): Promise<PartyEntity> {
    const idIndex = input.idNumber ? this.vault.blindIndex(input.kind, input.idNumber) : null;
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO "enforcement".party (id, kind, name, id_number, id_index, phone, address, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id_index) WHERE id_index IS NOT NULL
       DO UPDATE SET phone = COALESCE(EXCLUDED.phone, party.phone), address = COALESCE(EXCLUDED.address, party.address)
       RETURNING id`,
      [uuidv7(), input.kind, input.name, this.vault.sealOrNull(input.idNumber), idIndex, this.vault.sealOrNull(input.phone), this.vault.sealOrNull(input.address), now],
    );
    return manager.findOneOrFail(PartyEntity, { where: { id: row.id } });
  }

  async find(partyId: string): Promise<PartyEntity> {
    const party = await this.dataSource.getRepository(PartyEntity).findOne({ where: { id: partyId } });
    if (!party) throw new NotFoundException({ statusCode: 404, code: 'party_not_found', message: `no party ${partyId}` });
    return party;
  }

  masked(party: PartyEntity): MaskedParty {
    const idNumber = this.vault.openOrNull(party.idNumberSealed);
    const phone = this.vault.openOrNull(party.phoneSealed);
    return {
      id: party.id,
      kind: party.kind,
      // An organisation's name is public (business registration); a person's is not.
      name: party.kind === 'person' ? maskName(party.name) : party.name,
      idNumber: idNumber ? maskIdNumber(idNumber) : null,
      phone: phone ? maskPhone(phone) : null,
    };
  }

  /**
   * The party's violations found in its cases: a decision taken, or education given or
   * rectification ordered (a violation established, even if not penalised). Newest first.
   */
  async violations(partyId: string, options: { category?: string; exceptCaseId?: string } = {}, manager: EntityManager = this.dataSource.manager): Promise<ViolationOnRecord[]> {
    const rows: Array<{ id: string; category: string; violation_at: string; state: string; outcome: string | null; decided_at: string | null }> = await manager.query(
      `SELECT id, category, procedure->>'violationAt' AS violation_at, state, procedure->'decision'->>'outcome' AS outcome, procedure->'decision'->>'at' AS decided_at
         FROM "enforcement".enforcement_case
        WHERE party_id = $1 AND ($2::text IS NULL OR category = $2) AND ($3::uuid IS NULL OR id <> $3)
          AND (procedure->'decision' IS NOT NULL OR procedure->'rectification' IS NOT NULL)
        ORDER BY procedure->>'violationAt' DESC, id`,
      [partyId, options.category ?? null, options.exceptCaseId ?? null],
    );
    return rows.map((row) => ({ caseId: row.id, category: row.category, violationAt: row.violation_at, state: row.state, outcome: row.outcome, decidedAt: row.decided_at }));
  }
}
