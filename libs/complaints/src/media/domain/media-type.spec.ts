import { cleanFilename, sniffMediaType } from './media-type';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const isoMedia = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0]);

describe('sniffMediaType', () => {
  it.each([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['an iPhone HEIC photo', isoMedia('heic'), 'image/heic'],
    ['a generic HEIF image', isoMedia('mif1'), 'image/heif'],
    ['an MP4 video', isoMedia('isom'), 'video/mp4'],
    ['an MP4 video of brand mp42', isoMedia('mp42'), 'video/mp4'],
    ['a QuickTime video', isoMedia('qt  '), 'video/quicktime'],
  ])('recognises %s by its first bytes', (_name, content, type) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it.each([
    ['a text file named like a photo', bytes('this is not a photo.jpg')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['a RIFF file that is not WebP (a WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['an ISO media file of an unknown brand', isoMedia('xxxx')],
    ['a truncated JPEG signature', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
  ])('refuses %s', (_name, content) => {
    expect(sniffMediaType(content)).toBeUndefined();
  });
});

describe('cleanFilename', () => {
  it('keeps the last segment of a path, from either kind of slash', () => {
    expect(cleanFilename('C:\\Users\\wang\\Pictures\\stall.jpg')).toBe('stall.jpg');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
  });

  it('drops control characters and keeps other scripts', () => {
    expect(cleanFilename('摊位\u0000照片\n.jpg')).toBe('摊位照片.jpg');
  });

  it('names a file without a name', () => {
    expect(cleanFilename(undefined)).toBe('unnamed');
    expect(cleanFilename(' / ')).toBe('unnamed');
  });

  it('cuts a very long name to 200 characters', () => {
    expect(Array.from(cleanFilename('照'.repeat(300))).length).toBe(200);
  });
});
