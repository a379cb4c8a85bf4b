export type Locale = 'zh-CN' | 'en';

export interface MailLines {
  subject: string;
  greeting: string;
  /** Paragraphs of plain text; a URL on a line of its own becomes a link in the HTML part. */
  paragraphs: string[];
  closing: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const URL_LINE = /^https?:\/\/\S+$/;

/** The same message as plain text and as HTML, so that every mail client shows it. */
export function layoutMail({ subject, greeting, paragraphs, closing }: MailLines): RenderedMail {
  const htmlParagraph = (paragraph: string) =>
    `<p>${paragraph
      .split('\n')
      .map((line) => (URL_LINE.test(line) ? `<a href="${escapeHtml(line)}">${escapeHtml(line)}</a>` : escapeHtml(line)))
      .join('<br>')}</p>`;
  return {
    subject,
    text: `${greeting}\n\n${paragraphs.join('\n\n')}\n\n${closing}\n`,
    html: `<p>${escapeHtml(greeting)}</p>${paragraphs.map(htmlParagraph).join('')}<p>${escapeHtml(closing)}</p>`,
  };
}

export const BUREAU_SIGNATURE: Record<Locale, string> = { en: 'Urban Management and Law Enforcement Bureau', 'zh-CN': '城市管理综合行政执法局' };

export function salutation(locale: Locale, name: string | null | undefined): string {
  if (locale === 'en') return name ? `Dear ${name},` : 'Dear reporter,';
  return name ? `${name}，您好：` : '您好：';
}
