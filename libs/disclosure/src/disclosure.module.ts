import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { disclosureMigrations } from './migrations';
import { ListPublicationsHttpController } from './publications/list-publications/list-publications.http.controller';
import { PublicationRepository } from './publications/publication.repository';

/** The disclosure service: the public record, its search, feeds and statistics. So far, its publication list. */
@Module({
  imports: [PersistenceModule.forService({ service: 'disclosure', entities: [], migrations: disclosureMigrations }), MessagingModule.forService('disclosure')],
  controllers: [ListPublicationsHttpController],
  providers: [PublicationRepository],
})
export class DisclosureModule {}
