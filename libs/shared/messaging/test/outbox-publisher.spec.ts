import { ComplaintReceivedV1Event, InvalidEventError } from '@civicflow/contracts';
import { complaintData, ProbeService } from './harness';

describe('OutboxPublisher on PostgreSQL', () => {
  let probe: ProbeService;

  beforeAll(async () => {
    probe = await ProbeService.start();
  });

  afterAll(() => probe?.stop());

  it('stages the events of one change in one statement, in the given order', async () => {
    const ids = ['0194f3a2-7c1e-7a4b-9d2e-000000000001', '0194f3a2-7c1e-7a4b-9d2e-000000000002', '0194f3a2-7c1e-7a4b-9d2e-000000000003'];
    const staged = await probe.dataSource.transaction((manager) =>
      probe.outbox.emitAll(manager, ids.map((id, n) => ({ definition: ComplaintReceivedV1Event, data: complaintData(id, n) })), { correlationId: 'change-1' }),
    );
    const rows = await probe.dataSource.query(`SELECT id, message_key, envelope ->> 'correlationid' AS correlation FROM probe.outbox WHERE envelope ->> 'correlationid' = 'change-1' ORDER BY seq`);
    expect(rows.map((row: { message_key: string }) => row.message_key)).toEqual(ids);
    expect(rows.map((row: { id: string }) => row.id)).toEqual(staged.map((event) => event.id));
  });

  it('writes none of them when one is invalid', async () => {
    const valid = complaintData('0194f3a2-7c1e-7a4b-9d2e-000000000004', 4);
    const invalid = { ...complaintData('0194f3a2-7c1e-7a4b-9d2e-000000000005', 5), location: { lat: 91, lng: 0 } };
    await expect(
      probe.dataSource.transaction((manager) =>
        probe.outbox.emitAll(manager, [{ definition: ComplaintReceivedV1Event, data: valid }, { definition: ComplaintReceivedV1Event, data: invalid }], { correlationId: 'change-2' }),
      ),
    ).rejects.toBeInstanceOf(InvalidEventError);
    expect(await probe.dataSource.query(`SELECT 1 FROM probe.outbox WHERE envelope ->> 'correlationid' = 'change-2'`)).toEqual([]);
  });
  it('gives each event its own correlation and causation when the statement stages answers to several requests', async () => {
    const ids = ['0194f3a2-7c1e-7a4b-9d2e-000000000006', '0194f3a2-7c1e-7a4b-9d2e-000000000007'];
    await probe.dataSource.transaction((manager) =>
      probe.outbox.emitAll(
        manager,
        [
          { definition: ComplaintReceivedV1Event, data: complaintData(ids[0], 6), metadata: { correlationId: 'request-a', causationId: 'cause-a' } },
          { definition: ComplaintReceivedV1Event, data: complaintData(ids[1], 7) },
        ],
        { correlationId: 'shared' },
      ),
    );
    const rows = await probe.dataSource.query(
      `SELECT message_key, envelope ->> 'correlationid' AS correlation, envelope ->> 'causationid' AS causation FROM probe.outbox WHERE message_key = ANY($1) ORDER BY seq`,
      [ids],
    );
    expect(rows).toEqual([
      { message_key: ids[0], correlation: 'request-a', causation: 'cause-a' },
      { message_key: ids[1], correlation: 'shared', causation: null },
    ]);
  });
});
