import { Column, Entity, Index, OneToMany, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'complaints', name: 'complaint' })
export class ComplaintEntity {
  @PrimaryColumn('text')
  id: string;

  @Index({ unique: true })
  @Column('text', { name: 'tracking_code' })
  trackingCode: string;

  @Column('text')
  status: string;

  @Column('text')
  description: string;

  @Column('double precision')
  lat: number;

  @Column('double precision')
  lng: number;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text')
  channel: string;

  @Column('text', { name: 'reporter_name' })
  reporterName: string;

  @Column('text', { name: 'reporter_email' })
  reporterEmail: string;

  @Column('text', { name: 'reporter_phone', nullable: true })
  reporterPhone: string | null;

  @Column('text', { name: 'reporter_locale' })
  reporterLocale: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @OneToMany(() => TimelineEntryEntity, (entry) => entry.complaint)
  timeline: TimelineEntryEntity[];
}

@Entity({ schema: 'complaints', name: 'timeline_entry' })
export class TimelineEntryEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, (complaint) => complaint.timeline)
  @JoinColumn({ name: 'complaint_id' })
  complaint?: ComplaintEntity;

  @Column('text')
  type: string;

  @Column('timestamptz')
  at: Date;

  @Column('jsonb', { nullable: true })
  detail: Record<string, string> | null;
}
