import type { ChannelKind } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';

export interface LocalizedContent {
  subject: string;
  text: string;
  /** Optional richer e-mail part; a plain HTML rendering of `text` otherwise. */
  html?: string;
}

/** How a recipient can be reached; each contact present makes its channel possible. */
export interface RecipientContacts {
  /** Stable key the preference and the idempotency rest on, e.g. `user:<sub>`, `reporter:<complaint id>`, `department:<code>`. */
  key: string;
  email?: string;
  phone?: string;
  /** For the in-app inbox. */
  userId?: string;
  webhookSubscriptionId?: string;
}

/** One notification for one recipient, asked for by one event. */
export interface DeliveryRequest {
  sourceEvent: { id: string; type: string };
  about: { kind: string; id: string };
  correlationId: string;
  template: string;
  recipient: RecipientContacts;
  /** The message in both languages; the recipient's preference picks one. */
  content: Record<Locale, LocalizedContent>;
  /** Structured fields for machine receivers (webhooks); no personal data for other departments. */
  data?: Record<string, unknown>;
  /** A notice the law requires (service of enforcement documents): ignores opt-out and quiet hours, and says so. */
  mandatory?: boolean;
  /** Not deferred by quiet hours. */
  urgent?: boolean;
  /** The language the recipient asked for where the bureau met them (a reporter at intake); a stored preference wins. */
  language?: Locale;
}

export interface EnqueuedDelivery {
  id: string;
  channel: ChannelKind;
  /** False when an earlier delivery of the same event already held this slot (a redelivered event). */
  created: boolean;
  nextAttemptAt: Date;
}

export interface EnqueueResult {
  deliveries: EnqueuedDelivery[];
  /** Why nothing was queued: the recipient opted out, or none of their chosen channels can reach them. */
  skipped?: 'opted-out' | 'unreachable';
}

export class InvalidDeliveryRequestError extends Error {
  override readonly name = 'InvalidDeliveryRequestError';
}
