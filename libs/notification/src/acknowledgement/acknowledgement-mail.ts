import { BUREAU_SIGNATURE, layoutMail, type Locale, type RenderedMail, salutation } from '../mail/mail-layout';

export type { Locale } from '../mail/mail-layout';

export interface AcknowledgementMailInput {
  locale: Locale;
  name?: string | null;
  trackingCode: string;
  trackingUrl: string;
}

/** The acknowledgement of a complaint, in the reporter's language, as plain text and HTML. */
export function renderAcknowledgementMail({ locale, name, trackingCode, trackingUrl }: AcknowledgementMailInput): RenderedMail {
  return layoutMail(
    locale === 'en'
      ? {
          subject: `We have received your complaint ${trackingCode}`,
          greeting: salutation(locale, name),
          paragraphs: [`Thank you for your report. Its tracking code is ${trackingCode}. You can follow it at any time at:\n${trackingUrl}`],
          closing: BUREAU_SIGNATURE.en,
        }
      : {
          subject: `您的投诉已收到，查询码 ${trackingCode}`,
          greeting: salutation(locale, name),
          paragraphs: [`感谢您的反映。查询码为 ${trackingCode}，您可随时通过以下链接查看办理进度：\n${trackingUrl}`],
          closing: BUREAU_SIGNATURE['zh-CN'],
        },
  );
}
