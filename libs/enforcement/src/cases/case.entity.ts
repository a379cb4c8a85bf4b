import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartyKind } from '../domain/procedure-rules';
import type { ProcedureCase } from '../domain/procedure';

/**
 * A party to a case, one per person or business (found by the blind index of its identity number).
 * Its identity number and contact details are stored sealed (AES-256-GCM, see parties/party-vault.ts)
 * and leave the service only masked.
 */
@Entity({ schema: 'enforcement', name: 'party' })
export class PartyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: PartyKind;

  @Column('text')
  name: string;

  @Column('text', { name: 'id_number', nullable: true })
  idNumberSealed: string | null;

  /** HMAC of the normalised identity number: finds the party without decrypting anything. */
  @Column('text', { name: 'id_index', nullable: true })
  idIndex: string | null;

  @Column('text', { name: 'phone', nullable: true })
  phoneSealed: string | null;

  @Column('text', { name: 'address', nullable: true })
  addressSealed: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

export type CaseSource = 'patrol' | 'complaint' | 'referral';

/** Coordinates, or only an address (a complaint may come with no more). */
export type CaseLocation = { lat: number; lng: number; address?: string } | { address: string };

@Entity({ schema: 'enforcement', name: 'enforcement_case' })
export class EnforcementCaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Mirrors `procedure.state`, for queries by state. */
  @Column('text')
  state: string;

  @Column('text')
  source: CaseSource;

  /** The complaint or referral it came from; unique per source, so that an event opens one case only. */
  @Column('text', { name: 'source_reference', nullable: true })
  sourceReference: string | null;

  @Column('text')
  category: string;

  @Column('text', { nullable: true })
  street: string | null;

  @Column('text')
  description: string;

  /** The enforcement department (brigade) whose staff see and act on the case. */
  @Column('text')
  department: string;

  @Column('jsonb', { nullable: true })
  location: CaseLocation | null;

  /** Null until the party of a case from a complaint is identified. */
  @Column('uuid', { name: 'party_id', nullable: true })
  partyId: string | null;

  /** Where the case stands in the procedure and what it has gone through (see domain/procedure.ts). */
  @Column('jsonb')
  procedure: ProcedureCase;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
