import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A photo or video attached to a complaint, bytes included: the evidence travels with the record. */
@Entity({ schema: 'complaints', name: 'media' })
export class MediaEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  filename: string;

  /** The type read from the bytes, not the one the sender declared. */
  @Column('text', { name: 'content_type' })
  contentType: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes: number;

  @Column('text')
  sha256: string;

  @Column('bytea', { select: false })
  bytes: Buffer;

  /** The intake channel the file came through (web, email). */
  @Column('text')
  channel: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
