export { EnforcementModule } from './enforcement.module';
export { enforcementMigrations } from './migrations';
export { enforcementVariables } from './enforcement.config';
export type { Officer } from './domain/officer';
