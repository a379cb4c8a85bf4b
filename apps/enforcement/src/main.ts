import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { enforcementHostModule } from './app.module';

async function main(): Promise<void> {
  // Inside the promise, so that a bad configuration read by enforcementHostModule() ends the same way.
  await bootstrapHost(enforcementHostModule(), {
    title: 'CivicFlow enforcement',
    description: 'Administrative-penalty cases, evidence, legal review, officers and their certificates.',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`enforcement could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
