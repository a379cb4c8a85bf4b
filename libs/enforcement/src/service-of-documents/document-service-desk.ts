import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DOCUMENT_SERVICE_ABOUT_KIND, EnforcementDocumentServiceRequestedV1Event, type MessageFailedV1, type MessageServedV1 } from '@civicflow/contracts';
import { maskEmail, maskPhone } from '@civicflow/domain';
import { OutboxPublisher } from '@civicflow/messaging';
import { Role } from '@civicflow/auth';
import { type Actor, CaseDesk } from '../cases/case-desk.service';
import { EnforcementCaseEntity } from '../cases/case.entity';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from '../cases/procedure-settings';
import { caseDeadlines } from '../domain/deadlines';
import { ProcedureRefused, requireCertifiedOfficer } from '../domain/procedure';
import { OfficerRepository } from '../officers/officer.repository';
import { CaseRecordRepository } from '../record/case-record.repository';
import { DOCUMENT_TITLES, type ServedDocument, servedDocumentText } from './served-document';

export interface ElectronicServiceRequest {
  document: ServedDocument;
  /** The party's signed confirmation accepting electronic service (Art. 61), and the contacts it names. */
  consentSignedAt: Date;
  email?: string;
  phone?: string;
  locale: 'zh-CN' | 'en';
}

export interface ElectronicServiceView {
  serviceId: string;
  document: ServedDocument;
  requestedBy: string;
  requestedAt: string;
  /** requested, served, failed (every channel), or superseded (asked again, or served another way first). */
  status: string;
  servedAt: string | null;
  servedChannel: string | null;
  failedChannels: string[];
}

/** The state in which each document waits for service. */
const AWAITING_SERVICE: Readonly<Record<ServedDocument, string>> = { notice: 'notice_issued', decision: 'decided' };

function refused(code: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, code, message });
}

/**
 * Electronic service (送达) of a case's notice or decision through the notification service, whose
 * proof of delivery completes the procedure step: the date the message reached the party is the
 * date of service, and the deadlines that run from service (payment, hearing request) start there.
 */
