import { Role } from '@civicflow/auth';
import type { RuleDefinition } from './rule';

const reporter = { kind: 'reporter' } as const;
const merchant = { kind: 'merchant' } as const;
const department = { kind: 'department' } as const;
const staff = (role: Role, byDepartment = false) => ({ kind: 'staff', role, byDepartment }) as const;
const MAIL = ['email', 'sms'] as const;
const INBOX = ['in-app'] as const;
const HOOK = ['webhook'] as const;

/**
 * Who is told of each event the other services publish, seeded into notification.rule (by
 * default key: a rule an admin changed or disabled stays as they left it). Every type of
 * the catalogue not published by this service has at least one rule here; a spec fails when
 * a new type has none. Rules an admin adds go to the table only.
 */
export const DEFAULT_RULES: readonly RuleDefinition[] = [
  { eventType: 'complaints.complaint.received.v1', audience: staff(Role.HotlineOperator), template: 'staff.complaint-received', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.received.v2', audience: staff(Role.HotlineOperator), template: 'staff.complaint-received', channels: [...INBOX], enabled: true },
  {
    eventType: 'complaints.reporter.registered.v1',
    audience: reporter,
    template: 'complaint.acknowledgement',
    channels: [...MAIL],
    enabled: false,
    note: 'Kept for old consumers: intake publishes v2 beside it, which the acknowledgement is sent on.',
  },
  {
    eventType: 'complaints.reporter.registered.v2',
    audience: reporter,
    template: 'complaint.acknowledgement',
    channels: [...MAIL],
    enabled: true,
    note: 'Intake publishes the registration with the complaint, for a reporter who can be reached; it carries the contact, so the acknowledgement need not wait for anything.',
  },
  {
    eventType: 'complaints.merchant.registered.v1',
    audience: merchant,
    template: 'merchant.registered',
    channels: [...MAIL],
    enabled: false,
    note: 'The merchant registers in its own account and sees it there; enable to mail a welcome as well.',
  },
  { eventType: 'complaints.complaint.accepted.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-accepted', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.rejected.v1', audience: reporter, template: 'complaint.rejected', channels: [...MAIL], enabled: true },
  { eventType: 'complaints.complaint.triaged.v1', audience: reporter, template: 'complaint.accepted', channels: [...MAIL], enabled: true, note: 'Acceptance is announced on triaged, which follows accepted in the same transaction and carries the deadline.' },
  { eventType: 'complaints.complaint.dispatched.v1', audience: department, template: 'department.complaint-dispatched', channels: [...HOOK], enabled: true },
  { eventType: 'complaints.complaint.rectification-ordered.v1', audience: staff(Role.Officer), template: 'staff.rectification-ordered', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.handling-started.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-handling-started', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.handled.v1', audience: reporter, template: 'complaint.handled', channels: [...MAIL], enabled: true },
  { eventType: 'complaints.complaint.verified.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-verified', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.closed.v1', audience: reporter, template: 'complaint.closed', channels: [...MAIL], enabled: true, note: 'complaint-updates/ books the satisfaction survey on the same event.' },
  { eventType: 'complaints.complaint.reopened.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-reopened', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.overdue.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-overdue', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'complaints.complaint.escalated.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-escalated', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'complaints.complaint.marked-duplicate.v1', audience: staff(Role.HotlineOperator), template: 'staff.complaint-marked-duplicate', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.complaint.rated.v1', audience: staff(Role.Supervisor), template: 'staff.complaint-rated', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.merchant-request.submitted.v1', audience: staff(Role.Officer), template: 'staff.merchant-request-submitted', channels: [...INBOX], enabled: true },
  {
    eventType: 'complaints.merchant-request.answered.v1',
    audience: merchant,
    template: 'merchant.request-answered',
    channels: [...MAIL],
    when: { field: 'forumId', present: false },
    enabled: true,
    note: 'A request answered through a forum item is told by the item\'s notice, so not twice.',
  },
  {
    eventType: 'complaints.forum.scheduled.v1',
    audience: merchant,
    template: 'merchant.forum-invitation',
    channels: [...MAIL],
    enabled: false,
    note: 'Invited merchants see the forum in their account; enable to mail the invitation as well.',
  },
  { eventType: 'complaints.forum.held.v1', audience: staff(Role.Supervisor), template: 'staff.forum-held', channels: [...INBOX], enabled: true },
  { eventType: 'complaints.forum.action-item-answered.v1', audience: merchant, template: 'merchant.forum-answer', channels: [...MAIL], enabled: true, note: 'Once to every merchant who raised the item.' },
  { eventType: 'enforcement.case.registered.v1', audience: staff(Role.LegalReviewer), template: 'staff.case-registered', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.notice-issued.v1', audience: staff(Role.LegalReviewer), template: 'staff.case-notice-issued', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.decided.v1', audience: staff(Role.Officer), template: 'staff.case-decided', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.served.v1', audience: staff(Role.Officer), template: 'staff.case-served', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.closed.v1', audience: staff(Role.Supervisor), template: 'staff.case-closed', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.deadline-warning.v1', audience: staff(Role.Officer), template: 'staff.case-deadline-warning', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'enforcement.case.deadline-overdue.v1', audience: staff(Role.Supervisor), template: 'staff.case-deadline-overdue', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'enforcement.case.education-given.v1', audience: staff(Role.Supervisor), template: 'staff.case-education-given', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.rectification-ordered.v1', audience: staff(Role.Officer), template: 'staff.case-rectification-ordered', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.follow-up-inspected.v1', audience: staff(Role.Supervisor), template: 'staff.case-follow-up-inspected', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.deadline-warning.v2', audience: staff(Role.Officer), template: 'staff.case-deadline-warning', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'enforcement.case.deadline-overdue.v2', audience: staff(Role.Supervisor), template: 'staff.case-deadline-overdue', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'enforcement.referral.submitted.v1', audience: staff(Role.Supervisor), template: 'staff.referral-submitted', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.registration-refused.v1', audience: staff(Role.Supervisor), template: 'staff.case-registration-refused', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.evidence-recorded.v1', audience: staff(Role.Supervisor), template: 'staff.case-evidence-recorded', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.statement-received.v1', audience: staff(Role.Officer), template: 'staff.case-statement-received', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.hearing-requested.v1', audience: staff(Role.LegalReviewer), template: 'staff.case-hearing-requested', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'enforcement.case.hearing-scheduled.v1', audience: staff(Role.Officer), template: 'staff.case-hearing-scheduled', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.hearing-held.v1', audience: staff(Role.LegalReviewer), template: 'staff.case-hearing-held', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.legal-reviewed.v1', audience: staff(Role.Officer), template: 'staff.case-legal-reviewed', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.paid.v1', audience: staff(Role.Officer), template: 'staff.case-paid', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.suspended.v1', audience: staff(Role.Supervisor), template: 'staff.case-suspended', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.resumed.v1', audience: staff(Role.Supervisor), template: 'staff.case-resumed', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.terminated.v1', audience: staff(Role.Supervisor), template: 'staff.case-terminated', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.archived.v1', audience: staff(Role.Supervisor), template: 'staff.case-archived', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.case.decision-deadline-extended.v1', audience: staff(Role.Supervisor), template: 'staff.case-decision-deadline-extended', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.officer.certified.v1', audience: staff(Role.Supervisor), template: 'staff.officer-certified', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.officer.complaint-concluded.v1', audience: staff(Role.Supervisor), template: 'staff.officer-complaint-concluded', channels: [...INBOX], enabled: true },
  { eventType: 'enforcement.officer.assessed.v1', audience: staff(Role.Supervisor), template: 'staff.officer-assessed', channels: [...INBOX], enabled: true },
  { eventType: 'coordination.task.assigned.v1', audience: department, template: 'department.task-assigned', channels: [...HOOK], enabled: true },
  { eventType: 'coordination.task.assigned.v1', audience: staff(Role.DepartmentAgent, true), template: 'staff.task-assigned', channels: [...INBOX], enabled: true },
  { eventType: 'coordination.task.accepted.v1', audience: staff(Role.Supervisor), template: 'staff.task-accepted', channels: [...INBOX], enabled: true },
  { eventType: 'coordination.task.returned.v1', audience: staff(Role.Supervisor), template: 'staff.task-returned', channels: [...INBOX], urgent: true, enabled: true },
  { eventType: 'coordination.task.completed.v1', audience: staff(Role.Supervisor), template: 'staff.task-completed', channels: [...INBOX], enabled: true },
];

/** A seeded rule's stable name, so that seeding again finds it whatever an admin did to it. */
export const defaultRuleKey = (rule: Pick<RuleDefinition, 'eventType' | 'audience' | 'template'>): string => `${rule.eventType}/${rule.audience.kind}/${rule.template}`;
