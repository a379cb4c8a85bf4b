import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { coordinationHostModule } from './app.module';

async function main(): Promise<void> {
  // Inside the promise, so that a bad configuration read by coordinationHostModule() ends the same way.
  await bootstrapHost(coordinationHostModule(), {
    title: 'CivicFlow coordination',
    description: 'Routing to other departments, the department directory, tasks with deadlines, escalation and signed webhooks to subscribers.',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`coordination could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
