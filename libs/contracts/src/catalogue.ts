import type { Static } from '@sinclair/typebox';
import type { EventDefinition } from './event-definition';
import { COMPLAINT_LIFECYCLE_EVENTS } from './events/complaints/complaint-lifecycle.v1';
import { ComplaintReceivedV1Event } from './events/complaints/complaint-received.v1';
import { ComplaintReceivedV2Event } from './events/complaints/complaint-received.v2';
import { MerchantRegisteredV1Event } from './events/complaints/merchant-registered.v1';
import { ReporterRegisteredV1Event } from './events/complaints/reporter-registered.v1';
import { ReporterRegisteredV2Event } from './events/complaints/reporter-registered.v2';
import { ForumActionItemAnsweredV1Event } from './events/complaints/forum-action-item-answered.v1';
import { ForumHeldV1Event } from './events/complaints/forum-held.v1';
import { ForumScheduledV1Event } from './events/complaints/forum-scheduled.v1';
import { MerchantRequestAnsweredV1Event } from './events/complaints/merchant-request-answered.v1';
import { MerchantRequestSubmittedV1Event } from './events/complaints/merchant-request-submitted.v1';
import { EnforcementCaseClosedV1Event, EnforcementCaseDeadlineOverdueV1Event, EnforcementCaseDeadlineWarningV1Event, EnforcementCaseDecidedV1Event, EnforcementCaseNoticeIssuedV1Event, EnforcementCaseRegisteredV1Event, EnforcementCaseServedV1Event } from './events/enforcement/case-lifecycle.v1';
import { EnforcementOfficerAssessedV1Event, EnforcementOfficerCertifiedV1Event, EnforcementOfficerComplaintConcludedV1Event } from './events/enforcement/officer-accountability.v1';
import { EnforcementCaseDeadlineOverdueV2Event, EnforcementCaseDeadlineWarningV2Event, EnforcementCaseEducationGivenV1Event, EnforcementCaseFollowUpInspectedV1Event, EnforcementCaseRectificationOrderedV1Event } from './events/enforcement/case-education.v1';
import { EnforcementReferralSubmittedV1Event } from './events/enforcement/referral-submitted.v1';
import { ENFORCEMENT_STEP_EVENTS } from './events/enforcement/case-steps.v1';
import { CoordinationTaskAcceptedV1Event, CoordinationTaskAssignedV1Event, CoordinationTaskCompletedV1Event, CoordinationTaskReturnedV1Event } from './events/coordination/task-lifecycle.v1';
import { MessageDeliveredV1Event } from './events/notification/message-delivered.v1';
import { MessageFailedV1Event } from './events/notification/message-failed.v1';
import { MessageServedV1Event } from './events/notification/message-served.v1';
import { EnforcementDocumentServiceRequestedV1Event } from './events/enforcement/document-service-requested.v1';

/** Every event type that CivicFlow publishes. A new type is added here and nowhere else. */
export const EVENT_CATALOGUE = [
  ComplaintReceivedV1Event,
  ComplaintReceivedV2Event,
  ReporterRegisteredV1Event,
  ReporterRegisteredV2Event,
  MerchantRegisteredV1Event,
  ...COMPLAINT_LIFECYCLE_EVENTS,
  MerchantRequestSubmittedV1Event,
  MerchantRequestAnsweredV1Event,
  ForumScheduledV1Event,
  ForumHeldV1Event,
  ForumActionItemAnsweredV1Event,
  MessageDeliveredV1Event,
  MessageFailedV1Event,
  MessageServedV1Event,
  EnforcementDocumentServiceRequestedV1Event,
  EnforcementCaseRegisteredV1Event, EnforcementCaseNoticeIssuedV1Event, EnforcementCaseDecidedV1Event, EnforcementCaseServedV1Event, EnforcementCaseClosedV1Event, EnforcementCaseDeadlineWarningV1Event, EnforcementCaseDeadlineOverdueV1Event,
  EnforcementCaseEducationGivenV1Event, EnforcementCaseRectificationOrderedV1Event, EnforcementCaseFollowUpInspectedV1Event, EnforcementCaseDeadlineWarningV2Event, EnforcementCaseDeadlineOverdueV2Event,
  ...ENFORCEMENT_STEP_EVENTS,
  EnforcementReferralSubmittedV1Event,
  EnforcementOfficerCertifiedV1Event, EnforcementOfficerComplaintConcludedV1Event, EnforcementOfficerAssessedV1Event,
  CoordinationTaskAssignedV1Event, CoordinationTaskAcceptedV1Event, CoordinationTaskReturnedV1Event, CoordinationTaskCompletedV1Event,
] as const;

export type CatalogueEventDefinition = (typeof EVENT_CATALOGUE)[number];
/** The union of every event type name, e.g. `'complaints.complaint.received.v1' | ...`. */
export type EventType = CatalogueEventDefinition['type'];
/** The data of one event type: `EventDataOf<'complaints.complaint.received.v1'>`. */
export type EventDataOf<T extends EventType> = Static<Extract<CatalogueEventDefinition, { type: T }>['schema']>;

const definitionsByType: ReadonlyMap<string, EventDefinition> = indexByType(EVENT_CATALOGUE);

export function findEventDefinition(type: string): EventDefinition | undefined {
  return definitionsByType.get(type);
}

export function isEventType(type: string): type is EventType {
  return definitionsByType.has(type);
}

export function eventsOnTopic(topic: string): EventDefinition[] {
  return EVENT_CATALOGUE.filter((definition) => definition.topic === topic);
}

/** Throws on a type declared twice: the second would silently shadow the first. */
export function indexByType(definitions: readonly EventDefinition[]): ReadonlyMap<string, EventDefinition> {
  const index = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (index.has(definition.type)) {
      throw new Error(`Event type '${definition.type}' is declared twice in the catalogue`);
    }
    index.set(definition.type, definition);
  }
  return index;
}
