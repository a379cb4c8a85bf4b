import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, type TestHost } from '@civicflow/testing';
import { ComplaintsModule, complaintsVariables } from '../src';

const configSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints-test', transport: 'in-process' }, complaintsVariables);

/** The complaints service alone, as its own host would run it, on a fresh PostgreSQL database. */
export function startComplaintsHost(name: string, env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({
    name,
    env: { RATE_LIMIT_INTAKE_POINTS: '100000', ...env },
    boot: (hostEnv, listen) =>
      bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env: hostEnv, services: [ComplaintsModule] }), { title: 'complaints', description: 'test', ...listen }),
  });
}

export interface StagedEvent {
  event_type: string;
  message_key: string;
  data: Record<string, unknown>;
}

/** The events the service staged for a complaint, in the order they will be published. */
export async function stagedEvents(host: TestHost, complaintId?: string): Promise<StagedEvent[]> {
  return host.query<StagedEvent>(
    `SELECT event_type, message_key, envelope -> 'data' AS data FROM complaints.outbox ${complaintId ? 'WHERE message_key = $1' : ''} ORDER BY seq`,
    complaintId ? [complaintId] : [],
  );
}
