import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { enforcementMigrations } from './migrations';
import { ListOfficersHttpController } from './officers/list-officers/list-officers.http.controller';
import { OfficerRepository } from './officers/officer.repository';

/** The enforcement service: cases, evidence, officers. So far, its officer directory. */
@Module({
  imports: [PersistenceModule.forService({ service: 'enforcement', entities: [], migrations: enforcementMigrations }), MessagingModule.forService('enforcement')],
  controllers: [ListOfficersHttpController],
  providers: [OfficerRepository],
})
export class EnforcementModule {}
