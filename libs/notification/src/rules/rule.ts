import type { TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE, type EventDefinition, findEventDefinition, findTopic } from '@civicflow/contracts';
import { isRole, STAFF_ROLES, type Role } from '@civicflow/auth';
import type { ChannelKind } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';
import { AUDIENCE_KINDS, type AudienceKind, unsuppliedVariables, type VariableType } from '../templates/template-variables';

export type Audience =
  | { kind: 'reporter' }
  | { kind: 'merchant' }
  /** Bureau staff holding the role (in the staff roster); with byDepartment, only those of the event's department. */
  | { kind: 'staff'; role: Role; byDepartment?: boolean }
  /** The event's department's systems, through their webhook subscriptions. */
  | { kind: 'department' };

/** The rule applies only when the event's field is present (not null, not empty), or only when it is absent. */
export interface RuleCondition {
  field: string;
  present: boolean;
}

/** Event type → audience → template → channels: who is told what, and how. */
export interface RuleDefinition {
  eventType: string;
  audience: Audience;
  template: string;
  channels: ChannelKind[];
  when?: RuleCondition;
  urgent?: boolean;
  mandatory?: boolean;
  enabled: boolean;
  note?: string;
}

export interface Rule extends RuleDefinition {
  id: string;
  /** Set for a rule seeded from DEFAULT_RULES. */
  defaultKey: string | null;
  updatedAt: string;
}

export const TEMPLATE_KEY = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

/** The channels each audience can be reached on: the contacts the notification service holds for it. */
export const AUDIENCE_CHANNELS: Record<AudienceKind, readonly ChannelKind[]> = {
  reporter: ['email', 'sms'],
  merchant: ['email', 'sms'],
  staff: ['in-app'],
  department: ['webhook'],
};

/** Where an event names its complaint, its merchants, its department. */
export const COMPLAINT_FIELD = 'complaintId';
export const MERCHANT_FIELDS = ['merchantId', 'merchantIds', 'invitedMerchantIds'] as const;
export const DEPARTMENT_FIELDS = ['department', 'route.department', 'target.department'] as const;

/** Events this service publishes itself: telling someone about a delivery would loop. */
export const isOwnEvent = (eventType: string): boolean => eventType.startsWith('notification.');

/** An event on a restricted topic carries personal data: only the person it is about may be told from it. */
export const isRestrictedEvent = (definition: EventDefinition): boolean => findTopic(definition.topic)?.audience === 'restricted';

/**
 * Events another component of this service answers in code, with why; every other type of
 * the catalogue needs a rule (a spec checks it).
 */
export const ANSWERED_IN_CODE: Readonly<Record<string, string>> = {
  'enforcement.document-service.requested.v1': 'service-of-documents/ serves the document as a mandatory notice and records the proof of service (notification.message.served.v1).',
};

/** The catalogue's event types a rule may be written for. */
export const RULED_EVENTS: readonly EventDefinition[] = EVENT_CATALOGUE.filter((definition) => !isOwnEvent(definition.type));

function hasField(definition: EventDefinition, path: string): boolean {
  let schema: TSchema | undefined = definition.schema;
  for (const part of path.split('.')) {
    schema = (schema?.['properties'] as Record<string, TSchema> | undefined)?.[part];
    if (!schema) return false;
  }
  return true;
}

/** The declared variables of a template in each language, or nothing for a key no template has. */
export type TemplateVariablesLookup = (key: string) => Partial<Record<Locale, Record<string, VariableType>>> | undefined;

/**
 * Everything that stops a rule from working, each in words an admin can act on: the event
 * is unknown or our own, the audience cannot be found from the event, a channel cannot
 * reach the audience, the template is missing a language or needs a variable the event
 * does not supply.
 */
const MANDATORY_AUDIENCES: readonly AudienceKind[] = ['reporter', 'merchant'];

