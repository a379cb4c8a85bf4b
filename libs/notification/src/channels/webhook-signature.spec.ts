import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test_0123456789';
  const body = JSON.stringify({ id: 'd-1', text: '您好' });
  const now = new Date('2026-03-02T10:00:00Z');

  it('verifies its own signature and refuses a tampered body, another secret or a stale timestamp', () => {
    const header = signWebhook(secret, body, now);
    expect(header).toMatch(/^t=1772445600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, body, header, now)).toBe(true);
    expect(verifyWebhook(secret, body.replace('d-1', 'd-2'), header, now)).toBe(false);
    expect(verifyWebhook('another-secret', body, header, now)).toBe(false);
    expect(verifyWebhook(secret, body, header, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook(secret, body, undefined, now)).toBe(false);
    expect(verifyWebhook(secret, body, 't=1772445600,v1=zz', now)).toBe(false);
  });
});
