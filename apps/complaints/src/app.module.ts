import { ComplaintsModule, complaintsVariables } from '@civicflow/complaints';
import { hostConfigSchema, HostModule } from '@civicflow/host';

export const complaintsConfigSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints', transport: 'kafka' }, complaintsVariables);

export function complaintsHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'complaints', configSchema: complaintsConfigSchema, env, services: [ComplaintsModule] });
}
