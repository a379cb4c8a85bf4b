import { setTimeout as sleep } from 'node:timers/promises';
import { RequestContext } from './request-context';

describe('RequestContext', () => {
  it('is empty outside any unit of work', () => {
    expect(RequestContext.current()).toBeUndefined();
  });

  it('follows the work across awaits, timers and promise chains', async () => {
    const seen = await RequestContext.run({ correlationId: 'c-1', causationId: 'e-9' }, async () => {
      await sleep(5);
      const afterTimer = RequestContext.current()?.correlationId;
      const inChain = await Promise.resolve().then(() => RequestContext.current()?.causationId);
      return { afterTimer, inChain };
    });
    expect(seen).toEqual({ afterTimer: 'c-1', inChain: 'e-9' });
  });

  it('keeps concurrent units of work apart', async () => {
    const work = (id: string, delay: number) =>
      RequestContext.run({ correlationId: id }, async () => {
        await sleep(delay);
        return RequestContext.current()?.correlationId;
      });
    await expect(Promise.all([work('slow', 20), work('fast', 1)])).resolves.toEqual(['slow', 'fast']);
  });

  it('adds the user to the running context only', async () => {
    await RequestContext.run({ correlationId: 'c-2' }, async () => {
      RequestContext.assignUser('officer-1');
      await sleep(1);
      expect(RequestContext.current()).toEqual({ correlationId: 'c-2', userId: 'officer-1' });
    });
    RequestContext.assignUser('nobody');
    expect(RequestContext.current()).toBeUndefined();
  });

  it('does not let inner work change the caller’s context object', () => {
    const given = { correlationId: 'c-3' };
    RequestContext.run(given, () => RequestContext.assignUser('u'));
    expect(given).toEqual({ correlationId: 'c-3' });
  });
});
