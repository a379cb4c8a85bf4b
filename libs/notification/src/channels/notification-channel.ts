import { NOTIFICATION_CHANNELS } from '@civicflow/contracts';

/** The channels as the delivery events name them. */
export type ChannelKind = (typeof NOTIFICATION_CHANNELS)[number];
export const CHANNEL_KINDS: readonly ChannelKind[] = NOTIFICATION_CHANNELS;

/** One message ready for one channel, in the recipient's language. */
export interface ChannelMessage {
  /** The delivery's id: the idempotency key a provider or receiver can deduplicate on. */
  deliveryId: string;
  /** Where to: an e-mail address, a phone number, a user id (in-app) or a webhook subscription id. */
  address: string;
  template: string;
  subject: string;
  text: string;
  html?: string;
  /** Structured data for machine receivers (webhooks). */
  data: Record<string, unknown>;
}

export interface ChannelReceipt {
  acceptedAt: Date;
  /** What the provider answered, for the delivery record; never the clear address. */
  detail?: string;
}

/** A provider swapped in for a channel implements this and nothing else. */
export interface NotificationChannel {
  readonly kind: ChannelKind;
  send(message: ChannelMessage): Promise<ChannelReceipt>;
}

/** Every channel adapter the dispatcher can use, registered under this token. */
export const NOTIFICATION_CHANNEL_ADAPTERS = Symbol('NOTIFICATION_CHANNEL_ADAPTERS');

/** Worth trying again later: a timeout, a 5xx, a 429, a connection refused. */
export class RetryableChannelError extends Error {
  override readonly name = 'RetryableChannelError';
}

/** Trying again cannot help: the provider refused this message (a 4xx, an unknown subscription). */
export class PermanentChannelError extends Error {
  override readonly name = 'PermanentChannelError';
}

/** Maps an HTTP answer to success, a permanent refusal (a redirect, a 4xx but 429) or a retryable failure. */
export function classifyHttpStatus(what: string, status: number, statusText: string): void {
  if (status >= 200 && status < 300) return;
  const reason = `${what} answered ${status}${statusText ? ` ${statusText}` : ''}`;
  // A redirect is not followed: the signed request must reach the registered URL, not wherever it points.
  if (status >= 300 && status < 400) throw new PermanentChannelError(`${reason} (redirects are not followed)`);
  if (status >= 400 && status < 500 && status !== 429) throw new PermanentChannelError(reason);
  throw new RetryableChannelError(reason);
}

/** POSTs with a deadline; a network error or the deadline passing is retryable. */
export async function postWithTimeout(what: string, url: string, init: { headers: Record<string, string>; body: string }, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new RetryableChannelError(timedOut ? `${what} did not answer within ${timeoutMs} ms` : `${what} unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
}
