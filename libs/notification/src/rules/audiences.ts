import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@civicflow/contracts';
import type { ChannelKind } from '../channels/notification-channel';
import type { RecipientContacts } from '../delivery/delivery-request';
import type { Locale } from '../mail/mail-layout';
import { userRecipientKey } from '../preferences/preference';
import { valueAt } from '../templates/template-text';
import { type Audience, COMPLAINT_FIELD, DEPARTMENT_FIELDS, MERCHANT_FIELDS } from './rule';
import { StaffRoster } from './staff-roster';

/** One person or system a rule tells, with what their audience adds to the template's variables. */
export interface RuleRecipient {
  contacts: RecipientContacts;
  /** Where the bureau met them (intake, registration); a stored preference wins. */
  language?: Locale;
  variables: Record<string, unknown>;
  /**
   * What the notice is about, for the delivery events: the complaint for its reporter (the
   * complaints service puts those on the complaint's public timeline), the merchant.
   */
  about?: { kind: string; id: string };
}

const asLocale = (value: unknown): Locale | undefined => (value === 'en' || value === 'zh-CN' ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** The department an event is about, wherever its contract puts it. */
export function departmentOf(data: Record<string, unknown>): string | undefined {
  for (const field of DEPARTMENT_FIELDS) {
    const value = text(valueAt(data, field));
    if (value) return value;
  }
  return undefined;
}

/**
 * Finds who an audience is for one event: the complaint's reporter and the merchants from
 * the contacts this service keeps (the restricted topics), staff from the roster, a
 * department's systems from its webhook subscriptions. Only the contacts of the rule's
 * channels are handed on, so a rule for SMS never e-mails.
 */
@Injectable()
export class Audiences {
  constructor(private readonly roster: StaffRoster) {}

  async recipients(manager: EntityManager, audience: Audience, event: CloudEvent, channels: readonly ChannelKind[]): Promise<RuleRecipient[]> {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const found = await this.find(manager, audience, data);
    return found
      .map((recipient) => ({ ...recipient, contacts: onlyChannels(recipient.contacts, channels) }))
      .filter((recipient) => Object.keys(recipient.contacts).length > 1);
  }

  private async find(manager: EntityManager, audience: Audience, data: Record<string, unknown>): Promise<RuleRecipient[]> {
    switch (audience.kind) {
      case 'reporter':
        return this.reporter(manager, data);
      case 'merchant':
        return this.merchants(manager, data);
      case 'staff': {
        const department = audience.byDepartment ? departmentOf(data) : undefined;
        // Agents of "the event's department" when the event names none: nobody, rather than every department's.
        if (audience.byDepartment && !department) return [];
        const users = await this.roster.withRole(manager, audience.role, department);
        return users.map((userId) => ({ contacts: { key: userRecipientKey(userId), userId }, variables: {} }));
      }
      case 'department': {
        const department = departmentOf(data);
        if (!department) return [];
        const subscriptions: Array<{ id: string }> = await manager.query(
          `SELECT id FROM notification.webhook_subscription WHERE department = $1 AND active ORDER BY created_at, id`,
          [department],
        );
        // One key per subscription: a department with two systems gets the event on both, each once.
        return subscriptions.map(({ id }) => ({ contacts: { key: `department:${department}:${id}`, webhookSubscriptionId: id }, variables: {} }));
      }
    }
  }

  private async reporter(manager: EntityManager, data: Record<string, unknown>): Promise<RuleRecipient[]> {
    const complaintId = text(data[COMPLAINT_FIELD]);
    if (!complaintId) return [];
    const [contact]: Array<{ reporter_name: string | null; reporter_email: string | null; reporter_phone: string | null; reporter_locale: string | null }> = await manager.query(
      `SELECT reporter_name, reporter_email, reporter_phone, reporter_locale FROM notification.complaint_acknowledgement WHERE complaint_id = $1`,
      [complaintId],
    );
    // The reporter's own registration carries the contact (and may come before it is stored).
    const email = text(contact?.reporter_email) ?? text(data['email']);
    const phone = text(contact?.reporter_phone) ?? text(data['phone']);
    if (!email && !phone) return [];
    return [
      {
        contacts: { key: `reporter:${complaintId}`, email, phone },
        language: asLocale(contact?.reporter_locale) ?? asLocale(data['locale']),
        variables: { reporterName: text(contact?.reporter_name) ?? text(data['name']) },
        about: { kind: 'complaint', id: complaintId },
      },
    ];
  }

  private async merchants(manager: EntityManager, data: Record<string, unknown>): Promise<RuleRecipient[]> {
    const ids = new Set<string>();
    for (const field of MERCHANT_FIELDS) {
      const value = data[field];
      for (const id of Array.isArray(value) ? value : [value]) if (text(id)) ids.add(id as string);
    }
    const recipients: RuleRecipient[] = [];
    for (const merchantId of ids) {
      const [stored]: Array<{ business_name: string; contact_name: string; email: string; phone: string; locale: string }> = await manager.query(
        `SELECT business_name, contact_name, email, phone, locale FROM notification.merchant_contact WHERE merchant_id = $1`,
        [merchantId],
      );
      // The registration event itself carries the contact, whichever consumer stores it first.
      const contact = stored ?? (text(data['email']) && data['merchantId'] === merchantId ? { business_name: data['businessName'], contact_name: data['contactName'], email: data['email'], phone: data['phone'], locale: data['locale'] } : undefined);
      if (!contact) continue;
      recipients.push({
        contacts: { key: `merchant:${merchantId}`, email: text(contact.email), phone: text(contact.phone) },
        language: asLocale(contact.locale),
        variables: { businessName: contact.business_name, contactName: contact.contact_name },
        about: { kind: 'merchant', id: merchantId },
      });
    }
    return recipients;
  }
}

function onlyChannels(contacts: RecipientContacts, channels: readonly ChannelKind[]): RecipientContacts {
  const kept: RecipientContacts = { key: contacts.key };
  if (channels.includes('email') && contacts.email) kept.email = contacts.email;
  if (channels.includes('sms') && contacts.phone) kept.phone = contacts.phone;
  if (channels.includes('in-app') && contacts.userId) kept.userId = contacts.userId;
  if (channels.includes('webhook') && contacts.webhookSubscriptionId) kept.webhookSubscriptionId = contacts.webhookSubscriptionId;
  return kept;
}
