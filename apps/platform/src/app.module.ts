import { ComplaintsModule, complaintsVariables } from '@civicflow/complaints';
import { CoordinationModule } from '@civicflow/coordination';
import { DisclosureModule } from '@civicflow/disclosure';
import { EnforcementModule, enforcementVariables } from '@civicflow/enforcement';
import { hostConfigSchema, HostModule } from '@civicflow/host';
import { mailSinkVariables, MailSinkModule, NotificationModule, notificationVariables } from '@civicflow/notification';
import { RatingModule } from '@civicflow/rating';

export const platformConfigSchema = hostConfigSchema(
  { port: 3000, kafkaClientId: 'civicflow-platform', transport: 'in-process' },
  { ...complaintsVariables, ...notificationVariables, ...enforcementVariables, ...mailSinkVariables },
);

/** Every service module in one process: the embedded default that `npm start` runs. */
export function platformModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({
    name: 'platform',
    configSchema: platformConfigSchema,
    env,
    services: [ComplaintsModule, NotificationModule, EnforcementModule, CoordinationModule, DisclosureModule, RatingModule, MailSinkModule],
  });
}
