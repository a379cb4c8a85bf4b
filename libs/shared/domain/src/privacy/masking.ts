const MASK = '*';

/**
 * Keeps `keepStart` and `keepEnd` characters and masks the rest one for one. A value
 * too short to hide anything in between keeps only its first character, so that a
 * short value is never shown whole.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const characters = Array.from(value);
  if (characters.length <= 1) return MASK.repeat(characters.length);
  if (characters.length <= keepStart + keepEnd) return characters[0] + MASK.repeat(characters.length - 1);
  const hidden = characters.length - keepStart - keepEnd;
  return characters.slice(0, keepStart).join('') + MASK.repeat(hidden) + characters.slice(characters.length - keepEnd).join('');
}

/** `reporter@example.org` → `r***@example.org`; the mask hides the local part's length. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return MASK.repeat(3);
  const [first] = Array.from(trimmed.slice(0, at));
  return `${first}${MASK.repeat(3)}${trimmed.slice(at)}`;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone.trim(), 3, 4);
}

/** `张三` → `张*`, `王小明` → `王**`: only the first character (the surname) stays. */
export function maskName(name: string): string {
  const [first, ...rest] = Array.from(name.trim());
  if (first === undefined) return '';
  return first + rest.map((character) => (/\s/.test(character) ? character : MASK)).join('');
}

/** `110101199003071234` → `110***********1234`. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber.trim(), 3, 4);
}
