import { notFound } from './open311-error';
import { toXml, type XmlValue } from './open311-xml';

export type Open311Format = 'json' | 'xml';

export const OPEN311_CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The discovery document lists these, XML first: the specification requires XML and allows JSON. */
export const OPEN311_MEDIA_TYPES = ['text/xml', 'application/json'] as const;

export function parseFormat(format: string): Open311Format {
  if (format === 'json' || format === 'xml') return format;
  throw notFound(`format ${JSON.stringify(format)} is not served; use .json or .xml`);
}

/**
 * `CF-7K3M-Q9TX.xml` → the id and the format. Split at the last dot: service codes may
 * hold dots themselves (`parking.bicycle.json`).
 */
export function splitResourceFile(file: string, what: string): { id: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) throw notFound(`${what} ${JSON.stringify(file)} needs a format: append .json or .xml`);
  return { id: file.slice(0, dot), format: parseFormat(file.slice(dot + 1)) };
}

/** The format an error is written in: the one the path asked for, JSON when it asked for none or another. */
export function formatOfPath(url: string): Open311Format {
  const path = url.split('?', 1)[0] ?? '';
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** `root` names the XML document element; JSON has none. */
export function render(format: Open311Format, root: string, value: XmlValue): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}
