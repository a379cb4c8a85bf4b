import { DataSource, QueryRunner } from 'typeorm';
import { CloudEvent, toBinaryMessage } from '@civicflow/contracts';
import { isEmbeddedDataSource } from '@civicflow/persistence';
import { MessageBroker } from '../broker/broker.port';

export interface OutboxRelayOptions {
  service: string;
  schema: string;
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs?: number;
  log?: (level: 'warn' | 'info', message: string, fields?: Record<string, unknown>) => void;
  onPublished?: (count: number) => void;
  onBacklog?: (count: number) => void;
}

interface OutboxRow {
  id: string;
  topic: string;
  envelope: CloudEvent;
}

// Published rows are kept a day for diagnosis, then deleted so the table stays small.
const PUBLISHED_ROW_RETENTION = '1 day';
const CLEANUP_EVERY_MS = 60_000;
const BACKLOG_EVERY_MS = 1_000;

/**
 * Publishes outbox rows in commit order. Only one replica of a service relays at a time: it
 * holds a session advisory lock on a dedicated connection, which PostgreSQL releases if the
 * replica dies. Rows are marked published only after the broker acknowledged them, and a
 * broker outage is retried forever with backoff — a row is never marked failed because the
 * broker is away (eShop's outbox could not recover from that; see STYLE.md).
 */
export class OutboxRelay {
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private lockRunner?: QueryRunner;
  private lastCleanup = 0;
  private lastBacklog = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: MessageBroker,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  nudge(): void {
    this.wake?.();
  }

  /** Lets the batch in flight finish, then gives up leadership. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.releaseLeadership();
  }

  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS count FROM "${this.options.schema}".outbox WHERE published_at IS NULL`);
    return Number(row.count);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!(await this.holdLeadership())) {
          await this.pause(Math.max(this.options.pollIntervalMs, 1_000));
          continue;
        }
        const published = await this.publishBatch();
        failures = 0;
        await this.housekeeping();
        if (published < this.options.batchSize) await this.pause(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        const delay = Math.min(this.options.maxBackoffMs ?? 10_000, 100 * 2 ** Math.min(failures, 10));
        this.options.log?.('warn', 'outbox relay could not publish; retrying', {
          service: this.options.service,
          attempt: failures,
          retryInMs: delay,
          error: error instanceof Error ? error.message : String(error),
        });
        await this.releaseLeadership();
        await this.pause(delay * (0.75 + Math.random() / 2));
      }
    }
  }

  private query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.lockRunner ? this.lockRunner.query(sql, parameters) : this.dataSource.query(sql, parameters);
  }

  private async holdLeadership(): Promise<boolean> {
    // The embedded store belongs to one process and holds one session: nobody to compete with.
    if (isEmbeddedDataSource(this.dataSource)) return true;
    if (this.lockRunner) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [row] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`civicflow.outbox.${this.options.schema}`]);
    if (row.locked) {
      this.lockRunner = runner;
      return true;
    }
    await runner.release();
    return false;
  }

  private async releaseLeadership(): Promise<void> {
    const runner = this.lockRunner;
    this.lockRunner = undefined;
    if (!runner) return;
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`civicflow.outbox.${this.options.schema}`]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  private async publishBatch(): Promise<number> {
    const schema = this.options.schema;
    const rows = await this.query<OutboxRow[]>(
      `SELECT id, topic, envelope FROM "${schema}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;
    try {
      await this.broker.publish(rows.map((row) => ({ topic: row.topic, ...toBinaryMessage(row.envelope) })));
    } catch (error) {
      await this.query(`UPDATE "${schema}".outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
        rows[0].id,
        error instanceof Error ? error.message.slice(0, 1000) : String(error),
      ]).catch(() => undefined);
      throw error;
    }
    await this.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE id = ANY($1::text[])`, [rows.map((row) => row.id)]);
    this.options.onPublished?.(rows.length);
    return rows.length;
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (this.options.onBacklog && now - this.lastBacklog >= BACKLOG_EVERY_MS) {
      this.lastBacklog = now;
      this.options.onBacklog(await this.backlog());
    }
    if (now - this.lastCleanup >= CLEANUP_EVERY_MS) {
      this.lastCleanup = now;
      await this.query(`DELETE FROM "${this.options.schema}".outbox WHERE published_at < now() - interval '${PUBLISHED_ROW_RETENTION}'`);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
