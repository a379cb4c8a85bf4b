import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, EnforcementDocumentServiceRequestedV1, EnforcementDocumentServiceRequestedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { DocumentServices } from './document-services';

/** Takes enforcement's requests to serve a document, from the restricted topic that carries the party's contact. */
@Controller()
export class DocumentServiceMessageController {
  constructor(private readonly services: DocumentServices) {}

  @OnEvent('notification.document-service', EnforcementDocumentServiceRequestedV1Event)
  async requested(@Payload() event: CloudEvent<EnforcementDocumentServiceRequestedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.services.request(context.manager, event);
  }
}
