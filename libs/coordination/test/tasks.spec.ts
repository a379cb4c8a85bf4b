import { Role } from '@civicflow/auth';
import { buildExampleEvent, type CloudEvent, ComplaintDispatchedV1, ComplaintDispatchedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { startTestHost, type TestHost, waitFor } from '@civicflow/testing';
import { CoordinationModule } from '../src';

const tasks = '/api/v1/coordination/tasks';

interface TaskBody {
  id: string;
  complaintId: string;
  department: string;
  unknownDepartment: boolean;
  state: string;
  code?: string;
}

let sequence = 0;
function dispatched(complaintId: string, target: ComplaintDispatchedV1['target'], options: { eventId?: string; at?: string } = {}): CloudEvent<ComplaintDispatchedV1> {
  const envelope = buildExampleEvent(ComplaintDispatchedV1Event);
  const eventId = options.eventId ?? `0194f3a2-bbbb-7a4b-9d2e-${String(++sequence).padStart(12, '0')}`;
  return {
    ...envelope,
    id: eventId,
    subject: complaintId,
    correlationid: `corr-${eventId}`,
    data: { ...envelope.data, complaintId, at: options.at ?? '2026-03-02T03:00:00.000Z', category: 'water-main-leak', description: 'Water has been gushing from the pavement since morning.', target },
  };
}

describe('tasks for complaints dispatched to other departments (PostgreSQL)', () => {
  let host: TestHost;
  let broker: MessageBroker;
  let water: string;
  let housing: string;
  let supervisor: string;
  let auditor: string;

  beforeAll(async () => {
    host = await startTestHost({
      name: 'coordination_tasks',
      boot: (env, listen) => {
        const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-coordination-test', transport: 'in-process' });
        return bootstrapHost(HostModule.forRoot({ name: 'coordination', configSchema, env, services: [CoordinationModule] }), { title: 'coordination', description: 'test', ...listen });
      },
    });
    await host.query(
      `INSERT INTO coordination.department (code, name_zh, name_en) VALUES ('housing', '市住建局', 'Housing and Construction Bureau')`,
    );
    broker = host.app.get<MessageBroker>(MESSAGE_BROKER);
    water = await host.tokenFor([Role.DepartmentAgent], { sub: 'dept-water-3', department: 'water-affairs' });
    housing = await host.tokenFor([Role.DepartmentAgent], { sub: 'dept-housing-1', department: 'housing' });
    supervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-1' });
    auditor = await host.tokenFor([Role.Auditor], { sub: 'aud-1' });
  });

  afterAll(() => host?.close());

  const publish = (event: CloudEvent<ComplaintDispatchedV1>) => broker.publish([{ topic: ComplaintDispatchedV1Event.topic, ...toBinaryMessage(event) }]);
  const processed = (count: number) =>
    waitFor(
      async () => {
        const [row] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM coordination.inbox WHERE consumer_group = 'coordination.complaint-intake'`);
        return Number(row.count) >= count ? true : undefined;
      },
      { what: `${count} dispatch events processed` },
    );
  const tasksOf = (complaintId: string) =>
    host.query<{ id: string; department: string; unknown_department: boolean; state: string; tracking_code: string; handling_unit: string; location: unknown }>(
      `SELECT id, department, unknown_department, state, tracking_code, handling_unit, location FROM coordination.task WHERE complaint_id = $1`,
      [complaintId],
    );
  const call = (method: 'GET' | 'POST', path: string, token: string, body?: unknown) => host.json<TaskBody & { items: TaskBody[] }>(method, path, { token, body });
  async function taskFor(complaintId: string, department = 'water-affairs'): Promise<string> {
    const before = Number((await host.query<{ count: string }>(`SELECT count(*) AS count FROM coordination.inbox`))[0].count);
    await publish(dispatched(complaintId, { kind: 'department', handlingUnit: 'street-order-squad', department }));
    await waitFor(async () => (Number((await host.query<{ count: string }>(`SELECT count(*) AS count FROM coordination.inbox`))[0].count) > before ? true : undefined), { what: 'the dispatch processed' });
    const [task] = await tasksOf(complaintId);
    return task.id;
  }

  it('creates one task per dispatch, however often the event comes, and none for the bureau’s own units or enforcement', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-000000000001';
    const target = { kind: 'department' as const, handlingUnit: 'street-order-squad', department: 'water-affairs' };
    const eventId = '0194f3a2-aaaa-7a4b-9d2e-000000000001';
    await publish(dispatched(complaintId, target, { eventId }));
    await publish(dispatched(complaintId, target, { eventId }));
    // Another event id about the same dispatch: only the unique index can tell.
    await publish(dispatched(complaintId, target, { eventId: '0194f3a2-aaaa-7a4b-9d2e-000000000002' }));
    await publish(dispatched('0194f3a2-7c1e-7a4b-9d2e-000000000002', { kind: 'unit', handlingUnit: 'street-order-squad' }));
    await publish(dispatched('0194f3a2-7c1e-7a4b-9d2e-000000000003', { kind: 'enforcement', handlingUnit: 'enforcement-brigade' }));
    await processed(4);

    expect(await tasksOf(complaintId)).toEqual([
      {
        id: expect.any(String),
        department: 'water-affairs',
        unknown_department: false,
        state: 'assigned',
        tracking_code: 'CF-7K3D-9QXA',
        handling_unit: 'street-order-squad',
        location: { lat: 31.2304, lng: 121.4737, address: '5 Renmin Road' },
      },
    ]);
    expect(await tasksOf('0194f3a2-7c1e-7a4b-9d2e-000000000002')).toEqual([]);
    expect(await tasksOf('0194f3a2-7c1e-7a4b-9d2e-000000000003')).toEqual([]);

    const [task] = await tasksOf(complaintId);
    const staged = await host.query<{ event_type: string; data: Record<string, unknown>; causation: string }>(
      `SELECT event_type, envelope->'data' AS data, envelope->>'causationid' AS causation FROM coordination.outbox WHERE message_key = $1`,
      [task.id],
    );
    expect(staged).toEqual([
      {
        event_type: 'coordination.task.assigned.v1',
        causation: eventId,
        data: expect.objectContaining({ taskId: task.id, complaintId, department: 'water-affairs', state: 'assigned', unknownDepartment: false, assignedBy: 'sup-7' }),
      },
    ]);
    expect(JSON.stringify(staged)).not.toContain('gushing');
  });

  it('gives a complaint dispatched again after a return a task of its own', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-000000000004';
    const target = { kind: 'department' as const, handlingUnit: 'street-order-squad', department: 'housing' };
    await publish(dispatched(complaintId, target, { at: '2026-03-02T03:00:00.000Z' }));
    await publish(dispatched(complaintId, target, { at: '2026-03-04T03:00:00.000Z' }));
    await waitFor(async () => ((await tasksOf(complaintId)).length === 2 ? true : undefined), { what: 'two tasks' });
  });

  it('keeps a task for a department the directory lacks, flagged, visible to supervisors', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-000000000005';
    const id = await taskFor(complaintId, 'metro-company');
    expect(await tasksOf(complaintId)).toEqual([expect.objectContaining({ department: 'metro-company', unknown_department: true, state: 'assigned' })]);
    const view = await call('GET', `${tasks}/${id}`, supervisor);
    expect(view.body).toMatchObject({ id, department: 'metro-company', unknownDepartment: true });
    const [assigned] = await host.query<{ data: { unknownDepartment: boolean } }>(`SELECT envelope->'data' AS data FROM coordination.outbox WHERE message_key = $1`, [id]);
    expect(assigned.data.unknownDepartment).toBe(true);
  });

  it('keeps a dispatch that names no department, for a supervisor to route', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-00000000000a';
    await publish(dispatched(complaintId, { kind: 'department', handlingUnit: 'street-order-squad' }));
    const found = await waitFor(async () => ((await tasksOf(complaintId)).length > 0 ? tasksOf(complaintId) : undefined), { what: 'the task' });
    expect(found).toEqual([expect.objectContaining({ department: 'unspecified', unknown_department: true, state: 'assigned' })]);
  });

  it("shows a department agent only its own department's tasks", async () => {
    const waterTask = await taskFor('0194f3a2-7c1e-7a4b-9d2e-000000000006', 'water-affairs');
    const housingTask = await taskFor('0194f3a2-7c1e-7a4b-9d2e-000000000007', 'housing');

    const waterList = await call('GET', tasks, water);
    expect(waterList.status).toBe(200);
    expect(waterList.body.items.length).toBeGreaterThan(0);
    expect(new Set(waterList.body.items.map((task) => task.department))).toEqual(new Set(['water-affairs']));
    expect(waterList.body.items.map((task) => task.id)).toContain(waterTask);

    const housingList = await call('GET', tasks, housing);
    expect(housingList.body.items.map((task) => task.id)).toContain(housingTask);
    expect(housingList.body.items.map((task) => task.id)).not.toContain(waterTask);
    expect((await call('GET', `${tasks}/${waterTask}`, housing)).status).toBe(403);

    const all = await call('GET', tasks, auditor);
    expect(all.body.items.map((task) => task.id)).toEqual(expect.arrayContaining([waterTask, housingTask]));

    expect((await call('GET', `${tasks}/${waterTask}`, water)).status).toBe(200);
    expect((await call('GET', `${tasks}/${housingTask}`, water)).status).toBe(403);
    expect((await call('POST', `${tasks}/${housingTask}/accept`, water)).status).toBe(403);
    expect((await call('GET', `${tasks}/0194f3a2-7c1e-7a4b-9d2e-00000000ffff`, water)).status).toBe(404);
    expect((await call('GET', `${tasks}/not-a-uuid`, water)).status).toBe(400);
    expect((await host.query<{ state: string }>(`SELECT state FROM coordination.task WHERE id = $1`, [housingTask]))[0].state).toBe('assigned');
  });

  it('refuses the task list to an agent without a department and to roles outside coordination', async () => {
    expect((await call('GET', tasks, await host.tokenFor([Role.DepartmentAgent]))).status).toBe(403);
    expect((await call('GET', tasks, await host.tokenFor([Role.Citizen]))).status).toBe(403);
    expect((await call('GET', tasks, await host.tokenFor([Role.Officer]))).status).toBe(403);
    expect((await host.request(tasks)).status).toBe(401);
  });

  it('takes a task from assigned through accepted to completed, staging each step’s event', async () => {
    const id = await taskFor('0194f3a2-7c1e-7a4b-9d2e-000000000008');
    const tooEarly = await call('POST', `${tasks}/${id}/complete`, water, { result: 'Fixed' });
    expect(tooEarly).toEqual({ status: 409, body: expect.objectContaining({ code: 'task_not_accepted', message: expect.any(String) }) });

    const accepted = await call('POST', `${tasks}/${id}/accept`, water);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', acceptedBy: 'dept-water-3' });
    expect((await call('POST', `${tasks}/${id}/accept`, water)).body).toMatchObject({ code: 'task_not_assigned' });
    expect((await call('POST', `${tasks}/${id}/return`, water, { reason: 'Not ours after all' })).status).toBe(409);
    expect((await call('POST', `${tasks}/${id}/complete`, water, {})).status).toBe(400);
    expect((await call('POST', `${tasks}/${id}/complete`, auditor, { result: 'x' })).status).toBe(403);

    const completed = await call('POST', `${tasks}/${id}/complete`, water, { result: 'Leaking main replaced; road surface restored.' });
    expect(completed.body).toMatchObject({ state: 'completed', completedBy: 'dept-water-3', result: 'Leaking main replaced; road surface restored.' });

    const staged = await host.query<{ event_type: string; data: Record<string, unknown> }>(
      `SELECT event_type, envelope->'data' AS data FROM coordination.outbox WHERE message_key = $1 ORDER BY created_at, event_type`,
      [id],
    );
    expect(staged.map((row) => row.event_type)).toEqual(['coordination.task.assigned.v1', 'coordination.task.accepted.v1', 'coordination.task.completed.v1']);
    expect(staged[2].data).toMatchObject({ taskId: id, state: 'completed', completedBy: 'dept-water-3' });
    expect(JSON.stringify(staged)).not.toContain('Leaking main');
  });

  it('lets a department return an assigned task with a reason, and nothing after that', async () => {
    const id = await taskFor('0194f3a2-7c1e-7a4b-9d2e-000000000009');
    expect((await call('POST', `${tasks}/${id}/return`, water, {})).status).toBe(400);
    const returned = await call('POST', `${tasks}/${id}/return`, water, { reason: 'The pipe belongs to the compound.' });
    expect(returned.body).toMatchObject({ state: 'returned', returnedBy: 'dept-water-3', returnReason: 'The pipe belongs to the compound.' });
    expect((await call('POST', `${tasks}/${id}/accept`, water)).body).toMatchObject({ code: 'task_not_assigned' });
    expect((await call('POST', `${tasks}/${id}/complete`, water, { result: 'x' })).body).toMatchObject({ code: 'task_not_accepted' });
    const [event] = await host.query<{ data: Record<string, unknown> }>(
      `SELECT envelope->'data' AS data FROM coordination.outbox WHERE message_key = $1 AND event_type = 'coordination.task.returned.v1'`,
      [id],
    );
    expect(event.data).toMatchObject({ state: 'returned', reason: 'The pipe belongs to the compound.' });
  });
});
