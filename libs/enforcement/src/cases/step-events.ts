import type { EntityManager } from 'typeorm';
import {
  EnforcementCaseArchivedV1Event,
  EnforcementCaseDecisionDeadlineExtendedV1Event,
  EnforcementCaseEvidenceRecordedV1Event,
  EnforcementCaseHearingHeldV1Event,
  EnforcementCaseHearingRequestedV1Event,
  EnforcementCaseHearingScheduledV1Event,
  EnforcementCaseLegalReviewedV1Event,
  EnforcementCasePaidV1Event,
  EnforcementCaseRegistrationRefusedV1Event,
  EnforcementCaseResumedV1Event,
  EnforcementCaseStatementReceivedV1Event,
  EnforcementCaseSuspendedV1Event,
  EnforcementCaseTerminatedV1Event,
} from '@civicflow/contracts';
import type { EventMetadata, OutboxPublisher } from '@civicflow/messaging';
import type { ProcedureAction, ProcedureCase } from '../domain/procedure';

export interface StepContext {
  readonly caseId: string;
  readonly partyId: string | null;
  readonly current: ProcedureCase;
  readonly actorId: string;
  readonly at: Date;
  readonly decisionDueAt: string | null;
}

/**
 * Announces the steps that have no event of their own elsewhere (registration, notice, decision,
 * service and closure are announced by CaseDesk with their richer v1 events).
 */
export async function emitStepEvent(outbox: OutboxPublisher, manager: EntityManager, action: ProcedureAction, step: StepContext, metadata: EventMetadata): Promise<void> {
  const base = {
    caseId: step.caseId,
    state: step.current.state,
    at: step.at.toISOString(),
    partyId: step.partyId,
    partyKind: step.partyId ? step.current.partyKind : null,
  };
  const by = step.actorId;
  switch (action.kind) {
    case 'refuse_registration':
      return void (await outbox.emit(manager, EnforcementCaseRegistrationRefusedV1Event, { ...base, refusedBy: by, reason: action.reason }, metadata));
    case 'add_evidence':
      return void (await outbox.emit(
        manager,
        EnforcementCaseEvidenceRecordedV1Event,
        { ...base, recordedBy: by, items: action.items.map((item) => ({ kind: item.kind, sha256: item.sha256 })), onSite: action.onSite ?? null, presentOfficerIds: [...action.presentOfficerIds] },
        metadata,
      ));
    case 'record_statement':
      return void (await outbox.emit(manager, EnforcementCaseStatementReceivedV1Event, { ...base, recordedBy: by }, metadata));
    case 'request_hearing':
      return void (await outbox.emit(manager, EnforcementCaseHearingRequestedV1Event, { ...base, recordedBy: by }, metadata));
    case 'schedule_hearing':
      return void (await outbox.emit(manager, EnforcementCaseHearingScheduledV1Event, { ...base, scheduledBy: by, scheduledFor: action.scheduledFor }, metadata));
    case 'hold_hearing':
      return void (await outbox.emit(manager, EnforcementCaseHearingHeldV1Event, { ...base, heldBy: by }, metadata));
    case 'legal_review':
      return void (await outbox.emit(manager, EnforcementCaseLegalReviewedV1Event, { ...base, reviewerId: action.reviewerId, approved: action.approved }, metadata));
    case 'record_payment':
      return void (await outbox.emit(manager, EnforcementCasePaidV1Event, { ...base, recordedBy: by, amountFen: action.amountFen, paidFen: step.current.paidFen }, metadata));
    case 'suspend':
      return void (await outbox.emit(manager, EnforcementCaseSuspendedV1Event, { ...base, suspendedBy: by, reason: action.reason }, metadata));
    case 'resume':
      return void (await outbox.emit(manager, EnforcementCaseResumedV1Event, { ...base, resumedBy: by }, metadata));
    case 'terminate':
      return void (await outbox.emit(manager, EnforcementCaseTerminatedV1Event, { ...base, terminatedBy: by, reason: action.reason }, metadata));
    case 'archive':
      return void (await outbox.emit(manager, EnforcementCaseArchivedV1Event, { ...base, archivedBy: by }, metadata));
    case 'extend_decision_deadline':
      return void (await outbox.emit(manager, EnforcementCaseDecisionDeadlineExtendedV1Event, { ...base, approvedBy: by, days: action.days, decisionDueAt: step.decisionDueAt }, metadata));
    default:
      return;
  }
}
