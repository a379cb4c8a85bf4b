import { messagingTablesMigration } from '@civicflow/messaging';
import { CreateDepartment1795628610000 } from './create-department.migration';
import { CreateTask1795700000000 } from './create-task.migration';
import { SeedDefaultDepartments1795700000001 } from './seed-default-departments.migration';

/** In the order they run; the timestamps in the class names must keep that order. */
export const coordinationMigrations = [messagingTablesMigration('coordination'), CreateDepartment1795628610000, CreateTask1795700000000, SeedDefaultDepartments1795700000001];
