import { randomBytes } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { buildExampleEvent, CloudEvent, ComplaintReceivedV1, ComplaintReceivedV1Event, TOPICS } from '@civicflow/contracts';
import { openServiceDataSource } from '@civicflow/persistence';
import { createTestDatabase, TestDatabase } from '@civicflow/testing';
import { v7 as uuidv7 } from 'uuid';
import {
  EventHandler,
  EventProcessor,
  KafkaBroker,
  MessageBroker,
  messagingTablesMigration,
  OutboxPublisher,
  OutboxRelay,
  ProcessingOutcome,
} from '../src';

export const PROBE_SERVICE = 'probe';
export const PROBE_GROUP = 'probe.effects';

class CreateEffectTable1764000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE probe.effect (event_id text NOT NULL, subject text NOT NULL, seq serial)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE probe.effect`);
  }
}

export function kafkaOptionsForTest(port = Number(process.env.KAFKA_PORT ?? 9092)) {
  return {
    brokers: [`127.0.0.1:${port}`],
    clientId: 'civicflow-test',
    topicPrefix: `t${randomBytes(4).toString('hex')}.`,
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 10_000,
    heartbeatIntervalMs: 1_000,
    requestTimeoutMs: 10_000,
    connectionTimeoutMs: 3_000,
  };
}

export async function provisionAllTopics(broker: MessageBroker): Promise<void> {
  await broker.ensureTopics(TOPICS.map((t) => ({ name: t.name, partitions: t.partitions, retentionMs: t.retentionMs })));
}

/** A probe service: its own schema with an outbox, an inbox and an `effect` table. */
export class ProbeService {
  readonly outbox = new OutboxPublisher(PROBE_SERVICE, PROBE_SERVICE);

  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
  ) {}

  static async start(): Promise<ProbeService> {
    const database = await createTestDatabase('messaging');
    const dataSource = await openServiceDataSource({
      service: PROBE_SERVICE,
      databaseUrl: database.url,
      dataDir: './data',
      entities: [],
      migrations: [messagingTablesMigration(PROBE_SERVICE), CreateEffectTable1764000000001],
    });
    return new ProbeService(database, dataSource);
  }

  relay(broker: MessageBroker): OutboxRelay {
    return new OutboxRelay(this.dataSource, broker, { service: PROBE_SERVICE, schema: PROBE_SERVICE, batchSize: 50, pollIntervalMs: 20, maxBackoffMs: 1_000 });
  }

  readonly outcomes: Array<{ type: string; outcome: ProcessingOutcome }> = [];

  processor(broker: MessageBroker, handler: EventHandler = recordEffect, maxAttempts = 3): EventProcessor {
    return new EventProcessor({
      onOutcome: (type, outcome) => this.outcomes.push({ type, outcome }),
      group: PROBE_GROUP,
      schema: PROBE_SERVICE,
      dataSource: this.dataSource,
      outbox: this.outbox,
      broker,
      handlers: new Map([[ComplaintReceivedV1Event.type, handler]]),
      maxAttempts,
      retryBackoffMs: 10,
      heartbeatIntervalMs: 1_000,
    });
  }

  /** Stages `count` events in the outbox, one transaction each, spread over `keys` aggregates. */
  async stageEvents(count: number, keys = count): Promise<CloudEvent[]> {
    const subjects = Array.from({ length: keys }, () => uuidv7());
    const events: CloudEvent[] = [];
    for (let i = 0; i < count; i++) {
      events.push(await this.dataSource.transaction((manager) => this.outbox.emit(manager, ComplaintReceivedV1Event, complaintData(subjects[i % keys], i), { correlationId: `test-${i}` })));
    }
    return events;
  }

  async effects(): Promise<Array<{ event_id: string; subject: string; seq: number }>> {
    return this.dataSource.query(`SELECT event_id, subject, seq FROM probe.effect ORDER BY seq`);
  }

  async unpublished(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM probe.outbox WHERE published_at IS NULL`);
    return row.n;
  }

  async stop(): Promise<void> {
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

export function complaintData(complaintId: string, n: number): ComplaintReceivedV1 {
  const example = buildExampleEvent(ComplaintReceivedV1Event, 0).data as ComplaintReceivedV1;
  return { ...example, complaintId, description: `${example.description} #${n}` };
}

export const recordEffect: EventHandler = async (event, context) => {
  await context.manager.query(`INSERT INTO probe.effect (event_id, subject) VALUES ($1, $2)`, [event.id, event.subject]);
};

export function newKafkaBroker(port?: number): KafkaBroker {
  return new KafkaBroker(kafkaOptionsForTest(port));
}
