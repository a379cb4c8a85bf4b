import { loadConfig, messagingVariables } from '@civicflow/config';
import { Type } from '@sinclair/typebox';
import { KafkaBroker } from '../broker/kafka.broker';

/** The operator tools talk to the Kafka named by the same variables the services read. */
export function brokerFromEnvironment(env: NodeJS.ProcessEnv = process.env): KafkaBroker {
  const config = loadConfig(Type.Object(messagingVariables('civicflow-operator')), env);
  return new KafkaBroker({
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: config.KAFKA_CLIENT_ID,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    rebalanceTimeoutMs: config.KAFKA_REBALANCE_TIMEOUT_MS,
    heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
    requestTimeoutMs: config.KAFKA_REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: config.KAFKA_CONNECTION_TIMEOUT_MS,
  });
}
