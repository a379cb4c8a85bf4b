import { buildExampleEvent, type CloudEvent, type ComplaintDispatchedV1, ComplaintDispatchedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { type TestHost, waitFor } from '@civicflow/testing';
import { call, sha, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const cases = '/api/v1/enforcement/cases';

function dispatched(complaintId: string, eventId: string, kind: 'enforcement' | 'unit' = 'enforcement'): CloudEvent<ComplaintDispatchedV1> {
  const envelope = buildExampleEvent(ComplaintDispatchedV1Event);
  return {
    ...envelope,
    id: eventId,
    subject: complaintId,
    correlationid: `corr-${eventId}`,
    data: { ...envelope.data, complaintId, at: new Date(Date.now() - 60_000).toISOString(), target: { kind, handlingUnit: 'enforcement-brigade' } },
  };
}

describe('cases from complaints dispatched to enforcement (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let broker: MessageBroker;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    broker = host.app.get<MessageBroker>(MESSAGE_BROKER);
  });

  afterAll(() => host?.close());

  const publish = (event: CloudEvent<ComplaintDispatchedV1>) => broker.publish([{ topic: ComplaintDispatchedV1Event.topic, ...toBinaryMessage(event) }]);
  const casesOf = (complaintId: string) => host.query<{ id: string; state: string; party_id: string | null }>(`SELECT id, state, party_id FROM enforcement.enforcement_case WHERE source_reference = $1`, [complaintId]);

  it('opens one case per complaint, however often the event comes, and none for other targets', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-000000000001';
    await publish(dispatched(complaintId, '0194f3a2-aaaa-7a4b-9d2e-000000000001'));
    await publish(dispatched(complaintId, '0194f3a2-aaaa-7a4b-9d2e-000000000001'));
    await publish(dispatched(complaintId, '0194f3a2-aaaa-7a4b-9d2e-000000000002'));
    const other = '0194f3a2-7c1e-7a4b-9d2e-000000000002';
    await publish(dispatched(other, '0194f3a2-aaaa-7a4b-9d2e-000000000003', 'unit'));
    const marker = '0194f3a2-7c1e-7a4b-9d2e-000000000003';
    await publish(dispatched(marker, '0194f3a2-aaaa-7a4b-9d2e-000000000004'));
    // Per-partition order is not global: wait until every event was processed.
    await waitFor(async () => {
      const [{ count }] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM enforcement.inbox WHERE consumer_group = 'enforcement.complaint-intake'`);
      return Number(count) >= 4 ? true : undefined;
    }, { what: 'the four distinct events processed' });
    expect(await casesOf(complaintId)).toEqual([{ id: expect.any(String), state: 'registration_pending', party_id: null }]);
    expect(await casesOf(other)).toEqual([]);
    expect(await casesOf(marker)).toHaveLength(1);
  });

  it('takes the case from the complaint through party, officers and registration', async () => {
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-000000000010';
    await publish(dispatched(complaintId, '0194f3a2-aaaa-7a4b-9d2e-000000000010'));
    const [opened] = await waitFor(async () => ((await casesOf(complaintId)).length ? casesOf(complaintId) : undefined), { what: 'the case' });
    const id = opened.id;
    const view = await call<{ source: string; party: unknown; category: string }>(host, 'GET', `${cases}/${id}`, staff.officer);
    expect(view.body).toMatchObject({ source: 'complaint', sourceReference: complaintId, party: null, category: 'illegal-construction' });

    const refused = await call<{ code: string }>(host, 'POST', `${cases}/${id}/register`, staff.supervisor, {});
    expect(refused.body.code).toBe('party_unknown');
    const identified = await call<{ party: { kind: string; name: string } }>(host, 'POST', `${cases}/${id}/party`, staff.officer, { party: { kind: 'person', name: '刘洋', phone: '13800001111' } });
    expect(identified.body.party).toMatchObject({ kind: 'person', name: '刘*' });
    expect((await call<{ code: string }>(host, 'POST', `${cases}/${id}/register`, staff.supervisor, {})).body.code).toBe('not_enough_officers');
    expect((await call(host, 'POST', `${cases}/${id}/officers`, staff.officer, { officerIds: ['off-1', 'off-2'] })).status).toBe(403);
    const assigned = await call<{ officers: Array<{ id: string }> }>(host, 'POST', `${cases}/${id}/officers`, staff.supervisor, { officerIds: ['off-2', 'off-4'] });
    expect(assigned.body.officers.map((officer) => officer.id)).toEqual(['off-2', 'off-4']);
    expect((await call<{ state: string }>(host, 'POST', `${cases}/${id}/register`, staff.supervisor, {})).body.state).toBe('registered');
    expect((await call<{ state: string }>(host, 'POST', `${cases}/${id}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('7') }] })).body.state).toBe('investigating');

    const [registered] = await host.query<{ data: { complaintId: string; source: string } }>(
      `SELECT envelope->'data' AS data FROM enforcement.outbox WHERE message_key = $1 AND event_type = 'enforcement.case.registered.v1'`,
      [id],
    );
    expect(registered.data).toMatchObject({ source: 'complaint', complaintId });
    const record = await call<{ entries: Array<{ action: string; actor: string }> }>(host, 'GET', `${cases}/${id}/record/export`, staff.auditor);
    expect(record.body.entries.map((entry) => `${entry.action} by ${entry.actor}`)).toEqual([
      'open by sup-7',
      'identify_party by off-1',
      'assign_officers by sup-1',
      'register by sup-1',
      'add_evidence by off-1',
    ]);
    expect(JSON.stringify(record.body)).not.toMatch(/刘洋|13800001111/);
  });
});
