/**
 * How a text fits into SMS segments (3GPP TS 23.038 / 23.040). A text made only of GSM-7
 * characters takes 160 characters in one segment, 153 per segment once split (the rest
 * carries the concatenation header); characters of the extension table (€, [, ], {, }, \,
 * ^, ~, |) count twice. Any other character (Chinese, most emoji) switches the whole text
 * to UCS-2: 70 UTF-16 units alone, 67 per segment once split, and a surrogate pair is never
 * cut. The gateway concatenates; the limit applied here is `maxSegments`, beyond which the
 * text is cut and ends with "…" (which forces GSM-7 texts into UCS-2, so the cut is counted
 * in UCS-2 then).
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const ELLIPSIS = '…';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsText {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  truncated: boolean;
}

const gsmUnits = (character: string): number | undefined => (GSM_BASIC.includes(character) ? 1 : GSM_EXTENSION.includes(character) ? 2 : undefined);

export function smsEncodingOf(text: string): SmsEncoding {
  return Array.from(text).every((character) => gsmUnits(character) !== undefined) ? 'GSM-7' : 'UCS-2';
}

function unitsOf(text: string, encoding: SmsEncoding): number {
  return encoding === 'GSM-7' ? Array.from(text).reduce((sum, character) => sum + (gsmUnits(character) ?? 1), 0) : text.length;
}

function capacity(encoding: SmsEncoding, segments: number): number {
  if (encoding === 'GSM-7') return segments === 1 ? 160 : 153 * segments;
  return segments === 1 ? 70 : 67 * segments;
}

function segmentsFor(units: number, encoding: SmsEncoding): number {
  if (units <= capacity(encoding, 1)) return 1;
  return Math.ceil(units / (encoding === 'GSM-7' ? 153 : 67));
}

/** The text as it will be sent: whole if it fits `maxSegments`, otherwise cut with "…". */
export function fitSms(text: string, maxSegments: number): SmsText {
  const encoding = smsEncodingOf(text);
  const units = unitsOf(text, encoding);
  if (units <= capacity(encoding, maxSegments)) return { text, encoding, segments: segmentsFor(units, encoding), truncated: false };

  // The ellipsis is not GSM-7, so a cut text is always UCS-2.
  const room = capacity('UCS-2', maxSegments) - ELLIPSIS.length;
  let kept = '';
  for (const character of Array.from(text)) {
    if (kept.length + character.length > room) break;
    kept += character;
  }
  const cut = kept.trimEnd() + ELLIPSIS;
  return { text: cut, encoding: 'UCS-2', segments: segmentsFor(cut.length, 'UCS-2'), truncated: true };
}
