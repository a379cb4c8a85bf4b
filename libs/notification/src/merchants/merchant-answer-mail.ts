import { BUREAU_SIGNATURE, layoutMail, type Locale, type RenderedMail, salutation } from '../mail/mail-layout';

export type MerchantAnswer = { kind: 'request'; subject: string; answer: string } | { kind: 'forum'; actionItem: string; answer: string };

/** The bureau's answer to a merchant: to its own request, or to an item raised at a forum it took part in. */
export function renderMerchantAnswerMail({ locale, contactName, businessName, answer }: { locale: Locale; contactName: string; businessName: string; answer: MerchantAnswer }): RenderedMail {
  const en = locale === 'en';
  const subject =
    answer.kind === 'request'
      ? en
        ? `Answer to your request: ${answer.subject}`
        : `您的诉求已答复：${answer.subject}`
      : en
        ? 'Answer to an item raised at the merchant forum'
        : '座谈会事项答复';
  const intro =
    answer.kind === 'request'
      ? en
        ? `The bureau has answered the request of ${businessName} "${answer.subject}":`
        : `${businessName}提出的诉求“${answer.subject}”已答复如下：`
      : en
        ? `At the merchant forum, ${businessName} raised: "${answer.actionItem}". The bureau answers:`
        : `贵单位（${businessName}）在商户座谈会上反映的事项“${answer.actionItem}”答复如下：`;
  return layoutMail({ subject, greeting: salutation(locale, contactName), paragraphs: [intro, answer.answer], closing: BUREAU_SIGNATURE[locale] });
}
