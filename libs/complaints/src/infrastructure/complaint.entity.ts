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

  @Column('double precision', { nullable: true })
  lat: number | null;

  @Column('double precision', { nullable: true })
  lng: number | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text')
  channel: string;

  @Column('text', { name: 'reporter_name', nullable: true })
  reporterName: string | null;

  @Column('text', { name: 'reporter_email', nullable: true })
  reporterEmail: string | null;

  @Column('text', { name: 'reporter_phone', nullable: true })
  reporterPhone: string | null;

  @Column('text', { name: 'reporter_locale' })
  reporterLocale: string;

  @Column('boolean', { name: 'reporter_hide_name', default: false })
  reporterHideName: boolean;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @Column('integer', { name: 'media_count', default: 0 })
  mediaCount: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('text', { name: 'class_721', nullable: true })
  class721: 'service' | 'management' | 'enforcement' | null;

  @Column('text', { name: 'route_kind', nullable: true })
  routeKind: 'service' | 'management' | 'enforcement' | 'department' | null;

  @Column('text', { name: 'handling_unit', nullable: true })
  handlingUnit: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('text', { nullable: true })
  street: string | null;

  /** When the reporter must have been contacted (accepted or rejected) to count as answered on time. */
  @Column('timestamptz', { name: 'response_due_at', nullable: true })
  responseDueAt: Date | null;

  /** When it was accepted or rejected: the reporter's first answer. */
  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column('timestamptz', { name: 'deadline_at', nullable: true })
  deadlineAt: Date | null;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('text', { name: 'accepted_by', nullable: true })
  acceptedBy: string | null;

  @Column('text', { name: 'rejection_reason', nullable: true })
  rejectionReason: string | null;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt: Date | null;

  @Column('text', { name: 'handler_id', nullable: true })
  handlerId: string | null;

  @Column('timestamptz', { name: 'handled_at', nullable: true })
  handledAt: Date | null;

  @Column('text', { nullable: true })
  reply: string | null;

  @Column('text', { name: 'verifier_id', nullable: true })
  verifierId: string | null;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { name: 'survey_due_at', nullable: true })
  surveyDueAt: Date | null;

  @Column('timestamptz', { name: 'survey_sent_at', nullable: true })
  surveySentAt: Date | null;

  @Column('timestamptz', { name: 'rated_at', nullable: true })
  ratedAt: Date | null;

  @Column('integer', { name: 'rating_score', nullable: true })
  ratingScore: number | null;

  @Column('boolean', { name: 'rating_resolved', nullable: true })
  ratingResolved: boolean | null;

  @Column('text', { name: 'rating_comment', nullable: true })
  ratingComment: string | null;

  @Column('integer', { name: 'reopen_count', default: 0 })
  reopenCount: number;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column('text', { name: 'duplicate_of', nullable: true })
  duplicateOf: string | null;

  @Column('timestamptz', { name: 'updated_at', nullable: true })
  updatedAt: Date | null;

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
