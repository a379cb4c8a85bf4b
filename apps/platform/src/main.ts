import 'reflect-metadata';
import { bootstrapHost } from '@civicflow/host';
import { platformModule } from './app.module';

async function main(): Promise<void> {
  const app = await bootstrapHost(platformModule(), {
    title: 'CivicFlow platform',
    description: 'Every CivicFlow service in one process (the embedded default).',
  });
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost');
  process.stdout.write(
    [
      '',
      `CivicFlow is ready at ${url}`,
      `  submit a complaint   POST ${url}/api/v1/complaints`,
      `  follow it            GET  ${url}/api/v1/complaints/{trackingCode}`,
      `  e-mail it sent       GET  ${url}/dev/mail   (and data/mail/*.eml)`,
      `  API documentation    ${url}/docs`,
      `  health, metrics      ${url}/health/ready, ${url}/metrics`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`CivicFlow could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
