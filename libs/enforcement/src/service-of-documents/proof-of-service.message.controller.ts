import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, MessageFailedV1, MessageFailedV1Event, MessageServedV1, MessageServedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { DocumentServiceDesk } from './document-service-desk';

/** The notification service's proof of service completes the serve step of the case; its failures go on the record. */
@Controller()
export class ProofOfServiceMessageController {
  constructor(private readonly services: DocumentServiceDesk) {}

  @OnEvent('enforcement.proof-of-service', MessageServedV1Event)
  async served(@Payload() event: CloudEvent<MessageServedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.services.served(context.manager, event.data, event.correlationid ?? event.id);
  }

  @OnEvent('enforcement.proof-of-service', MessageFailedV1Event)
  async failed(@Payload() event: CloudEvent<MessageFailedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.services.channelFailed(context.manager, event.data);
  }
}
