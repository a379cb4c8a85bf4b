import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@civicflow/config';
import type { EventContext } from '@civicflow/messaging';
import { MailOnce } from '../mail/mail-once';
import type { Locale } from '../mail/mail-layout';
import { NotificationConfig } from '../notification.config';
import { type ComplaintUpdate, renderComplaintUpdateMail } from './complaint-update-mail';

interface Contact {
  tracking_code: string;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_locale: Locale | null;
}

/** What the mailer needs of the triggering event: which complaint, and the event itself for idempotency. */
export interface ComplaintEventRef {
  id: string;
  type: string;
  data: { complaintId: string; trackingCode: string };
}

/**
 * Mails one update to a complaint's reporter, once per event. Anonymous reporters and those
 * reachable only by phone get no mail (SMS comes with the notification channels).
 */
@Injectable()
export class ReporterMailer {
  constructor(
    private readonly mail: MailOnce,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  async tell(context: Pick<EventContext, 'manager' | 'emit'>, event: ComplaintEventRef, update: ComplaintUpdate, template: string): Promise<string | undefined> {
    const { complaintId } = event.data;
    const [contact]: Contact[] = await context.manager.query(
      `SELECT tracking_code, reporter_name, reporter_email, reporter_locale FROM notification.complaint_acknowledgement WHERE complaint_id = $1`,
      [complaintId],
    );
    if (!contact?.reporter_email) return undefined;

    const trackingUrl = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/complaints/${contact.tracking_code}`;
    return this.mail.send(context, {
      source: event,
      about: { kind: 'complaint', id: complaintId },
      to: contact.reporter_email,
      template,
      render: () => renderComplaintUpdateMail({ locale: contact.reporter_locale ?? 'zh-CN', name: contact.reporter_name, trackingCode: contact.tracking_code, trackingUrl, update }),
    });
  }
}
