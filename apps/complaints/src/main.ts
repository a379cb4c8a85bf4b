import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { complaintsHostModule } from './app.module';

bootstrapHost(complaintsHostModule(), { title: 'CivicFlow complaints', description: 'Complaint intake and tracking.' }).catch((error: unknown) => {
  process.stderr.write(`complaints could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
