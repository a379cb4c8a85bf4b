import { TOPICS } from '@civicflow/contracts';
import { brokerFromEnvironment } from './cli-broker';

/** Creates every topic of the registry that is missing (deployments run it before the services). */
async function main(): Promise<void> {
  const broker = brokerFromEnvironment();
  try {
    await broker.ensureTopics(TOPICS.map((topic) => ({ name: topic.name, partitions: topic.partitions, retentionMs: topic.retentionMs })));
    console.log(`topics provisioned: ${TOPICS.map((topic) => topic.name).join(', ')}`);
  } finally {
    await broker.close();
  }
}

main().catch((error: unknown) => {
  console.error(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
