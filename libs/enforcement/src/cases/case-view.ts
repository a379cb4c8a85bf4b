import type { CaseDeadline } from '../domain/deadlines';
import type { Penalty } from '../domain/procedure-rules';
import type { MaskedParty } from '../parties/party-register';
import type { EnforcementCaseEntity, PartyEntity } from './case.entity';

export interface LoadedCase {
  readonly entity: EnforcementCaseEntity;
  readonly party: PartyEntity | null;
  readonly officers: Array<{ id: string; name: string; certificateNumber: string; certificateValidUntil: string }>;
}

export interface PenaltyView {
  warning: boolean;
  fineCny: number;
  measures: string[];
}

const cny = (fen: number) => fen / 100;
export const fen = (cnyAmount: number) => Math.round(cnyAmount * 100);

export function penaltyView(penalty: Penalty): PenaltyView {
  return { warning: penalty.warning, fineCny: cny(penalty.fineFen), measures: [...penalty.measures] };
}

/**
 * The case as staff see it. Field by field, so that nothing stored is published by accident;
 * the party only masked (PartyRegister.masked), its address not at all.
 */
export function caseView(loaded: Omit<LoadedCase, 'party'> & { party: MaskedParty | null }, deadlines: CaseDeadline[], owedFen: number) {
  const { entity, party, officers } = loaded;
  const procedure = entity.procedure;
  return {
    id: entity.id,
    state: procedure.state,
    procedure: procedure.procedure,
    source: entity.source,
    sourceReference: entity.sourceReference,
    category: entity.category,
    street: entity.street,
    description: entity.description,
    location: entity.location,
    violationAt: procedure.violationAt,
    seriousHarm: procedure.seriousHarm,
    department: entity.department,
    party: party ? { id: party.id, kind: party.kind, name: party.name, idNumber: party.idNumber, phone: party.phone } : null,
    officers,
    registeredAt: procedure.registeredAt ?? null,
    refusalReason: procedure.refusalReason ?? null,
    evidenceCount: procedure.evidenceCount,
    notice: procedure.notice
      ? { issuedAt: procedure.notice.issuedAt, servedAt: procedure.notice.servedAt ?? null, proposed: penaltyView(procedure.notice.proposed), hearingRight: procedure.notice.hearingRight }
      : null,
    statementAt: procedure.statementAt ?? null,
    hearing: procedure.hearing
      ? { requestedAt: procedure.hearing.requestedAt, notifiedAt: procedure.hearing.notifiedAt ?? null, scheduledFor: procedure.hearing.scheduledFor ?? null, heldAt: procedure.hearing.heldAt ?? null }
      : null,
    legalReview: procedure.legalReview ?? null,
    decision: procedure.decision
      ? { at: procedure.decision.at, outcome: procedure.decision.outcome, penalty: procedure.decision.penalty ? penaltyView(procedure.decision.penalty) : null, major: procedure.decision.major }
      : null,
    decisionExtensionDays: procedure.decisionExtensionDays,
    servedAt: procedure.servedAt ?? null,
    serviceMethod: procedure.serviceMethod ?? null,
    payment: { paidCny: cny(procedure.paidFen), owedCny: cny(owedFen), outstandingCny: cny(Math.max(0, owedFen - procedure.paidFen)) },
    closedAt: procedure.closedAt ?? null,
    suspendedFrom: procedure.suspendedFrom ?? null,
    suspensionReason: procedure.suspensionReason ?? null,
    suspendedAt: procedure.suspendedAt ?? null,
    suspendedDays: procedure.suspendedDays ?? 0,
    rectification: procedure.rectification
      ? {
          basis: procedure.rectification.basis,
          explained: procedure.rectification.explained,
          by: procedure.rectification.by,
          at: procedure.rectification.at,
          rectifyBy: procedure.rectification.rectifyBy,
          followUp: procedure.rectification.followUp ?? null,
        }
      : null,
    terminationReason: procedure.terminationReason ?? null,
    deadlines,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export type CaseView = ReturnType<typeof caseView>;
