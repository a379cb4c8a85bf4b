import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { CriterionRepository } from './criteria/criterion.repository';
import { ListCriteriaHttpController } from './criteria/list-criteria/list-criteria.http.controller';
import { ratingMigrations } from './migrations';

/** The street rating service: criteria, rounds, scores, rankings, rectification. So far, its criteria. */
@Module({
  imports: [PersistenceModule.forService({ service: 'rating', entities: [], migrations: ratingMigrations }), MessagingModule.forService('rating')],
  controllers: [ListCriteriaHttpController],
  providers: [CriterionRepository],
})
export class RatingModule {}
