import { createLogger } from './logger';
import { RequestContext } from './request-context';

function capturedLogger(level: 'info' | 'warn' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('complaints', {
    level,
    destination: { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, level name and the context ids', () => {
    const { logger, lines } = capturedLogger();
    RequestContext.run({ correlationId: 'corr-1', causationId: 'evt-1', userId: 'officer-1' }, () => logger.info('routed'));
    expect(lines[0]).toMatchObject({
      service: 'complaints',
      level: 'info',
      msg: 'routed',
      correlationId: 'corr-1',
      causationId: 'evt-1',
      userId: 'officer-1',
    });
  });

  it('masks personal fields at any of the first three levels', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      { email: 'reporter@example.org', reporter: { phone: '13812345678', name: '张三' }, complaint: { reporter: { idNumber: '110101199003071234' } } },
      'received',
    );
    expect(lines[0]).toMatchObject({
      email: 'r***@example.org',
      reporter: { phone: '138****5678', name: '张*' },
      complaint: { reporter: { idNumber: '110***********1234' } },
    });
  });

  it('removes the bound values and the row detail of a failed query, which hold what was stored', () => {
    const { logger, lines } = capturedLogger();
    const error = Object.assign(new Error('duplicate key'), { parameters: ['wang@example.org', '王芳'], driverError: { code: '23505', detail: 'Key (email)=(wang@example.org) already exists.' } });
    logger.error({ err: error }, 'query failed');
    expect(JSON.stringify(lines[0])).not.toMatch(/wang@example|王芳/);
    expect(lines[0]).toMatchObject({ err: { parameters: '[REDACTED]', driverError: { code: '23505', detail: '[REDACTED]' } } });
  });

  it('removes secrets and the authorization header entirely', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ req: { headers: { authorization: 'Bearer abc.def.ghi' } }, user: { password: 'hunter22' } }, 'login');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('abc.def.ghi');
    expect(line).not.toContain('hunter22');
  });

  it('respects the level', () => {
    const { logger, lines } = capturedLogger('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => line['msg'])).toEqual(['loud']);
  });
});
