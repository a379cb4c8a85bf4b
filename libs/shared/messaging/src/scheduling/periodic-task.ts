import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Background work that runs on a timer while the application runs: a scan for overdue
 * items, surveys falling due. A pass never overlaps the previous one, a failed pass is
 * logged and the next one tries again, and shutdown waits for the pass in hand before the
 * data source closes.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  /** Time between the starts of two passes; read once, at bootstrap. */
  protected abstract get intervalMs(): number;

  /** One pass. */
  protected abstract runOnce(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    // The timer alone must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      await this.running;
    } catch (error) {
      this.logger.error(`pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
