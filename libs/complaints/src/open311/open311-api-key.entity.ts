import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'complaints', name: 'open311_api_key' })
export class Open311ApiKeyEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  label: string;

  @Column('text', { name: 'key_hash' })
  keyHash: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt: Date;

  @Column('text', { name: 'issued_by' })
  issuedBy: string;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('text', { name: 'revoked_by', nullable: true })
  revokedBy: string | null;
}
