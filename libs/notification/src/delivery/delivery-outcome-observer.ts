import type { EntityManager } from 'typeorm';
import type { ChannelKind } from '../channels/notification-channel';

/** A delivery that went out, as the dispatcher recorded it. */
export interface DeliveredMessage {
  readonly messageId: string;
  readonly about: { readonly kind: string; readonly id: string };
  readonly channel: ChannelKind;
  readonly recipientMasked: string;
  readonly deliveredAt: Date;
}

/**
 * Something that must happen in the same transaction as a delivery's outcome, such as the proof
 * of service of an enforcement document: a crash can then never record the delivery without it.
 */
export interface DeliveryOutcomeObserver {
  delivered(manager: EntityManager, messages: readonly DeliveredMessage[]): Promise<void>;
}

export const DELIVERY_OUTCOME_OBSERVERS = Symbol('DELIVERY_OUTCOME_OBSERVERS');
