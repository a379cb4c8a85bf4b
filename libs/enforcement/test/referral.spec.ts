import { buildExampleEvent, type CloudEvent, type EnforcementReferralSubmittedV1, EnforcementReferralSubmittedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { type TestHost, waitFor } from '@civicflow/testing';
import { call, sha, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const cases = '/api/v1/enforcement/cases';

function referral(referralId: string, eventId: string, overrides: Partial<EnforcementReferralSubmittedV1> = {}): CloudEvent<EnforcementReferralSubmittedV1> {
  const envelope = buildExampleEvent(EnforcementReferralSubmittedV1Event);
  return {
    ...envelope,
    id: eventId,
    subject: referralId,
    correlationid: `corr-${eventId}`,
    data: { ...envelope.data, referralId, violationAt: new Date(Date.now() - 3_600_000).toISOString(), at: new Date().toISOString(), ...overrides },
  };
}

describe('cases referred by other departments, by event (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let broker: MessageBroker;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    broker = host.app.get<MessageBroker>(MESSAGE_BROKER);
  });

  afterAll(() => host?.close());

  const publish = (event: CloudEvent<EnforcementReferralSubmittedV1>) => broker.publish([{ topic: EnforcementReferralSubmittedV1Event.topic, ...toBinaryMessage(event) }]);
  const casesOf = (referralId: string) =>
    host.query<{ id: string; state: string; department: string; category: string }>(`SELECT id, state, department, category FROM enforcement.enforcement_case WHERE source = 'referral' AND source_reference = $1`, [referralId]);
  const processed = (count: number) =>
    waitFor(async () => {
      const [row] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM enforcement.inbox WHERE consumer_group = 'enforcement.referral-intake'`);
      return Number(row.count) >= count ? true : undefined;
    }, { what: `${count} referral events processed` });

  it('opens one case per referral, however often the event comes', async () => {
    const referralId = '0195b2c3-4d5e-7f60-8a9b-000000000001';
    await publish(referral(referralId, '0195b2c3-aaaa-7f60-8a9b-000000000001'));
    await publish(referral(referralId, '0195b2c3-aaaa-7f60-8a9b-000000000001'));
    await publish(referral(referralId, '0195b2c3-aaaa-7f60-8a9b-000000000002'));
    await processed(2);
    expect(await casesOf(referralId)).toEqual([{ id: expect.any(String), state: 'registration_pending', department: 'enforcement', category: 'shop-front-occupation' }]);
  });

  it('files the case under the department the referral names, and takes it through registration', async () => {
    const referralId = '0195b2c3-4d5e-7f60-8a9b-000000000010';
    await publish(referral(referralId, '0195b2c3-aaaa-7f60-8a9b-000000000010', { targetDepartment: 'east-brigade', referenceNumber: 'SJ-2026-0099' }));
    const [opened] = await waitFor(async () => ((await casesOf(referralId)).length ? casesOf(referralId) : undefined), { what: 'the referred case' });
    expect(opened.department).toBe('east-brigade');

    // Staff of another department do not see it; the east brigade does.
    expect((await call(host, 'GET', `${cases}/${opened.id}`, staff.officer)).status).toBe(403);
    const east = await host.tokenFor(['officer'], { sub: 'off-1', department: 'east-brigade' });
    const eastSupervisor = await host.tokenFor(['supervisor'], { sub: 'sup-east', department: 'east-brigade' });
    const view = await call<{ source: string; sourceReference: string; description: string; location: { address: string } }>(host, 'GET', `${cases}/${opened.id}`, east);
    expect(view.body).toMatchObject({ source: 'referral', sourceReference: referralId, location: { address: '12 Henan Middle Road' } });
    expect(view.body.description).toContain('market-supervision (SJ-2026-0099)');

    expect((await call(host, 'POST', `${cases}/${opened.id}/party`, east, { party: { kind: 'organisation', name: '上海某某食品店', idNumber: '92310101MA1FL0BB2B' } })).status).toBe(200);
    expect((await call(host, 'POST', `${cases}/${opened.id}/officers`, eastSupervisor, { officerIds: ['off-1', 'off-4'] })).status).toBe(200);
    expect((await call<{ state: string }>(host, 'POST', `${cases}/${opened.id}/register`, eastSupervisor, {})).body.state).toBe('registered');
    expect((await call<{ state: string }>(host, 'POST', `${cases}/${opened.id}/evidence`, east, { items: [{ kind: 'photo', sha256: sha('9') }] })).body.state).toBe('investigating');
    const [registered] = await host.query<{ data: { source: string; complaintId: string | null } }>(
      `SELECT envelope->'data' AS data FROM enforcement.outbox WHERE message_key = $1 AND event_type = 'enforcement.case.registered.v1'`,
      [opened.id],
    );
    expect(registered.data).toMatchObject({ source: 'referral', complaintId: null });
    const record = await call<{ entries: Array<{ action: string; actor: string }> }>(host, 'GET', `${cases}/${opened.id}/record/export`, staff.auditor);
    expect(record.body.entries[0]).toMatchObject({ action: 'open', actor: 'market-supervision:msa-officer-17' });
  });

  it('never dates the violation after now, whatever the referring clock says', async () => {
    const referralId = '0195b2c3-4d5e-7f60-8a9b-000000000020';
    await publish(referral(referralId, '0195b2c3-aaaa-7f60-8a9b-000000000020', { violationAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }));
    const [opened] = await waitFor(async () => ((await casesOf(referralId)).length ? casesOf(referralId) : undefined), { what: 'the referred case' });
    const [row] = await host.query<{ violation_at: string }>(`SELECT procedure->>'violationAt' AS violation_at FROM enforcement.enforcement_case WHERE id = $1`, [opened.id]);
    expect(new Date(row.violation_at).getTime()).toBeLessThanOrEqual(Date.now());
  });
});

