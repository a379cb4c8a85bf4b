import { isEmail } from 'class-validator';
import type { ParsedMail } from 'mailparser';
import { v7 as uuidv7 } from 'uuid';
import type { ReporterLocale } from '../../domain/complaint';

export type MailRefusalReason = 'unparseable' | 'spam' | 'no_sender' | 'empty' | 'no_address';

/**
 * A message the mailbox does not take, answered with a 5xx at the end of DATA: the sending
 * server bounces it to its sender with `message`, so nothing is lost silently.
 */
export class MailRefusedError extends Error {
  readonly responseCode = 550;

  constructor(
    readonly reason: MailRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'MailRefusedError';
  }
}

export interface IntakeAttachment {
  filename?: string;
  contentType: string;
  bytes: Buffer;
}

/** What the intake needs of a message, read and checked. */
export interface IntakeMail {
  /** Without angle brackets; made up when the message has none, so that every message is recorded. */
  messageId: string;
  /** The ids of In-Reply-To and References: the messages this one answers. */
  referencedIds: string[];
  sender: { address: string; name?: string };
  subject: string;
  /** The text body; for an HTML-only message, its text. */
  text: string;
  attachments: IntakeAttachment[];
}

// The contract's limits: the received event carries at most 5000 characters of description,
// and the reporter event a name of at most 200 and an address of at most 254.
const MAX_DESCRIPTION = 5000;
const MAX_NAME = 200;
const MAX_EMAIL = 254;
const MAX_ADDRESS = 500;

// Upstream filters mark spam in a header and leave the decision to the mailbox:
// SpamAssassin with `X-Spam-Flag: YES`, rspamd with `X-Spam: Yes`.
const SPAM_HEADERS = ['x-spam-flag', 'x-spam'];

/** Reads a parsed message; throws MailRefusedError for spam, a message without a usable From, or one with nothing in it. */
export function readIntakeMail(parsed: ParsedMail): IntakeMail {
  const spamHeader = SPAM_HEADERS.find((name) => String(parsed.headers.get(name) ?? '').trim().toLowerCase() === 'yes');
  if (spamHeader) throw new MailRefusedError('spam', `refused as spam: an upstream filter marked it (${spamHeader}: yes)`);

  const from = parsed.from?.value.find((address) => address.address);
  const address = from?.address?.trim().toLowerCase();
  if (!address) throw new MailRefusedError('no_sender', 'the message has no From address to answer');
  if (address.length > MAX_EMAIL || !isEmail(address)) throw new MailRefusedError('no_sender', 'the From address is not a valid e-mail address');
  const name = from?.name?.trim();

  const subject = (parsed.subject ?? '').trim();
  const text = (parsed.text ?? '').trim();
  const attachments = parsed.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, bytes: attachment.content }));
  if (!subject && !text && attachments.length === 0) throw new MailRefusedError('empty', 'the message has no text and no attachment');

  return {
    messageId: messageIdsIn(parsed.messageId ?? '')[0] ?? `${uuidv7()}@intake.civicflow.invalid`,
    referencedIds: [...new Set(messageIdsIn([parsed.inReplyTo ?? '', ...[parsed.references ?? []].flat()].join(' ')))],
    sender: { address, ...(name && name.toLowerCase() !== address ? { name: Array.from(name).slice(0, MAX_NAME).join('') } : {}) },
    subject,
    text,
    attachments,
  };
}

function messageIdsIn(header: string): string[] {
  return [...header.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]);
}

/**
 * Where the problem is, from the first line of the body that starts with `Address:`,
 * `Location:`, `地址:` or `地点:` (either colon, any case). A new complaint by mail needs
 * one: the bureau cannot send anyone without it, and a made-up place would hide that.
 */
export function addressIn(text: string): string | undefined {
  const match = /^[ \t]*(?:address|location|地址|地点)[ \t]*[:：][ \t]*(\S.*)$/imu.exec(text);
  const address = match?.[1].trim();
  return address ? Array.from(address).slice(0, MAX_ADDRESS).join('') : undefined;
}

/** Tracking codes quoted in a subject (`Re: 您的投诉已收到，查询码 CF-7K3M-Q9TX`), upper-cased. */
export function trackingCodesIn(subject: string): string[] {
  return [...subject.matchAll(/\bCF-[0-9A-Z]{4}-[0-9A-Z]{4}\b/gi)].map((match) => match[0].toUpperCase());
}

/** The complaint's description: the subject, a blank line, the text; cut to the contract's 5000 characters (the mail keeps it whole). */
export function descriptionOf(mail: Pick<IntakeMail, 'subject' | 'text'>): string {
  const description = [mail.subject, mail.text].filter(Boolean).join('\n\n');
  const characters = Array.from(description);
  return characters.length <= MAX_DESCRIPTION ? description : `${characters.slice(0, MAX_DESCRIPTION - 1).join('')}…`;
}

/** Chinese when the subject or text has a Chinese character, English otherwise: the language the acknowledgement is written in. */
export function localeOf(mail: Pick<IntakeMail, 'subject' | 'text'>): ReporterLocale {
  return /\p{Script=Han}/u.test(`${mail.subject}\n${mail.text}`) ? 'zh-CN' : 'en';
}
