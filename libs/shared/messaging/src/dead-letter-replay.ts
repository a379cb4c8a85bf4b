import { IncomingMessage, MessageBroker } from './broker/broker.port';
import { DEAD_LETTER_HEADERS } from './inbox/event-processor';

export const REPLAY_GROUP = 'ops.dead-letter-replay';

/**
 * Sends what arrived on a dead-letter topic since the last replay back to its original
 * topic, without the dead-letter headers. Every group reads it again; the inboxes of the
 * groups that had handled it skip it, so only the group that failed acts on it.
 */
export async function replayDeadLetters(broker: MessageBroker, deadLetterTopic: string, onProgress?: (replayed: number) => void): Promise<number> {
  const deadLetterHeaders = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  return broker.drain(REPLAY_GROUP, deadLetterTopic, async (message: IncomingMessage) => {
    const originalTopic = message.headers[DEAD_LETTER_HEADERS.originalTopic];
    if (!originalTopic) throw new Error(`message at ${message.topic}/${message.partition}/${message.offset} has no ${DEAD_LETTER_HEADERS.originalTopic} header`);
    const headers = Object.fromEntries(Object.entries(message.headers).filter(([name]) => !deadLetterHeaders.has(name)));
    await broker.publish([{ topic: originalTopic, key: message.key ?? '', value: message.value?.toString('utf8') ?? '', headers }]);
    onProgress?.(1);
  });
}