export function ruleProblems(rule: RuleDefinition, templateVariables: TemplateVariablesLookup): string[] {
  const problems: string[] = [];
  const definition = findEventDefinition(rule.eventType);
  if (!definition) problems.push(`eventType ${rule.eventType} is not an event type of the catalogue`);
  else if (isOwnEvent(rule.eventType)) problems.push(`eventType ${rule.eventType} is published by the notification service itself`);

  const audience = rule.audience as Partial<Audience> & { role?: unknown; byDepartment?: unknown };
  const kind = audience?.kind as AudienceKind;
  if (!(AUDIENCE_KINDS as readonly string[]).includes(kind)) {
    problems.push(`audience.kind ${String(audience?.kind)} is unknown (one of ${AUDIENCE_KINDS.join(', ')})`);
  } else {
    if (kind === 'staff' && !(isRole(audience.role) && STAFF_ROLES.includes(audience.role)))
      problems.push(`audience.role ${String(audience.role)} is not a staff role (one of ${STAFF_ROLES.join(', ')})`);
    if (kind !== 'staff' && (audience.role !== undefined || audience.byDepartment !== undefined)) problems.push('audience.role and audience.byDepartment are for the staff audience only');
    if (definition && !isOwnEvent(definition.type)) {
      if ((kind === 'staff' || kind === 'department') && isRestrictedEvent(definition))
        problems.push(`audience ${kind}: ${rule.eventType} carries personal data (restricted topic); only the person it is about may be told from it`);
      if (kind === 'reporter' && !hasField(definition, COMPLAINT_FIELD)) problems.push(`audience reporter: ${rule.eventType} names no complaint`);
      if (kind === 'merchant' && !MERCHANT_FIELDS.some((field) => hasField(definition, field))) problems.push(`audience merchant: ${rule.eventType} names no merchant`);
      const needsDepartment = kind === 'department' || (kind === 'staff' && audience.byDepartment === true);
      if (needsDepartment && !DEPARTMENT_FIELDS.some((field) => hasField(definition, field))) problems.push(`audience ${kind}: ${rule.eventType} carries no department`);
    }
    const reachable = AUDIENCE_CHANNELS[kind];
    if (!Array.isArray(rule.channels) || rule.channels.length === 0) problems.push('channels must name at least one channel');
    else {
      for (const channel of rule.channels) if (!reachable.includes(channel)) problems.push(`channel ${channel} cannot reach the ${kind} audience (${reachable.join(', ')})`);
    }
    // Mandatory overrides a person's opt-out: only for a notice the law requires to reach the
    // person concerned, and only with the legal basis on record.
    if (rule.mandatory === true) {
      if (!MANDATORY_AUDIENCES.includes(kind)) problems.push(`mandatory: only a notice to the person concerned (${MANDATORY_AUDIENCES.join(', ')}) can override their opt-out, not the ${kind} audience`);
      if (!rule.note?.trim()) problems.push('mandatory: note must give the legal basis that requires the notice');
    }
  }

  if (rule.when !== undefined && rule.when !== null) {
    const { field, present } = rule.when as Partial<RuleCondition>;
    if (typeof present !== 'boolean') problems.push('when.present must be true or false');
    if (typeof field !== 'string' || !field) problems.push('when.field must name a field of the event');
    else if (definition && !hasField(definition, field)) problems.push(`when.field ${field} is not a field of ${rule.eventType}`);
  }

  if (!TEMPLATE_KEY.test(rule.template ?? '')) problems.push('template must be lower-case words joined by "." or "-"');
  else {
    const variables = templateVariables(rule.template);
    const missing = (['zh-CN', 'en'] as const).filter((locale) => !variables?.[locale]);
    if (missing.length === 2) problems.push(`template ${rule.template} is unknown`);
    else if (missing.length > 0) problems.push(`template ${rule.template} has no ${missing.join(', ')} version`);
    if (definition && (AUDIENCE_KINDS as readonly string[]).includes(kind)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const declared = variables?.[locale];
        if (declared) for (const problem of unsuppliedVariables(declared, rule.eventType, kind)) problems.push(`template ${rule.template} (${locale}): ${problem}`);
      }
    }
  }
  return [...new Set(problems)];
}
