import { BUREAU_SIGNATURE, layoutMail, type Locale, type RenderedMail, salutation } from '../mail/mail-layout';

export type ComplaintUpdate =
  | { kind: 'accepted'; deadlineAt: string | null }
  | { kind: 'rejected'; reason: string }
  | { kind: 'handled'; reply: string }
  | { kind: 'closed' }
  | { kind: 'survey'; ratingUrl: string };

export interface ComplaintUpdateMailInput {
  locale: Locale;
  name?: string | null;
  trackingCode: string;
  trackingUrl: string;
  update: ComplaintUpdate;
}

/** A deadline in the bureau's time zone, as a reporter reads it. */
function localDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * What the reporter is told at each step the bureau promised to tell them about:
 * acceptance (or rejection, with the reason), the reply, closure, and the request to rate.
 */
export function renderComplaintUpdateMail({ locale, name, trackingCode, trackingUrl, update }: ComplaintUpdateMailInput): RenderedMail {
  const en = locale === 'en';
  const follow = en ? `Follow it at:\n${trackingUrl}` : `办理进度：\n${trackingUrl}`;
  const content = ((): { subject: string; paragraphs: string[] } => {
    switch (update.kind) {
      case 'accepted':
        return en
          ? {
              subject: `Your complaint ${trackingCode} has been accepted`,
              paragraphs: [`We have accepted your complaint ${trackingCode} and passed it to the unit responsible.${update.deadlineAt ? ` It is due to be handled by ${localDate(update.deadlineAt, locale)}.` : ''}`, follow],
            }
          : {
              subject: `您的投诉 ${trackingCode} 已受理`,
              paragraphs: [`您反映的问题（查询码 ${trackingCode}）已受理并交由责任单位办理。${update.deadlineAt ? `办理时限：${localDate(update.deadlineAt, locale)}前。` : ''}`, follow],
            };
      case 'rejected':
        return en
          ? { subject: `Your complaint ${trackingCode} was not accepted`, paragraphs: [`We could not accept your complaint ${trackingCode}. The reason:`, update.reason] }
          : { subject: `您的投诉 ${trackingCode} 未予受理`, paragraphs: [`您反映的问题（查询码 ${trackingCode}）未予受理，原因如下：`, update.reason] };
      case 'handled':
        return en
          ? { subject: `Reply to your complaint ${trackingCode}`, paragraphs: [`Your complaint ${trackingCode} has been dealt with. The unit responsible replies:`, update.reply, follow] }
          : { subject: `您的投诉 ${trackingCode} 办理答复`, paragraphs: [`您反映的问题（查询码 ${trackingCode}）已办理，答复如下：`, update.reply, follow] };
      case 'closed':
        return en
          ? { subject: `Your complaint ${trackingCode} is closed`, paragraphs: [`An inspector has checked on site, and your complaint ${trackingCode} is closed. We will ask you shortly how satisfied you are.`, follow] }
          : { subject: `您的投诉 ${trackingCode} 已办结`, paragraphs: [`经现场核查，您反映的问题（查询码 ${trackingCode}）已办结。稍后我们将请您对办理结果进行评价。`, follow] };
      case 'survey':
        return en
          ? {
              subject: `How satisfied are you with the answer to ${trackingCode}?`,
              paragraphs: [`Please rate the answer to your complaint ${trackingCode} from 1 to 5, and tell us if the problem is not resolved: we will reopen it.`, update.ratingUrl],
            }
          : {
              subject: `请评价投诉 ${trackingCode} 的办理结果`,
              paragraphs: [`请对您反映的问题（查询码 ${trackingCode}）的办理结果打分（1–5 分）。如问题未解决，请告诉我们，我们将重新办理。`, update.ratingUrl],
            };
    }
  })();
  return layoutMail({ subject: content.subject, greeting: salutation(locale, name), paragraphs: content.paragraphs, closing: BUREAU_SIGNATURE[locale] });
}
