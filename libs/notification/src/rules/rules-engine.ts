import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import type { CloudEvent } from '@civicflow/contracts';
import { DeliveryRequests } from '../delivery/delivery-requests';
import type { NotificationConfig } from '../notification.config';
import { renderTemplate, valueAt } from '../templates/template-text';
import { Templates } from '../templates/templates';
import { Audiences } from './audiences';
import { Rules } from './rules';

const isPresent = (value: unknown): boolean => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

export interface RulesOutcome {
  /** Rules that applied to the event. */
  rules: number;
  /** Deliveries newly queued (a redelivered event queues none). */
  queued: number;
}

/**
 * The one generic path from an event to its notices: every enabled rule for the event's
 * type finds its audience, renders its template in both languages and asks for one
 * delivery per recipient, in the consumer's transaction. The delivery key (event,
 * recipient, channel, template) keeps a redelivered event from queueing anything twice.
 */
@Injectable()
export class RulesEngine {
  private readonly log = new Logger('NotificationRules');

  constructor(
    private readonly rules: Rules,
    private readonly templates: Templates,
    private readonly audiences: Audiences,
    private readonly deliveries: DeliveryRequests,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  async apply(manager: EntityManager, event: CloudEvent): Promise<RulesOutcome> {
    const rules = await this.rules.enabledFor(manager, event.type, event.time);
    const data = (event.data ?? {}) as Record<string, unknown>;
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    const trackingUrl = typeof data['trackingCode'] === 'string' ? `${base}/api/v1/complaints/${data['trackingCode']}` : undefined;
    const entity = event.type.split('.')[1];
    let queued = 0;
    for (const rule of rules) {
      if (rule.when && isPresent(valueAt(data, rule.when.field)) !== rule.when.present) continue;
      const { 'zh-CN': zh, en } = await this.templates.byKey(rule.template, manager);
      // Saving refuses this state; should it arise, failing lets the event be retried and then dead-lettered, not lost.
      if (!zh || !en) throw new Error(`rule ${rule.id} (${event.type}) names template ${rule.template}, which has no ${zh ? 'en' : 'zh-CN'} version`);
      const recipients = await this.audiences.recipients(manager, rule.audience, event, rule.channels);
      for (const recipient of recipients) {
        const source = { ...data, trackingUrl, ...recipient.variables };
        const result = await this.deliveries.enqueue(manager, {
          sourceEvent: { id: event.id, type: event.type },
          // A note to staff or a department about a complaint must not read as the reporter told.
          about: recipient.about ?? { kind: `${entity}-${rule.audience.kind}`, id: event.subject ?? event.id },
          correlationId: event.correlationid ?? event.id,
          template: rule.template,
          recipient: recipient.contacts,
          content: { 'zh-CN': renderTemplate(zh, source, 'zh-CN'), en: renderTemplate(en, source, 'en') },
          // Only a department's system gets the event's fields; the public contract is all it carries.
          data: rule.audience.kind === 'department' ? { eventType: event.type, eventId: event.id, ...data } : {},
          mandatory: rule.mandatory,
          urgent: rule.urgent,
          language: recipient.language,
        });
        queued += result.deliveries.filter((delivery) => delivery.created).length;
      }
    }
    if (rules.length > 0) this.log.debug({ msg: 'rules applied', eventType: event.type, eventId: event.id, rules: rules.length, queued });
    return { rules: rules.length, queued };
  }
}
