import { DisclosureModule } from '@civicflow/disclosure';
import { hostConfigSchema, HostModule } from '@civicflow/host';

export const disclosureConfigSchema = hostConfigSchema({ port: 3004, kafkaClientId: 'civicflow-disclosure', transport: 'kafka' });

/** The disclosure service alone in its own process (its own container when deployed). */
export function disclosureHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'disclosure', configSchema: disclosureConfigSchema, env, services: [DisclosureModule] });
}
