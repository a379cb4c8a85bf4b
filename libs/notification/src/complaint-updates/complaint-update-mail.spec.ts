import { renderComplaintUpdateMail } from './complaint-update-mail';

const base = { trackingCode: 'CF-7K3M-Q9TX', trackingUrl: 'https://civicflow.example/api/v1/complaints/CF-7K3M-Q9TX' };

describe('renderComplaintUpdateMail', () => {
  it('gives the deadline in Beijing time, in the reporter\'s language', () => {
    const en = renderComplaintUpdateMail({ ...base, locale: 'en', name: 'Zhao Lei', update: { kind: 'accepted', deadlineAt: '2026-11-27T15:59:59.999Z' } });
    expect(en.text).toMatch(/November 27, 2026 at 11:59/);
    const zh = renderComplaintUpdateMail({ ...base, locale: 'zh-CN', update: { kind: 'accepted', deadlineAt: '2026-11-27T15:59:59.999Z' } });
    expect(zh.text).toMatch(/2026年11月27日 23:59/);
    expect(zh.text.startsWith('您好：')).toBe(true);
  });

  it('escapes what staff wrote when it goes into the HTML part', () => {
    const mail = renderComplaintUpdateMail({ ...base, locale: 'en', update: { kind: 'handled', reply: 'Done <script>alert(1)</script> & checked' } });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.text).toContain('Done <script>alert(1)</script> & checked');
  });

  it('links the tracking page and, in the survey, the rating page', () => {
    const mail = renderComplaintUpdateMail({ ...base, locale: 'en', update: { kind: 'survey', ratingUrl: 'https://civicflow.example/complaints/CF-7K3M-Q9TX/rate' } });
    expect(mail.html).toContain('<a href="https://civicflow.example/complaints/CF-7K3M-Q9TX/rate">');
  });
});
