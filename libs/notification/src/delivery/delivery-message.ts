import type { ChannelMessage } from '../channels/notification-channel';
import { escapeHtml } from '../channels/plain-text-html';
import type { Locale } from '../mail/mail-layout';
import type { LocalizedContent } from './delivery-request';

/** Said at the top of a notice the law requires, since it reaches people who opted out or asked for quiet. */
export const MANDATORY_NOTICE: Record<Locale, string> = {
  'zh-CN': '【依法送达】本通知依法必须送达，不受您的退订和免打扰设置限制。',
  en: '[Legal notice] The law requires this notice to be delivered; it is sent regardless of your opt-out and quiet hours.',
};

export interface StoredPayload {
  content: Record<Locale, LocalizedContent>;
  data: Record<string, unknown>;
}

export function composeMessage(delivery: { id: string; address: string; template: string; locale: Locale; mandatory: boolean; payload: StoredPayload }): ChannelMessage {
  const content = delivery.payload.content[delivery.locale];
  if (!delivery.mandatory) {
    return { deliveryId: delivery.id, address: delivery.address, template: delivery.template, subject: content.subject, text: content.text, html: content.html, data: delivery.payload.data };
  }
  const notice = MANDATORY_NOTICE[delivery.locale];
  return {
    deliveryId: delivery.id,
    address: delivery.address,
    template: delivery.template,
    subject: content.subject,
    text: `${notice}\n\n${content.text}`,
    html: content.html === undefined ? undefined : `<p><strong>${escapeHtml(notice)}</strong></p>${content.html}`,
    data: { ...delivery.payload.data, mandatory: true },
  };
}
