import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { disclosureHostModule } from './app.module';

async function main(): Promise<void> {
  // Inside the promise, so that a bad configuration read by disclosureHostModule() ends the same way.
  await bootstrapHost(disclosureHostModule(), {
    title: 'CivicFlow disclosure',
    description: 'The public record: enforcement basis, procedures, results with personal data masked, news and policies.',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`disclosure could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
