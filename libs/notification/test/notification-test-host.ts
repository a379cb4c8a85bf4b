import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, type TestHost } from '@civicflow/testing';
import { NotificationModule, notificationVariables } from '../src';

export const notificationTestConfigSchema = hostConfigSchema({ port: 3005, kafkaClientId: 'civicflow-notification-test', transport: 'in-process' }, notificationVariables);

/** The notification service alone, as its own host runs it, on a fresh PostgreSQL database. */
export function startNotificationHost(name: string, env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({
    name,
    env,
    boot: (hostEnv, listen) =>
      bootstrapHost(HostModule.forRoot({ name: 'notification', configSchema: notificationTestConfigSchema, env: hostEnv, services: [NotificationModule] }), {
        title: 'notification',
        description: 'test',
        ...listen,
      }),
  });
}