@Injectable()
export class DocumentServiceDesk {
  private readonly logger = new Logger(DocumentServiceDesk.name);

  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly desk: CaseDesk,
    private readonly outbox: OutboxPublisher,
    private readonly record: CaseRecordRepository,
    private readonly officers: OfficerRepository,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
  ) {}

  async request(caseId: string, request: ElectronicServiceRequest, actor: Actor): Promise<{ serviceId: string; serveBy: string; recipients: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const entity = await manager.findOne(EnforcementCaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw new NotFoundException({ statusCode: 404, code: 'case_not_found', message: `no enforcement case ${caseId}` });
      const context = { now, rules: this.settings.rules, calendar: this.settings.calendar, officers: await this.officers.certificates(manager, [actor.user.id]) };
      try {
        requireCertifiedOfficer(actor.user.id, context);
      } catch (error) {
        if (error instanceof ProcedureRefused) throw refused(error.code, error.message);
        throw error;
      }
      const procedure = entity.procedure;
      if (procedure.state !== AWAITING_SERVICE[request.document]) {
        throw refused(`${request.document}_not_awaiting_service`, `the ${request.document} can be served only while the case is ${AWAITING_SERVICE[request.document]}; it is ${procedure.state}`);
      }
      if (request.document === 'notice' && procedure.notice?.servedAt) throw refused('notice_already_served', `the notice was served at ${procedure.notice.servedAt}`);
      if (!entity.partyId) throw refused('party_unknown', 'the party must be identified before a document is served');
      if (request.consentSignedAt > now) throw refused('consent_in_future', 'consentSignedAt: is in the future');

      const [party]: Array<{ name: string }> = await manager.query(`SELECT name FROM "enforcement".party WHERE id = $1`, [entity.partyId]);
      const text = servedDocumentText(request.document, { caseId, partyName: party.name, category: entity.category, description: entity.description, procedure, rules: this.settings.rules });
      if (!text) throw refused(`${request.document}_missing`, `the case holds no ${request.document} to serve`);

      // A new request replaces an open one (say, after the party named another address): the party is served once.
      await manager.query(`UPDATE "enforcement".document_service SET status = 'superseded', superseded_reason = 'requested again' WHERE case_id = $1 AND document = $2 AND status = 'requested'`, [
        caseId,
        request.document,
      ]);
      const serviceId = uuidv7();
      const channels = [request.email, request.phone].filter(Boolean).length;
      await manager.query(
        `INSERT INTO "enforcement".document_service (id, case_id, document, requested_by, requested_at, consent_signed_at, channels) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [serviceId, caseId, request.document, actor.user.id, now, request.consentSignedAt, channels],
      );
      // The decision must be served within its statutory period (Art. 61); the notice has none of
      // its own, but no decision can be taken before it is served.
      const dueName = request.document === 'decision' ? 'service' : 'decision';
      const serveBy = caseDeadlines(procedure, context).find((deadline) => deadline.name === dueName)?.dueAt ?? now.toISOString();
      const recipients = [request.email && maskEmail(request.email), request.phone && maskPhone(request.phone)].filter((contact): contact is string => Boolean(contact));
      await this.record.append(manager, caseId, {
        actor: actor.user.id,
        recordedAt: now,
        place: actor.place ?? null,
        action: 'electronic_service_requested',
        payload: { serviceId, document: request.document, consentSignedAt: request.consentSignedAt.toISOString(), recipients },
        evidenceSha256: [],
      });
      await this.outbox.emit(
        manager,
        EnforcementDocumentServiceRequestedV1Event,
        {
          serviceId,
          caseId,
          partyId: entity.partyId,
          document: request.document,
          title: DOCUMENT_TITLES[request.document],
          text,
          consentSignedAt: request.consentSignedAt.toISOString(),
          serveBy,
          recipient: { name: party.name, ...(request.email ? { email: request.email } : {}), ...(request.phone ? { phone: request.phone } : {}), locale: request.locale },
          requestedBy: actor.user.id,
          requestedAt: now.toISOString(),
        },
        { correlationId: actor.correlationId },
      );
      return { serviceId, serveBy, recipients };
    });
  }

  /**
   * A channel of an electronic service failed for good. Each failure goes on the case's record;
   * once every channel failed, the service is over and the officer serves the document another
   * way (the service deadline keeps running and warns before it falls due).
   */
  async channelFailed(manager: EntityManager, failure: MessageFailedV1): Promise<void> {
    if (failure.about.kind !== DOCUMENT_SERVICE_ABOUT_KIND) return;
    const [service]: Array<{ id: string; case_id: string; channels: number; failed_channels: string[] }> = await manager.query(
      `WITH changed AS (
         UPDATE "enforcement".document_service SET failed_channels = array_append(failed_channels, $2)
          WHERE id = $1 AND status = 'requested' AND NOT ($2 = ANY(failed_channels))
          RETURNING id, case_id, channels, failed_channels)
       SELECT * FROM changed`,
      [failure.about.id, failure.channel],
    );
    if (!service) return;
    const allFailed = service.failed_channels.length >= service.channels;
    if (allFailed) await manager.query(`UPDATE "enforcement".document_service SET status = 'failed' WHERE id = $1`, [service.id]);
    await this.record.append(manager, service.case_id, {
      actor: 'notification-service',
      recordedAt: new Date(),
      place: null,
      action: allFailed ? 'electronic_service_failed' : 'electronic_service_channel_failed',
      payload: { serviceId: service.id, messageId: failure.messageId, channel: failure.channel, recipient: failure.recipient, reason: failure.reason, failedAt: failure.failedAt },
      evidenceSha256: [],
    });
    if (allFailed) this.logger.warn(`electronic service ${service.id} of case ${service.case_id} failed on every channel; serve it another way`);
  }

  /** The electronic services of a case, latest first, with where each stands. */
  async list(caseId: string): Promise<ElectronicServiceView[]> {
    const rows: Array<{ id: string; document: ServedDocument; requested_by: string; requested_at: Date; status: string; served_at: Date | null; served_channel: string | null; failed_channels: string[] }> =
      await this.dataSource.query(
        `SELECT id, document, requested_by, requested_at, status, served_at, served_channel, failed_channels FROM "enforcement".document_service WHERE case_id = $1 ORDER BY requested_at DESC, id DESC`,
        [caseId],
      );
    return rows.map((row) => ({
      serviceId: row.id,
      document: row.document,
      requestedBy: row.requested_by,
      requestedAt: new Date(row.requested_at).toISOString(),
      status: row.status,
      servedAt: row.served_at ? new Date(row.served_at).toISOString() : null,
      servedChannel: row.served_channel,
      failedChannels: row.failed_channels,
    }));
  }

  /**
   * The notification service's proof of service completes the step, in the consumer's transaction.
   * A proof that arrives after the document was served another way (in person, say) is kept on the
   * record but changes nothing.
   */
  async served(manager: EntityManager, proof: MessageServedV1, correlationId: string): Promise<void> {
    const [service]: Array<{ id: string; case_id: string; document: ServedDocument; requested_by: string; status: string }> = await manager.query(
      `SELECT id, case_id, document, requested_by, status FROM "enforcement".document_service WHERE id = $1`,
      [proof.serviceId],
    );
    if (!service || service.status === 'served') return;
    const actor: Actor = { user: { id: service.requested_by, roles: [Role.Officer] }, correlationId, place: null };
    const evidence = { serviceId: service.id, messageId: proof.messageId, channel: proof.channel, recipient: proof.recipient, servedAt: proof.servedAt };
    try {
      await this.desk.stepIn(
        manager,
        service.case_id,
        service.document === 'decision' ? { kind: 'serve_decision', servedAt: proof.servedAt, method: 'electronic' } : { kind: 'serve_notice', servedAt: proof.servedAt },
        actor,
        { payload: evidence },
      );
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      const reason = (error.getResponse() as { message?: string }).message ?? error.message;
      this.logger.warn(`proof of service ${service.id} for case ${service.case_id} not applied: ${reason}`);
      await manager.query(`UPDATE "enforcement".document_service SET status = 'superseded', superseded_reason = $2, served_at = $3 WHERE id = $1`, [service.id, reason, proof.servedAt]);
      await this.record.append(manager, service.case_id, {
        actor: 'notification-service',
        recordedAt: new Date(),
        place: null,
        action: 'electronic_service_proof_not_applied',
        payload: { ...evidence, reason },
        evidenceSha256: [],
      });
      return;
    }
    await manager.query(`UPDATE "enforcement".document_service SET status = 'served', served_at = $2, served_channel = $3, served_message_id = $4 WHERE id = $1`, [
      service.id,
      proof.servedAt,
      proof.channel,
      proof.messageId,
    ]);
  }
}
