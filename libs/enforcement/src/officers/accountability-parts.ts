import type { Provider, Type } from '@nestjs/common';
import { CaseAnalysisHttpController } from '../analysis/case-analysis.http.controller';
import { CaseAnalysisService } from '../analysis/case-analysis.service';
import { accountabilitySettingsProvider } from '../assessment/accountability-settings';
import { AssessmentHttpController } from '../assessment/assessment.http.controller';
import { AssessmentService } from '../assessment/assessment.service';
import { SatisfactionMessageController } from '../assessment/satisfaction.message.controller';
import { OfficerComplaintsHttpController } from '../officer-complaints/officer-complaints.http.controller';
import { OfficerComplaints } from '../officer-complaints/officer-complaints.service';
import { SubmitOfficerComplaintHttpController } from '../officer-complaints/submit-officer-complaint.http.controller';
import { TrainingHttpController } from '../training/training.http.controller';
import { TrainingRepository } from '../training/training.repository';
import { TrainingService } from '../training/training.service';
import { CertificationHttpController } from './certification/certification.http.controller';
import { CertificationService } from './certification/certification.service';

/** Officers' certification, training, complaints about officers, assessment and case analysis: what the module adds for them. */
export const ACCOUNTABILITY_CONTROLLERS: Type[] = [CertificationHttpController, TrainingHttpController, SubmitOfficerComplaintHttpController, OfficerComplaintsHttpController, AssessmentHttpController, SatisfactionMessageController, CaseAnalysisHttpController];
export const ACCOUNTABILITY_PROVIDERS: Provider[] = [accountabilitySettingsProvider, CertificationService, TrainingRepository, TrainingService, OfficerComplaints, AssessmentService, CaseAnalysisService];
