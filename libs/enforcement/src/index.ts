export { EnforcementModule } from './enforcement.module';
export { enforcementMigrations } from './migrations';
export type { Officer } from './domain/officer';
