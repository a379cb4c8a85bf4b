import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { CaseDesk } from './cases/case-desk.service';
import { EnforcementCaseEntity, PartyEntity } from './cases/case.entity';
import { CasesHttpController } from './cases/cases.http.controller';
import { ComplaintIntakeMessageController } from './cases/complaint-intake.message.controller';
import { CaseDeadlineWatch } from './cases/deadline-watch';
import { procedureSettingsProvider } from './cases/procedure-settings';
import { enforcementMigrations } from './migrations';
import { ACCOUNTABILITY_CONTROLLERS, ACCOUNTABILITY_PROVIDERS } from './officers/accountability-parts';
import { ListOfficersHttpController } from './officers/list-officers/list-officers.http.controller';
import { OfficerRepository } from './officers/officer.repository';
import { PARTIES_CONTROLLERS, PARTIES_PROVIDERS } from './parties/parties-parts';
import { CaseRecordHttpController } from './record/case-record.http.controller';
import { CaseRecordRepository } from './record/case-record.repository';
import { SERVICE_OF_DOCUMENTS_CONTROLLERS, SERVICE_OF_DOCUMENTS_PROVIDERS } from './service-of-documents/service-of-documents-parts';

/** The enforcement service: cases under the penalty procedure, their whole-process record, officers. */
@Module({
  imports: [
    PersistenceModule.forService({ service: 'enforcement', entities: [EnforcementCaseEntity, PartyEntity], migrations: enforcementMigrations }),
    MessagingModule.forService('enforcement'),
  ],
  controllers: [ListOfficersHttpController, CasesHttpController, CaseRecordHttpController, ComplaintIntakeMessageController, ...ACCOUNTABILITY_CONTROLLERS, ...SERVICE_OF_DOCUMENTS_CONTROLLERS, ...PARTIES_CONTROLLERS],
  providers: [OfficerRepository, CaseRecordRepository, CaseDesk, CaseDeadlineWatch, procedureSettingsProvider, ...ACCOUNTABILITY_PROVIDERS, ...SERVICE_OF_DOCUMENTS_PROVIDERS, ...PARTIES_PROVIDERS],
})
export class EnforcementModule {}
