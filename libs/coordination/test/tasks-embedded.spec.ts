import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { issueDevelopmentToken, Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { buildExampleEvent, type CloudEvent, type ComplaintDispatchedV1, ComplaintDispatchedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { waitFor } from '@civicflow/testing';
import { CoordinationModule } from '../src';

/** The task table, intake and steps on the embedded store, whose driver answers queries differently from pg. */
describe('coordination tasks, embedded (PGlite)', () => {
  let app: INestApplication;
  let dataDir: string;
  let baseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-coordination-'));
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process' };
    const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-coordination-test', transport: 'in-process' });
    app = await bootstrapHost(HostModule.forRoot({ name: 'coordination', configSchema, env, services: [CoordinationModule] }), {
      title: 'coordination',
      description: 'test',
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get<DataSource>(getDataSourceToken('coordination'));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('assigns the task once for a redelivered dispatch and takes it to completed', async () => {
    const envelope = buildExampleEvent(ComplaintDispatchedV1Event);
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-0000000000e1';
    const event: CloudEvent<ComplaintDispatchedV1> = {
      ...envelope,
      id: '0194f3a2-aaaa-7a4b-9d2e-0000000000e1',
      subject: complaintId,
      correlationid: 'corr-embedded',
      data: { ...envelope.data, complaintId, target: { kind: 'department', handlingUnit: 'street-order-squad', department: 'water-affairs' } },
    };
    const broker = app.get<MessageBroker>(MESSAGE_BROKER);
    const message = { topic: ComplaintDispatchedV1Event.topic, ...toBinaryMessage(event) };
    await broker.publish([message]);
    await broker.publish([message]);
    const [task] = await waitFor(
      async () => {
        const rows: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "coordination".task WHERE complaint_id = $1`, [complaintId]);
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the task' },
    );

    const token = await issueDevelopmentToken({ sub: 'dept-water-3', roles: [Role.DepartmentAgent], department: 'water-affairs' }, DEVELOPMENT_JWT_SECRET, '10m');
    const post = (step: string, body: unknown = {}) =>
      fetch(new URL(`/api/v1/coordination/tasks/${task.id}/${step}`, baseUrl), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('accept')).status).toBe(200);
    const completed = await post('complete', { result: 'Repaired.' });
    expect(completed.status).toBe(200);
    expect(await completed.json()).toMatchObject({ id: task.id, unknownDepartment: false, state: 'completed', result: 'Repaired.', completedBy: 'dept-water-3' });

    const tasks: unknown[] = await dataSource.query(`SELECT id FROM "coordination".task WHERE complaint_id = $1`, [complaintId]);
    expect(tasks).toHaveLength(1);
    const staged: Array<{ event_type: string }> = await dataSource.query(`SELECT event_type FROM "coordination".outbox WHERE message_key = $1 ORDER BY seq`, [task.id]);
    expect(staged.map((row) => row.event_type)).toEqual(['coordination.task.assigned.v1', 'coordination.task.accepted.v1', 'coordination.task.completed.v1']);
  });
});
