import { RatingModule } from '@civicflow/rating';
import { hostConfigSchema, HostModule } from '@civicflow/host';

export const ratingConfigSchema = hostConfigSchema({ port: 3006, kafkaClientId: 'civicflow-rating', transport: 'kafka' });

/** The rating service alone in its own process (its own container when deployed). */
export function ratingHostModule(env: NodeJS.ProcessEnv = process.env) {
  return HostModule.forRoot({ name: 'rating', configSchema: ratingConfigSchema, env, services: [RatingModule] });
}
