import { randomInt } from 'node:crypto';
import { TRACKING_CODE_PATTERN } from '@civicflow/contracts';

// Crockford's alphabet without I, L, O, U: codes are read aloud on the hotline and typed by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code a person can read and type (`CF-7K3M-Q9TX`), 40 bits of randomness: not guessable in bulk. */
export function newTrackingCode(): string {
  const block = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `CF-${block()}-${block()}`;
}

export function isTrackingCode(value: string): boolean {
  return new RegExp(TRACKING_CODE_PATTERN).test(value);
}
