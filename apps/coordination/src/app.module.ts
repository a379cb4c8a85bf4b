import { CoordinationModule } from '@civicflow/coordination';
import { hostConfigSchema, HostModule } from '@civicflow/host';

export const coordinationConfigSchema = hostConfigSchema({ port: 3003, kafkaClientId: 'civicflow-coordination', transport: 'kafka' });

/** The coordination service alone in its own process (its own container when deployed). */
export function coordinationHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'coordination', configSchema: coordinationConfigSchema, env, services: [CoordinationModule] });
}
