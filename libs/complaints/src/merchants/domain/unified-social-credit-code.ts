/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that every business
 * licence carries since 2016, individual businesses (个体工商户) included: 18 characters
 * of digits and capitals without I, O, S, V and Z; characters 3 to 8 are the
 * administrative division code; the last is a check character over the other 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = new RegExp(`^[${ALPHABET}]{2}[0-9]{6}[${ALPHABET}]{10}$`);

export const UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE = '91350100M000100Y43';

export function checkCharacterOf(first17: string): string {
  const sum = Array.from(first17).reduce((total, character, index) => total + ALPHABET.indexOf(character) * (WEIGHTS[index] ?? 0), 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** True for an 18-character code whose check character matches: a mistyped character is caught here, not at the bureau's desk. */
export function isUnifiedSocialCreditCode(value: string): boolean {
  return SHAPE.test(value) && checkCharacterOf(value.slice(0, 17)) === value.charAt(17);
}
