import { loadConfig, messagingVariables } from '@civicflow/config';
import { Static, Type } from '@sinclair/typebox';
import { KafkaBroker, KafkaBrokerOptions } from '../broker/kafka.broker';

const kafkaSchema = Type.Object(messagingVariables('civicflow-operator'));

/** The Kafka settings of the shared messaging variables; hosts and operator tools read them alike. */
export function kafkaOptionsFromConfig(config: Static<typeof kafkaSchema>): Omit<KafkaBrokerOptions, 'log'> {
  return {
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: config.KAFKA_CLIENT_ID,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    rebalanceTimeoutMs: config.KAFKA_REBALANCE_TIMEOUT_MS,
    heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
    requestTimeoutMs: config.KAFKA_REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: config.KAFKA_CONNECTION_TIMEOUT_MS,
  };
}

/** The operator tools talk to the Kafka named by the same variables the services read. */
export function brokerFromEnvironment(env: NodeJS.ProcessEnv = process.env): KafkaBroker {
  return new KafkaBroker(kafkaOptionsFromConfig(loadConfig(kafkaSchema, env)));
}
