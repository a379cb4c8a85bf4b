export { CoordinationModule } from './coordination.module';
export { coordinationMigrations } from './migrations';
export type { Department } from './domain/department';
