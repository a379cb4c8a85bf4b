import { handleKeyedBatch } from './keyed-batch';

const batch = (...keys: Array<string | null>) => keys.map((key, index) => ({ offset: String(100 + index), key }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('handleKeyedBatch', () => {
  it('keeps the order of messages with the same key', async () => {
    const seen: string[] = [];
    const messages = batch('a', 'b', 'a', 'b', 'a');
    await handleKeyedBatch(
      messages,
      async (message) => {
        // The first message of each key is slowest: a reorder would show.
        if (message.offset === '100' || message.offset === '101') await new Promise((resolve) => setTimeout(resolve, 20));
        seen.push(message.offset);
      },
      { concurrency: 4 },
    );
    expect(seen.filter((offset) => ['100', '102', '104'].includes(offset))).toEqual(['100', '102', '104']);
    expect(seen.filter((offset) => ['101', '103'].includes(offset))).toEqual(['101', '103']);
  });

  it('handles different keys at the same time, up to the concurrency', async () => {
    let running = 0;
    let peak = 0;
    await handleKeyedBatch(
      batch('a', 'b', 'c', 'd', 'e', 'f'),
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it('reports the whole batch handled when every message succeeds', async () => {
    expect(await handleKeyedBatch(batch('a', null, 'b'), async () => undefined, { concurrency: 2 })).toEqual({ handledThrough: '102' });
  });

  it('stops at the first failure in offset order and skips the rest of that key', async () => {
    const handled: string[] = [];
    const failure = new Error('database down');
    const outcome = await handleKeyedBatch(
      batch('a', 'b', 'a', 'c'),
      async (message) => {
        if (message.offset === '101') throw failure;
        handled.push(message.offset);
      },
      { concurrency: 1 },
    );
    expect(outcome).toEqual({ handledThrough: '100', error: failure });
    // Key c is independent and went on; nothing of key b after the failure ran.
    expect(handled).toEqual(['100', '102', '103']);
  });

  it('reports nothing handled when the first message fails', async () => {
    const outcome = await handleKeyedBatch(batch('a', 'b'), async (message) => {
      if (message.offset === '100') throw new Error('no');
    }, { concurrency: 2 });
    expect(outcome.handledThrough).toBeUndefined();
    expect(outcome.error).toEqual(new Error('no'));
  });

  it('stops taking messages once told to, without reporting them handled', async () => {
    let running = true;
    const outcome = await handleKeyedBatch(
      batch('a', 'a', 'a'),
      async () => {
        running = false;
      },
      { concurrency: 1, shouldContinue: () => running },
    );
    expect(outcome).toEqual({ handledThrough: '100' });
  });
});
