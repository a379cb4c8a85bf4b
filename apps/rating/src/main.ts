import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { ratingHostModule } from './app.module';

async function main(): Promise<void> {
  // Inside the promise, so that a bad configuration read by ratingHostModule() ends the same way.
  await bootstrapHost(ratingHostModule(), {
    title: 'CivicFlow rating',
    description: 'Street rating: criteria, rounds, inspector scores, citizen opinions, rankings and rectification orders.',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`rating could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
