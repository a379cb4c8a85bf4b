import { messagingTablesMigration } from '@civicflow/messaging';
import { CasePartyLater1795628800000 } from './case-party-later.migration';
import { CreateCase1795628700000 } from './create-case.migration';
import { CreateOfficer1795628600000 } from './create-officer.migration';
import { DocumentService1795631000000 } from './document-service.migration';
import { DocumentServiceFailures1795633000000 } from './document-service-failures.migration';
import { OfficerDepartment1795634000000 } from './officer-department.migration';
import { CreateOfficerAccountability1795630000000 } from './create-officer-accountability.migration';
import { OfficerComplaintSealed1795630100000 } from './officer-complaint-sealed.migration';
import { PartySealedAndCaseDepartment1795632000000 } from './party-sealed-and-case-department.migration';

/** In the order they run; the timestamps in the class names must keep that order. */
export const enforcementMigrations = [messagingTablesMigration('enforcement'), CreateOfficer1795628600000, CreateCase1795628700000, CasePartyLater1795628800000, CreateOfficerAccountability1795630000000, OfficerComplaintSealed1795630100000, DocumentService1795631000000, PartySealedAndCaseDepartment1795632000000, DocumentServiceFailures1795633000000, OfficerDepartment1795634000000];
