import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { notificationHostModule } from './app.module';

bootstrapHost(notificationHostModule(), { title: 'CivicFlow notification', description: 'Messages to reporters, officers and departments.' }).catch((error: unknown) => {
  process.stderr.write(`notification could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
