import { fitSms, smsEncodingOf } from './sms-segments';

describe('fitSms', () => {
  it('keeps a GSM-7 text of 160 characters in one segment and splits 161 into two', () => {
    expect(fitSms('a'.repeat(160), 3)).toEqual({ text: 'a'.repeat(160), encoding: 'GSM-7', segments: 1, truncated: false });
    expect(fitSms('a'.repeat(161), 3)).toMatchObject({ encoding: 'GSM-7', segments: 2, truncated: false });
  });

  it('counts extension characters twice', () => {
    expect(fitSms('€'.repeat(80), 3).segments).toBe(1);
    expect(fitSms('€'.repeat(81), 3).segments).toBe(2);
  });

  it('sends Chinese as UCS-2: 70 characters alone, 67 a segment once split', () => {
    expect(smsEncodingOf('您的投诉已受理')).toBe('UCS-2');
    expect(fitSms('城'.repeat(70), 3)).toMatchObject({ encoding: 'UCS-2', segments: 1, truncated: false });
    expect(fitSms('城'.repeat(71), 3)).toMatchObject({ encoding: 'UCS-2', segments: 2, truncated: false });
    expect(fitSms('城'.repeat(201), 3)).toMatchObject({ segments: 3, truncated: false });
  });

  it('cuts a text beyond the segment limit and ends it with an ellipsis', () => {
    const fitted = fitSms('城'.repeat(300), 2);
    expect(fitted).toMatchObject({ encoding: 'UCS-2', segments: 2, truncated: true });
    expect(fitted.text).toHaveLength(134);
    expect(fitted.text.endsWith('城…')).toBe(true);
    const latin = fitSms('word '.repeat(100), 1);
    expect(latin.text.length).toBeLessThanOrEqual(70);
    expect(latin.text.endsWith('word…')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const fitted = fitSms('😀'.repeat(100), 1);
    expect(fitted.text).toBe(`${'😀'.repeat(34)}…`);
  });
});
