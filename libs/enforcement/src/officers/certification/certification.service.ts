import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EnforcementOfficerCertifiedV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { ACCOUNTABILITY_SETTINGS, type AccountabilitySettings, beijingDay, correlationId, invalid, periodOf, refused } from '../../assessment/accountability-settings';
import { TrainingRepository } from '../../training/training.repository';
import { certificatePeriod, hoursInPeriod, renewalVerdict } from '../../training/training-hours';
import { type CertifiedOfficer, OfficerRepository } from '../officer.repository';

export interface RenewalResult {
  officer: CertifiedOfficer;
  period: { from: string; to: string };
  trainingHours: number;
  requiredTrainingHours: number;
}

/**
 * Enters officers with their certificate and renews certificates. A renewal looks back on the
 * certificate period that ends and refuses (409 training_hours_insufficient) when the officer
 * attended fewer training hours in it than the configured minimum; the hours counted and the
 * minimum applied are kept with the renewal, so that an auditor can see what was required then.
 */
@Injectable()
export class CertificationService {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly officers: OfficerRepository,
    private readonly training: TrainingRepository,
    private readonly outbox: OutboxPublisher,
    @Inject(ACCOUNTABILITY_SETTINGS) private readonly settings: AccountabilitySettings,
  ) {}

  async create(input: { id: string; name: string; certificateNumber: string; validFrom?: string; validUntil: string; department?: string }, by: string): Promise<CertifiedOfficer> {
    const now = new Date();
    const validFrom = input.validFrom ?? beijingDay(now);
    if (input.validUntil < validFrom) throw invalid('invalid_request', 'certificateValidUntil: is before the certificate starts');
    await this.dataSource.transaction(async (manager) => {
      const taken = await this.officers.taken(manager, input.id, input.certificateNumber);
      if (taken.id) throw refused('officer_exists', `An officer with id ${input.id} is already in the directory`);
      if (taken.certificateNumber) throw refused('certificate_number_taken', `Certificate number ${input.certificateNumber} belongs to another officer`);
      await this.officers.insert(manager, { id: input.id, name: input.name, certificateNumber: input.certificateNumber, validFrom, validUntil: input.validUntil, createdAt: now, department: input.department ?? null });
      await this.outbox.emit(
        manager,
        EnforcementOfficerCertifiedV1Event,
        { officerId: input.id, certificateNumber: input.certificateNumber, validFrom, validUntil: input.validUntil, renewal: false, trainingHours: 0, requiredTrainingHours: 0, certifiedBy: by, at: now.toISOString() },
        { correlationId: correlationId() },
      );
    });
    return this.found(input.id);
  }

  async renew(officerId: string, input: { certificateNumber?: string; validUntil: string }, by: string): Promise<RenewalResult> {
    const now = new Date();
    const today = beijingDay(now);
    const required = this.settings.renewalMinTrainingHours;
    const result = await this.dataSource.transaction(async (manager) => {
      const officer = await this.officers.find(officerId, manager, true);
      if (!officer) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No officer ${officerId}` });
      if (input.validUntil <= officer.certificateValidUntil) throw refused('renewal_not_later', `validUntil must be after the current certificate's last day, ${officer.certificateValidUntil}`);
      if (input.validUntil <= today) throw invalid('invalid_request', 'validUntil: is not in the future');
      const number = input.certificateNumber ?? officer.certificateNumber;
      if (number !== officer.certificateNumber && (await this.officers.taken(manager, '', number, officer.id)).certificateNumber) {
        throw refused('certificate_number_taken', `Certificate number ${number} belongs to another officer`);
      }
      const period = certificatePeriod(officer.certificateValidFrom, officer.createdAt, today);
      const hours = hoursInPeriod(await this.training.attendances(officer.id, periodOf(period.from, period.to), manager), periodOf(period.from, period.to)).total;
      const verdict = renewalVerdict(hours, required);
      if (!verdict.allowed) {
        throw refused('training_hours_insufficient', `The officer attended ${hours} training hours from ${period.from} to ${period.to}; a renewal requires ${required} (${verdict.shortBy} missing)`);
      }
      // The renewed certificate runs on from the old one when renewed early, from today when it had lapsed.
      const validFrom = officer.certificateValidUntil >= today ? nextDay(officer.certificateValidUntil) : today;
      await manager.query(
        `INSERT INTO "enforcement".officer_certificate_renewal
           (id, officer_id, previous_certificate_number, previous_valid_until, certificate_number, valid_from, valid_until, period_from, period_to, training_hours, required_training_hours, renewed_by, renewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [uuidv7(), officer.id, officer.certificateNumber, officer.certificateValidUntil, number, validFrom, input.validUntil, period.from, period.to, hours, required, by, now],
      );
      await this.officers.updateCertificate(manager, officer.id, { number, validFrom, validUntil: input.validUntil });
      await this.outbox.emit(
        manager,
        EnforcementOfficerCertifiedV1Event,
        { officerId: officer.id, certificateNumber: number, validFrom, validUntil: input.validUntil, renewal: true, trainingHours: hours, requiredTrainingHours: required, certifiedBy: by, at: now.toISOString() },
        { correlationId: correlationId() },
      );
      return { period, trainingHours: hours, requiredTrainingHours: required };
    });
    return { officer: await this.found(officerId), ...result };
  }

  async found(id: string): Promise<CertifiedOfficer> {
    const officer = await this.officers.find(id);
    if (!officer) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No officer ${id}` });
    return officer;
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
