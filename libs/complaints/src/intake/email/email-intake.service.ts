import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InvalidEventError } from '@civicflow/contracts';
import { InvalidComplaintError } from '../../domain/complaint';
import { TimelineEntryEntity } from '../../infrastructure/complaint.entity';
import { MediaRefusedError } from '../../media/domain/media.errors';
import { MediaStore } from '../../media/media-store.service';
import { ComplaintIntake } from '../complaint-intake.service';
import { addressIn, descriptionOf, type IntakeMail, localeOf, MailRefusedError, readIntakeMail, trackingCodesIn } from './intake-mail';
import { MailThreadEntity, type SkippedAttachment } from './mail-thread.entity';

export type MailIntakeOutcome =
  | { kind: 'created'; trackingCode: string }
  | { kind: 'replied'; trackingCode: string }
  /** The same message again (a sending server that did not see our answer retries): already stored. */
  | { kind: 'duplicate'; trackingCode: string };

interface ReplyTarget {
  id: string;
  trackingCode: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Turns a message to the bureau's mailbox into a complaint, or into a reply to one. The
 * complaint, its media, the record of the message and the skipped attachments are written
 * in one transaction, and the caller answers the sending server only after it: a message
 * that was accepted is stored, and one that was not stored is retried or bounced.
 */
@Injectable()
export class EmailIntake {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly intake: ComplaintIntake,
    private readonly media: MediaStore,
  ) {}

  /** Throws MailRefusedError for a message the mailbox does not take; any other error is transient. */
  async receive(raw: Buffer, correlationId: string): Promise<MailIntakeOutcome> {
    const mail = readIntakeMail(await parse(raw));
    const known = await this.complaintOfMessage(mail.messageId);
    if (known) return { kind: 'duplicate', trackingCode: known };
    try {
      const target = await this.replyTarget(mail);
      return target ? await this.addReply(target, mail) : await this.createComplaint(mail, correlationId);
    } catch (error) {
      // Two deliveries of one message at once: the second stops at the message id's key.
      if (isUniqueViolation(error)) {
        const stored = await this.complaintOfMessage(mail.messageId);
        if (stored) return { kind: 'duplicate', trackingCode: stored };
      }
      throw error;
    }
  }

  private async createComplaint(mail: IntakeMail, correlationId: string): Promise<MailIntakeOutcome> {
    const address = addressIn(mail.text);
    if (!address) {
      throw new MailRefusedError('no_address', "say where the problem is: add a line 'Address: ...' (or '地址: ...') to the text and send it again");
    }
    try {
      const complaint = await this.intake.submit(
        {
          channel: 'email',
          description: descriptionOf(mail),
          location: { address },
          reporter: { name: mail.sender.name, email: mail.sender.address, locale: localeOf(mail), hideName: false },
        },
        {
          correlationId,
          within: async (manager, complaint) => {
            const { attached, skipped } = await this.attachAll(manager, complaint.id, mail);
            if (skipped.length > 0) {
              await addTimelineEntry(manager, complaint.id, 'media.skipped', { channel: 'email', ...skippedDetail(skipped) });
            }
            await this.recordMessage(manager, complaint.id, 'complaint', mail, skipped);
            return { mediaCount: attached };
          },
        },
      );
      return { kind: 'created', trackingCode: complaint.trackingCode };
    } catch (error) {
      // What the checks above let through and the record or its events still refuse is
      // permanent: retrying the same message would fail again.
      if (error instanceof InvalidComplaintError || error instanceof InvalidEventError) {
        throw new MailRefusedError('unparseable', 'the message could not be recorded as a complaint');
      }
      throw error;
    }
  }

  private async addReply(target: ReplyTarget, mail: IntakeMail): Promise<MailIntakeOutcome> {
    await this.dataSource.transaction(async (manager) => {
      const { attached, skipped } = await this.attachAll(manager, target.id, mail);
      // The reply's words stay in the mail record, for staff: the timeline is public to whoever holds the tracking code.
      await addTimelineEntry(manager, target.id, 'reporter.replied', { channel: 'email', attachments: String(attached), ...skippedDetail(skipped) });
      await this.recordMessage(manager, target.id, 'reply', mail, skipped);
    });
    return { kind: 'replied', trackingCode: target.trackingCode };
  }

  /** A refused attachment does not cost the message: it is skipped and recorded. */
  private async attachAll(manager: EntityManager, complaintId: string, mail: IntakeMail): Promise<{ attached: number; skipped: SkippedAttachment[] }> {
    let attached = 0;
    const skipped: SkippedAttachment[] = [];
    for (const attachment of mail.attachments) {
      try {
        await this.media.attach(manager, complaintId, { ...attachment, channel: 'email' });
        attached += 1;
      } catch (error) {
        if (!(error instanceof MediaRefusedError)) throw error;
        skipped.push({ filename: error.filename, reason: error.reason, message: error.message });
      }
    }
    return { attached, skipped };
  }

  private async recordMessage(manager: EntityManager, complaintId: string, kind: MailThreadEntity['kind'], mail: IntakeMail, skipped: SkippedAttachment[]): Promise<void> {
    await manager.insert(MailThreadEntity, {
      messageId: mail.messageId,
      complaintId,
      kind,
      subject: mail.subject,
      text: mail.text,
      skippedAttachments: skipped,
      receivedAt: new Date(),
    });
  }

  private async complaintOfMessage(messageId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT c.tracking_code FROM complaints.mail_thread t JOIN complaints.complaint c ON c.id = t.complaint_id WHERE t.message_id = $1`,
      [messageId],
    )) as Array<{ tracking_code: string }>;
    return rows[0]?.tracking_code;
  }

  /**
   * The complaint a message answers: one whose recorded messages it refers to, or whose
   * tracking code its subject quotes; and only when it comes from that complaint's reporter,
   * so that nobody else adds to someone's complaint by quoting its code.
   */
  private async replyTarget(mail: IntakeMail): Promise<ReplyTarget | undefined> {
    const codes = trackingCodesIn(mail.subject);
    if (mail.referencedIds.length === 0 && codes.length === 0) return undefined;
    const rows = (await this.dataSource.query(
      `SELECT id, tracking_code, reporter_email FROM complaints.complaint
        WHERE id IN (SELECT complaint_id FROM complaints.mail_thread WHERE message_id = ANY($1::text[]))
           OR tracking_code = ANY($2::text[])
        ORDER BY received_at DESC`,
      [mail.referencedIds, codes],
    )) as Array<{ id: string; tracking_code: string; reporter_email: string | null }>;
    const own = rows.find((row) => row.reporter_email === mail.sender.address);
    return own ? { id: own.id, trackingCode: own.tracking_code } : undefined;
  }
}

async function parse(raw: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(raw);
  } catch {
    throw new MailRefusedError('unparseable', 'the message could not be parsed as e-mail');
  }
}

async function addTimelineEntry(manager: EntityManager, complaintId: string, type: string, detail: Record<string, string>): Promise<void> {
  await manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId, type, at: new Date(), detail });
}

/** For the public timeline: how many files were left out and why, not their names. */
function skippedDetail(skipped: SkippedAttachment[]): Record<string, string> {
  if (skipped.length === 0) return {};
  return { skipped: String(skipped.length), reasons: [...new Set(skipped.map((file) => file.reason))].join(', ') };
}

function isUniqueViolation(error: unknown): boolean {
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  return code === UNIQUE_VIOLATION || driverError?.code === UNIQUE_VIOLATION;
}
