import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryRequests } from '../delivery/delivery-requests';
import type { Locale, RenderedMail } from '../mail/mail-layout';

interface ReporterContact {
  tracking_code: string;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_locale: Locale | null;
}

/** The event a notice answers: it makes the notice once (with recipient, channel and template). */
export interface SourceEvent {
  id: string;
  type: string;
  correlationid?: string;
}

export interface ReporterForNotice {
  trackingCode: string;
  name: string | null;
}

/**
 * Queues a notice to a complaint's reporter on the channel that reaches them: e-mail when
 * they left an address, SMS when they left only a phone number (hotline callers), in the
 * language they chose at intake unless a stored preference says otherwise. The dispatcher
 * sends it after this transaction commits, with retries; a redelivered event queues nothing.
 */
@Injectable()
export class ReporterNotices {
  constructor(private readonly deliveries: DeliveryRequests) {}

  async tell(manager: EntityManager, complaintId: string, event: SourceEvent, template: string, render: (locale: Locale, reporter: ReporterForNotice) => RenderedMail): Promise<boolean> {
    const [contact]: ReporterContact[] = await manager.query(
      `SELECT tracking_code, reporter_name, reporter_email, reporter_phone, reporter_locale FROM notification.complaint_acknowledgement WHERE complaint_id = $1`,
      [complaintId],
    );
    if (!contact || (!contact.reporter_email && !contact.reporter_phone)) return false;
    const reporter = { trackingCode: contact.tracking_code, name: contact.reporter_name };
    const { deliveries } = await this.deliveries.enqueue(manager, {
      sourceEvent: { id: event.id, type: event.type },
      about: { kind: 'complaint', id: complaintId },
      correlationId: event.correlationid ?? event.id,
      template,
      recipient: { key: `reporter:${complaintId}`, email: contact.reporter_email ?? undefined, phone: contact.reporter_phone ?? undefined },
      content: { 'zh-CN': render('zh-CN', reporter), en: render('en', reporter) },
      language: contact.reporter_locale ?? 'zh-CN',
    });
    return deliveries.some((delivery) => delivery.created);
  }
}
