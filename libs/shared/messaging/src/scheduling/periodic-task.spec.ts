import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

class Probe extends PeriodicTask {
  passes = 0;
  concurrent = 0;
  peak = 0;
  failNext = false;
  release?: () => void;

  protected get intervalMs(): number {
    return 5;
  }

  protected async runOnce(): Promise<void> {
    this.passes += 1;
    this.concurrent += 1;
    this.peak = Math.max(this.peak, this.concurrent);
    try {
      if (this.failNext) {
        this.failNext = false;
        throw new Error('database down');
      }
      await new Promise<void>((resolve) => (this.release = resolve));
    } finally {
      this.concurrent -= 1;
    }
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  afterEach(() => jest.restoreAllMocks());

  it('never starts a pass while the previous one runs', async () => {
    const probe = new Probe();
    probe.onApplicationBootstrap();
    await wait(40);
    expect(probe.passes).toBe(1);
    probe.release?.();
    await wait(20);
    expect(probe.passes).toBeGreaterThanOrEqual(2);
    expect(probe.peak).toBe(1);
    probe.release?.();
    await probe.onApplicationShutdown();
  });

  it('logs a failed pass and tries again at the next tick', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const probe = new Probe();
    probe.failNext = true;
    probe.onApplicationBootstrap();
    await wait(30);
    expect(logged).toHaveBeenCalledWith('pass failed: database down');
    expect(probe.passes).toBeGreaterThanOrEqual(2);
    probe.release?.();
    await probe.onApplicationShutdown();
  });

  it('waits at shutdown for the pass in hand, and starts no other', async () => {
    const probe = new Probe();
    probe.onApplicationBootstrap();
    await wait(20);
    let stopped = false;
    const stopping = probe.onApplicationShutdown().then(() => (stopped = true));
    await wait(20);
    expect(stopped).toBe(false);
    probe.release?.();
    await stopping;
    const passes = probe.passes;
    await wait(30);
    expect(probe.passes).toBe(passes);
  });
});
