/**
 * Handles one partition's batch with messages of different keys in parallel and messages
 * of the same key in order. Order is a per-aggregate promise (the key is the aggregate
 * id); handling a whole partition one message at a time would make throughput the inverse
 * of one handler's latency (a database transaction, an SMTP exchange).
 */
export interface KeyedBatchOutcome {
  /** The highest offset such that it and every offset before it in the batch was handled. */
  handledThrough?: string;
  /** The first failure in offset order; the batch must be redelivered from after `handledThrough`. */
  error?: unknown;
}

export interface KeyedMessage {
  offset: string;
  key: string | null;
}

export async function handleKeyedBatch<M extends KeyedMessage>(
  messages: readonly M[],
  handle: (message: M) => Promise<void>,
  { concurrency, shouldContinue = () => true }: { concurrency: number; shouldContinue?: () => boolean },
): Promise<KeyedBatchOutcome> {
  const chains = new Map<string, M[]>();
  messages.forEach((message, index) => {
    // Keyless messages carry no ordering promise: each is its own chain.
    const chainKey = message.key ?? `\u0000${index}`;
    const chain = chains.get(chainKey);
    if (chain) chain.push(message);
    else chains.set(chainKey, [message]);
  });

  const failures = new Map<string, unknown>();
  const handled = new Set<string>();
  const pending = [...chains.values()];
  const worker = async () => {
    for (let chain = pending.shift(); chain; chain = pending.shift()) {
      for (const message of chain) {
        if (!shouldContinue()) return;
        try {
          await handle(message);
          handled.add(message.offset);
        } catch (error) {
          // Later messages of this key must wait for this one; other keys go on.
          failures.set(message.offset, error);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, chains.size)) }, worker));

  const outcome: KeyedBatchOutcome = {};
  for (const message of messages) {
    if (!handled.has(message.offset)) {
      // Unhandled without failing itself: a failure earlier in its key's chain, or a stop.
      const failed = failures.has(message.offset) ? message : messages.find((m) => failures.has(m.offset));
      if (failed) outcome.error = failures.get(failed.offset);
      break;
    }
    outcome.handledThrough = message.offset;
  }
  return outcome;
}
