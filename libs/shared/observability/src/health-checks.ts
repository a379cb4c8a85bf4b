import { Injectable, type OnModuleDestroy } from '@nestjs/common';

export type HealthCheck = () => Promise<void>;

export type CheckResult = { status: 'up' } | { status: 'down'; error: string };

export interface ReadinessReport {
  status: 'ok' | 'unavailable' | 'shutting_down';
  checks: Record<string, CheckResult>;
}

/** A dependency that hangs must fail the probe, not hold it until the kubelet gives up. */
const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class HealthChecks implements OnModuleDestroy {
  private readonly checks = new Map<string, HealthCheck>();
  private shuttingDown = false;

  register(name: string, check: HealthCheck): void {
    if (this.checks.has(name)) throw new Error(`A health check named "${name}" is already registered`);
    this.checks.set(name, check);
  }

  /** Readiness fails from now on, so that the load balancer stops sending work before the server closes. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  onModuleDestroy(): void {
    this.markShuttingDown();
  }

  async readiness(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { status: 'shutting_down', checks: {} };
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runWithTimeout(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    const healthy = entries.every(([, result]) => result.status === 'up');
    return { status: healthy ? 'ok' : 'unavailable', checks };
  }
}

async function runWithTimeout(check: HealthCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
