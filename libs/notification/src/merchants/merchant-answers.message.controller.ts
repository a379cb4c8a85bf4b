import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  ForumActionItemAnsweredV1,
  ForumActionItemAnsweredV1Event,
  MerchantRegisteredV1,
  MerchantRegisteredV1Event,
  MerchantRequestAnsweredV1,
  MerchantRequestAnsweredV1Event,
} from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import type { Locale } from '../mail/mail-layout';
import { DeliveryRequests } from '../delivery/delivery-requests';
import { type MerchantAnswer, renderMerchantAnswerMail } from './merchant-answer-mail';

const MERCHANTS_GROUP = 'notification.merchants';

interface MerchantContact {
  business_name: string;
  contact_name: string;
  email: string;
  phone: string;
  locale: Locale;
}

/**
 * Sends merchants the bureau's answers: to a request answered directly, and to a forum
 * action item (once per merchant who raised it; a request answered through the item is
 * told by the item's mail, so it is not mailed twice).
 */
@Controller()
export class MerchantAnswersMessageController {
  constructor(private readonly deliveries: DeliveryRequests) {}

  @OnEvent(MERCHANTS_GROUP, MerchantRegisteredV1Event)
  async registered(@Payload() event: CloudEvent<MerchantRegisteredV1>, @Ctx() context: EventContext): Promise<void> {
    const { merchantId, businessName, contactName, email, phone, locale } = event.data;
    await context.manager.query(
      `INSERT INTO notification.merchant_contact (merchant_id, business_name, contact_name, email, phone, locale) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (merchant_id) DO UPDATE SET business_name = EXCLUDED.business_name, contact_name = EXCLUDED.contact_name, email = EXCLUDED.email,
         phone = EXCLUDED.phone, locale = EXCLUDED.locale, updated_at = now()`,
      [merchantId, businessName, contactName, email, phone, locale],
    );
  }

  @OnEvent(MERCHANTS_GROUP, MerchantRequestAnsweredV1Event)
  async requestAnswered(@Payload() event: CloudEvent<MerchantRequestAnsweredV1>, @Ctx() context: EventContext): Promise<void> {
    if (event.data.forumId) return;
    await this.tell(context, event, event.data.merchantId, 'merchant.request-answered', { kind: 'request', subject: event.data.subject, answer: event.data.answer });
  }

  @OnEvent(MERCHANTS_GROUP, ForumActionItemAnsweredV1Event)
  async actionItemAnswered(@Payload() event: CloudEvent<ForumActionItemAnsweredV1>, @Ctx() context: EventContext): Promise<void> {
    for (const merchantId of event.data.merchantIds) {
      await this.tell(context, event, merchantId, 'merchant.forum-answer', { kind: 'forum', actionItem: event.data.actionItem, answer: event.data.answer });
    }
  }

  /** A merchant whose registration has not arrived (or was never made) cannot be written to; the answer stays readable in its account. */
  private async tell(context: EventContext, event: CloudEvent, merchantId: string, template: string, answer: MerchantAnswer): Promise<void> {
    const [contact]: MerchantContact[] = await context.manager.query(
      `SELECT business_name, contact_name, email, phone, locale FROM notification.merchant_contact WHERE merchant_id = $1`,
      [merchantId],
    );
    if (!contact) return;
    const render = (locale: Locale) => renderMerchantAnswerMail({ locale, contactName: contact.contact_name, businessName: contact.business_name, answer });
    await this.deliveries.enqueue(context.manager, {
      sourceEvent: { id: event.id, type: event.type },
      about: { kind: 'merchant', id: merchantId },
      correlationId: event.correlationid,
      template,
      recipient: { key: `merchant:${merchantId}`, email: contact.email, phone: contact.phone },
      content: { 'zh-CN': render('zh-CN'), en: render('en') },
      language: contact.locale,
    });
  }
}
