import { hostConfigSchema, HostModule } from '@civicflow/host';
import { NotificationModule, notificationVariables } from '@civicflow/notification';

export const notificationConfigSchema = hostConfigSchema({ port: 3005, kafkaClientId: 'civicflow-notification', transport: 'kafka' }, notificationVariables);

export function notificationHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'notification', configSchema: notificationConfigSchema, env, services: [NotificationModule] });
}
