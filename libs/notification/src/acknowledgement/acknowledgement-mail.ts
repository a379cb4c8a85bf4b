export type Locale = 'zh-CN' | 'en';

export interface AcknowledgementMailInput {
  locale: Locale;
  name: string;
  trackingCode: string;
  trackingUrl: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The acknowledgement of a complaint, in the reporter's language, as plain text and HTML. */
export function renderAcknowledgementMail({ locale, name, trackingCode, trackingUrl }: AcknowledgementMailInput): { subject: string; text: string; html: string } {
  const lines =
    locale === 'en'
      ? {
          subject: `We have received your complaint ${trackingCode}`,
          greeting: `Dear ${name},`,
          body: `Thank you for your report. Its tracking code is ${trackingCode}. You can follow it at any time at:`,
          closing: 'Urban Management and Law Enforcement Bureau',
        }
      : {
          subject: `您的投诉已收到，查询码 ${trackingCode}`,
          greeting: `${name}，您好：`,
          body: `感谢您的反映。查询码为 ${trackingCode}，您可随时通过以下链接查看办理进度：`,
          closing: '城市管理综合行政执法局',
        };
  return {
    subject: lines.subject,
    text: `${lines.greeting}\n\n${lines.body}\n${trackingUrl}\n\n${lines.closing}\n`,
    html: `<p>${escapeHtml(lines.greeting)}</p><p>${escapeHtml(lines.body)}<br><a href="${escapeHtml(trackingUrl)}">${escapeHtml(trackingUrl)}</a></p><p>${escapeHtml(lines.closing)}</p>`,
  };
}
