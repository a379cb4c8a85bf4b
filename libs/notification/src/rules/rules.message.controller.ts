import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@civicflow/contracts';
import { type EventContext, OnEvents } from '@civicflow/messaging';
import { RULED_EVENTS } from './rule';
import { RulesEngine } from './rules-engine';

export const RULES_GROUP = 'notification.rules';

/**
 * Consumes every event type a rule may be written for (the whole catalogue but this
 * service's own), so that a rule added through the API takes effect without a deploy. A
 * type with no enabled rule costs one inbox row.
 */
@Controller()
export class RulesMessageController {
  constructor(private readonly engine: RulesEngine) {}

  @OnEvents(RULES_GROUP, RULED_EVENTS)
  async any(@Payload() event: CloudEvent, @Ctx() context: EventContext): Promise<void> {
    await this.engine.apply(context.manager, event);
  }
}
