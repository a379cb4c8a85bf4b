/** The photo and video formats a complaint may carry, named by their MIME type. */
export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'video/mp4', 'video/quicktime'] as const;

export type MediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

// ISO base media files (HEIF, MP4, QuickTime) name their format by the major brand of the
// `ftyp` box that opens the file.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'MSNV', '3gp4', '3gp5', '3g2a']);
const QUICKTIME_BRANDS = new Set(['qt  ']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return bytes.length >= to ? String.fromCharCode(...bytes.subarray(from, to)) : '';
}

/**
 * The type of a file read from its first bytes, never from the name or the type the sender
 * declared: a script renamed to photo.jpg is not a photo. Undefined for anything else.
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    if (HEIF_BRANDS.has(brand)) return 'image/heif';
    if (MP4_BRANDS.has(brand)) return 'video/mp4';
    if (QUICKTIME_BRANDS.has(brand)) return 'video/quicktime';
  }
  return undefined;
}

const MAX_FILENAME_LENGTH = 200;

/**
 * A file name fit to store and to show: the last path segment, without control characters,
 * at most 200 characters; `unnamed` when nothing is left. Senders' names are kept as given
 * otherwise, since staff recognise their files by them.
 */
export function cleanFilename(name: string | undefined): string {
  const lastSegment = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const printable = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return Array.from(printable).slice(0, MAX_FILENAME_LENGTH).join('') || 'unnamed';
}
