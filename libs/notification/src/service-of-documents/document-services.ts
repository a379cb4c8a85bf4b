import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { type CloudEvent, DOCUMENT_SERVICE_ABOUT_KIND, type EnforcementDocumentServiceRequestedV1, MessageServedV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import type { DeliveredMessage, DeliveryOutcomeObserver } from '../delivery/delivery-outcome-observer';
import { DeliveryRequests } from '../delivery/delivery-requests';
import { maskAddress } from '../delivery/recipient-mask';
import type { NotificationConfig } from '../notification.config';
import { renderServiceNotice } from './service-notice';

interface ServiceRow {
  id: string;
  case_id: string;
  party_id: string;
  document: 'notice' | 'decision';
  title: string;
  requested_by: string;
  requested_at: Date;
  consent_signed_at: Date;
  serve_by: Date;
  recipients_masked: string[];
  served_at: Date | null;
  served_message_id: string | null;
  served_channel: string | null;
  served_recipient: string | null;
  acknowledged_at: Date | null;
}

/** The proof of service as the enforcement service, the party's lawyer or a court would ask for it. */
export interface ServiceProof {
  serviceId: string;
  caseId: string;
  document: 'notice' | 'decision';
  title: string;
  recipients: string[];
  requestedBy: string;
  requestedAt: string;
  consentSignedAt: string;
  serveBy: string;
  servedAt: string | null;
  servedChannel: string | null;
  servedRecipient: string | null;
  servedMessageId: string | null;
  acknowledgedAt: string | null;
  messages: Array<{ messageId: string; channel: string; recipient: string; status: string; attempts: number; deliveredAt: string | null; failedAt: string | null; lastError: string | null }>;
}

export type AcknowledgeOutcome = 'acknowledged' | 'already-acknowledged' | 'not-found';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Serves enforcement documents with proof (送达, Art. 61): each request becomes mandatory deliveries
 * on every channel the party agreed to; the first that reaches them is the date of service, recorded
 * and announced (notification.message.served.v1) in the same transaction as the delivery's outcome,
 * so that the deadlines enforcement starts from it rest on a record that cannot disagree.
 */
@Injectable()
export class DocumentServices implements DeliveryOutcomeObserver {
  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRequests,
    private readonly outbox: OutboxPublisher,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** Records the request and queues its deliveries, in the consumer's transaction; a redelivered request does nothing. */
  async request(manager: EntityManager, event: CloudEvent<EnforcementDocumentServiceRequestedV1>): Promise<void> {
    const request = event.data;
    const token = randomBytes(24).toString('base64url');
    const contacts = [request.recipient.email && maskAddress('email', request.recipient.email), request.recipient.phone && maskAddress('sms', request.recipient.phone)].filter(
      (contact): contact is string => Boolean(contact),
    );
    const inserted: unknown[] = await manager.query(
      `INSERT INTO notification.document_service (id, case_id, party_id, document, title, source_event_id, correlation_id, requested_by, requested_at, consent_signed_at, serve_by,
         recipients_masked, acknowledgement_token_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
      [
        request.serviceId,
        request.caseId,
        request.partyId,
        request.document,
        request.title,
        event.id,
        event.correlationid ?? event.id,
        request.requestedBy,
        request.requestedAt,
        request.consentSignedAt,
        request.serveBy,
        contacts,
        sha256(token),
      ],
    );
    // The token exists only in the message; a redelivered request must not mail a second, different one.
    if (inserted.length === 0) return;
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    const acknowledgeUrl = `${base}/api/v1/notifications/document-services/${request.serviceId}/acknowledgement?token=${token}`;
    await this.deliveries.enqueue(manager, {
      sourceEvent: { id: event.id, type: event.type },
      about: { kind: DOCUMENT_SERVICE_ABOUT_KIND, id: request.serviceId },
      correlationId: event.correlationid ?? event.id,
      template: `enforcement.document.${request.document}`,
      recipient: { key: `party:${request.partyId}`, email: request.recipient.email, phone: request.recipient.phone },
      content: {
        'zh-CN': renderServiceNotice('zh-CN', request, acknowledgeUrl),
        en: renderServiceNotice('en', request, acknowledgeUrl),
      },
      data: { caseId: request.caseId, serviceId: request.serviceId, document: request.document },
      mandatory: true,
      language: request.recipient.locale,
    });
  }

  /** The first delivery of a service to go out is its proof; later ones (the other channel) change nothing. */
  async delivered(manager: EntityManager, messages: readonly DeliveredMessage[]): Promise<void> {
    const services = messages.filter((candidate) => candidate.about.kind === DOCUMENT_SERVICE_ABOUT_KIND);
    // Both channels can go out in one batch: the earlier acceptance is the date of service.
    for (const message of [...services].sort((a, b) => a.deliveredAt.getTime() - b.deliveredAt.getTime())) {
      const [served]: Array<{ case_id: string; document: 'notice' | 'decision'; requested_at: Date; acknowledged_at: Date | null; correlation_id: string; source_event_id: string }> =
        await manager.query(
          `WITH changed AS (
             UPDATE notification.document_service SET served_at = $2, served_message_id = $3, served_channel = $4, served_recipient = $5
              WHERE id = $1 AND served_at IS NULL
              RETURNING case_id, document, requested_at, acknowledged_at, correlation_id, source_event_id)
           SELECT * FROM changed`,
          [message.about.id, message.deliveredAt, message.messageId, message.channel, message.recipientMasked],
        );
      if (!served) continue;
      await this.outbox.emit(
        manager,
        MessageServedV1Event,
        {
          messageId: message.messageId,
          serviceId: message.about.id,
          caseId: served.case_id,
          document: served.document,
          channel: message.channel,
          recipient: message.recipientMasked,
          requestedAt: new Date(served.requested_at).toISOString(),
          servedAt: message.deliveredAt.toISOString(),
          acknowledgedAt: served.acknowledged_at ? new Date(served.acknowledged_at).toISOString() : null,
        },
        { correlationId: served.correlation_id, causationId: served.source_event_id },
      );
    }
  }

  /** The party confirms receipt with the token from the message; the first confirmation counts. */
  async acknowledge(serviceId: string, token: string, now = new Date()): Promise<AcknowledgeOutcome> {
    const [row]: Array<{ acknowledgement_token_sha256: string; acknowledged_at: Date | null }> = await this.dataSource.query(
      `SELECT acknowledgement_token_sha256, acknowledged_at FROM notification.document_service WHERE id = $1`,
      [serviceId],
    );
    const given = Buffer.from(sha256(token), 'hex');
    // The same answer for an unknown service and a wrong token: neither reveals that a case exists.
    if (!row || !timingSafeEqual(given, Buffer.from(row.acknowledgement_token_sha256, 'hex'))) return 'not-found';
    if (row.acknowledged_at) return 'already-acknowledged';
    await this.dataSource.query(`UPDATE notification.document_service SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL`, [serviceId, now]);
    return 'acknowledged';
  }

  async proof(serviceId: string): Promise<ServiceProof | undefined> {
    const [row]: ServiceRow[] = await this.dataSource.query(`SELECT * FROM notification.document_service WHERE id = $1`, [serviceId]);
    return row ? this.proofOf(row) : undefined;
  }

  async forCase(caseId: string): Promise<ServiceProof[]> {
    const rows: ServiceRow[] = await this.dataSource.query(`SELECT * FROM notification.document_service WHERE case_id = $1 ORDER BY requested_at, id`, [caseId]);
    return Promise.all(rows.map((row) => this.proofOf(row)));
  }

  private async proofOf(row: ServiceRow): Promise<ServiceProof> {
    const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
    const messages: Array<{ id: string; channel: string; recipient_masked: string; status: string; attempts: number; delivered_at: Date | null; failed_at: Date | null; last_error: string | null }> =
      await this.dataSource.query(
        `SELECT id, channel, recipient_masked, status, attempts, delivered_at, failed_at, last_error FROM notification.delivery
          WHERE about_kind = $1 AND about_id = $2 ORDER BY created_at, id`,
        [DOCUMENT_SERVICE_ABOUT_KIND, row.id],
      );
    return {
      serviceId: row.id,
      caseId: row.case_id,
      document: row.document,
      title: row.title,
      recipients: row.recipients_masked,
      requestedBy: row.requested_by,
      requestedAt: new Date(row.requested_at).toISOString(),
      consentSignedAt: new Date(row.consent_signed_at).toISOString(),
      serveBy: new Date(row.serve_by).toISOString(),
      servedAt: iso(row.served_at),
      servedChannel: row.served_channel,
      servedRecipient: row.served_recipient,
      servedMessageId: row.served_message_id,
      acknowledgedAt: iso(row.acknowledged_at),
      messages: messages.map((message) => ({
        messageId: message.id,
        channel: message.channel,
        recipient: message.recipient_masked,
        status: message.status,
        attempts: message.attempts,
        deliveredAt: iso(message.delivered_at),
        failedAt: iso(message.failed_at),
        lastError: message.last_error,
      })),
    };
  }
}
