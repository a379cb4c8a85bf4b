import { checkCharacterOf, isUnifiedSocialCreditCode, UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE } from './unified-social-credit-code';

describe('isUnifiedSocialCreditCode', () => {
  it('accepts codes whose check character matches, a letter check character included', () => {
    expect(isUnifiedSocialCreditCode(UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE)).toBe(true);
    expect(isUnifiedSocialCreditCode('91110000600037341L')).toBe(true);
  });

  it('catches one mistyped character', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000101Y43')).toBe(false);
  });

  it('refuses a code of the wrong length', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y4')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100Y433')).toBe(false);
    expect(isUnifiedSocialCreditCode('')).toBe(false);
  });

  it('refuses letters the standard leaves out and lower case', () => {
    const withI = '91350100MI00100Y4';
    expect(isUnifiedSocialCreditCode(withI + checkCharacterOf(withI))).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100m000100y43')).toBe(false);
  });

  it('wants digits for the administrative division code', () => {
    const lettersInDivision = '91A50100M000100Y4';
    expect(isUnifiedSocialCreditCode(lettersInDivision + checkCharacterOf(lettersInDivision))).toBe(false);
  });

  it('computes 0, not 31, when the weighted sum is a multiple of 31', () => {
    const body = Array.from({ length: 31 ** 2 }, (_, n) => `9135010${String(n).padStart(10, '0')}`).find((candidate) => checkCharacterOf(candidate) === '0');
    expect(body).toBeDefined();
    expect(isUnifiedSocialCreditCode(`${body}0`)).toBe(true);
  });
});
