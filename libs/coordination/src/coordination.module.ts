import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { DepartmentRepository } from './departments/department.repository';
import { ListDepartmentsHttpController } from './departments/list-departments/list-departments.http.controller';
import { coordinationMigrations } from './migrations';
import { ComplaintIntakeMessageController } from './tasks/complaint-intake.message.controller';
import { TaskDesk } from './tasks/task-desk.service';
import { TasksHttpController } from './tasks/tasks.http.controller';

/** The coordination service: routing, tasks, escalation, subscribers. So far, its department directory and the tasks of complaints dispatched to departments. */
@Module({
  imports: [PersistenceModule.forService({ service: 'coordination', entities: [], migrations: coordinationMigrations }), MessagingModule.forService('coordination')],
  controllers: [ListDepartmentsHttpController, TasksHttpController, ComplaintIntakeMessageController],
  providers: [DepartmentRepository, TaskDesk],
})
export class CoordinationModule {}
