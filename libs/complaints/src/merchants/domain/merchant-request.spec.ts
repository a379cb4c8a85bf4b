import { answeredStatus, discussedStatus } from './merchant-request';
import { MerchantRequestAlreadyAnsweredError } from './rule-violation';

describe('merchant request status', () => {
  it('becomes discussed when a forum takes up a submitted or already discussed request', () => {
    expect(discussedStatus({ id: 'r1', status: 'submitted' })).toBe('discussed');
    expect(discussedStatus({ id: 'r1', status: 'discussed' })).toBe('discussed');
  });

  it('is answered from submitted or discussed', () => {
    expect(answeredStatus({ id: 'r1', status: 'submitted' })).toBe('answered');
    expect(answeredStatus({ id: 'r1', status: 'discussed' })).toBe('answered');
  });

  it('refuses a second answer and a forum taking up an answered request, naming the request', () => {
    expect(() => answeredStatus({ id: 'r1', status: 'answered' })).toThrow(new MerchantRequestAlreadyAnsweredError('r1'));
    expect(() => discussedStatus({ id: 'r2', status: 'answered' })).toThrow(MerchantRequestAlreadyAnsweredError);
    expect(() => discussedStatus({ id: 'r2', status: 'answered' })).toThrow(/r2/);
  });
});
