import { Logger } from '@nestjs/common';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger', () => {
  it('logs the failed statement and the error code, never the bound values', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const failure = Object.assign(new Error('duplicate key value violates unique constraint "merchant_licence"'), { code: '23505' });
      new QueryErrorLogger('complaints').logQueryError(failure, 'INSERT INTO complaints.merchant (contact_name, phone)\n  VALUES ($1, $2)');
      const [line] = error.mock.calls[0] as [string];
      expect(line).toBe('query failed (23505): duplicate key value violates unique constraint "merchant_licence" -- INSERT INTO complaints.merchant (contact_name, phone) VALUES ($1, $2)');
    } finally {
      error.mockRestore();
    }
  });
});
