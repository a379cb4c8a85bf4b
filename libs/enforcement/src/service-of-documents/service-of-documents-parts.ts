import { DocumentServiceDesk } from './document-service-desk';
import { ElectronicServiceHttpController } from './electronic-service.http.controller';
import { ProofOfServiceMessageController } from './proof-of-service.message.controller';

/** Electronic service of documents with the notification service's proof of delivery. */
export const SERVICE_OF_DOCUMENTS_CONTROLLERS = [ElectronicServiceHttpController, ProofOfServiceMessageController];
export const SERVICE_OF_DOCUMENTS_PROVIDERS = [DocumentServiceDesk];
