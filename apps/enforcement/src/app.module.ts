import { EnforcementModule, enforcementVariables } from '@civicflow/enforcement';
import { hostConfigSchema, HostModule } from '@civicflow/host';

export const enforcementConfigSchema = hostConfigSchema({ port: 3002, kafkaClientId: 'civicflow-enforcement', transport: 'kafka' }, enforcementVariables);

/** The enforcement service alone in its own process (its own container when deployed). */
export function enforcementHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'enforcement', configSchema: enforcementConfigSchema, env, services: [EnforcementModule] });
}
