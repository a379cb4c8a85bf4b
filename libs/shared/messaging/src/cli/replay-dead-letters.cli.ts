import { parseArgs } from 'node:util';
import { TOPICS, deadLetterTopicName } from '@civicflow/contracts';
import { replayDeadLetters } from '../dead-letter-replay';
import { brokerFromEnvironment } from './cli-broker';

const usage = `usage: npm run dlq:replay -- --topic <topic> --group <consumer group>
  Replays the dead letters of <group> on <topic> (e.g. --topic complaints.complaint.v1 --group notification.acknowledgement)
  that arrived since the last replay. Kafka is taken from KAFKA_BROKERS / KAFKA_TOPIC_PREFIX.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { topic: { type: 'string' }, group: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.topic || !values.group) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  if (!TOPICS.some((topic) => topic.name === values.topic)) {
    console.error(`unknown topic "${values.topic}"; known: ${TOPICS.map((t) => t.name).join(', ')}`);
    process.exit(2);
  }
  const deadLetterTopic = deadLetterTopicName(values.topic, values.group);
  const broker = brokerFromEnvironment();
  let replayed = 0;
  try {
    const total = await replayDeadLetters(broker, deadLetterTopic, () => {
      replayed += 1;
      if (replayed % 100 === 0) console.log(`  replayed ${replayed} ...`);
    });
    console.log(`replayed ${total} dead letter(s) from ${deadLetterTopic} to ${values.topic}`);
  } finally {
    await broker.close();
  }
}

main().catch((error: unknown) => {
  console.error(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
