export { EnforcementModule } from './enforcement.module';
export { enforcementMigrations } from './migrations';
export { enforcementVariables } from './enforcement.config';
export type { Officer } from './domain/officer';
export { CaseDesk } from './cases/case-desk.service';
export { CaseRecordRepository } from './record/case-record.repository';
export { verifyChain, type ChainVerdict } from './record/record-chain';
