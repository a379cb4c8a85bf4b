import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface SkippedAttachment {
  filename: string;
  reason: string;
  message: string;
}

/**
 * A message the mail intake took: the complaint it created or the reply it added. Its
 * Message-ID lets later replies find the complaint and a redelivered message be recognised.
 * The text is kept whole here (the description is cut to the contract's length), for staff.
 */
@Entity({ schema: 'complaints', name: 'mail_thread' })
export class MailThreadEntity {
  @PrimaryColumn('text', { name: 'message_id' })
  messageId: string;

  @Column('text', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  kind: 'complaint' | 'reply';

  @Column('text')
  subject: string;

  @Column('text')
  text: string;

  @Column('jsonb', { name: 'skipped_attachments' })
  skippedAttachments: SkippedAttachment[];

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
