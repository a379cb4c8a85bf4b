import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { DepartmentRepository } from './departments/department.repository';
import { ListDepartmentsHttpController } from './departments/list-departments/list-departments.http.controller';
import { coordinationMigrations } from './migrations';

/** The coordination service: routing, tasks, escalation, subscribers. So far, its department directory. */
@Module({
  imports: [PersistenceModule.forService({ service: 'coordination', entities: [], migrations: coordinationMigrations }), MessagingModule.forService('coordination')],
  controllers: [ListDepartmentsHttpController],
  providers: [DepartmentRepository],
})
export class CoordinationModule {}
