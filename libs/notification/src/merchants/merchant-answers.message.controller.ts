import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, MerchantRegisteredV1, MerchantRegisteredV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';

const MERCHANTS_GROUP = 'notification.merchants';

/**
 * Keeps merchants' contacts from the restricted merchant topic, for the rules whose
 * audience is the merchant. The bureau's answers (to a request answered directly, to a
 * forum item once per merchant who raised it) are rules now (rules/default-rules.ts,
 * templates merchant.request-answered and merchant.forum-answer).
 */
@Controller()
export class MerchantAnswersMessageController {
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
}
