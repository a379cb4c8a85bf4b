import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedUser } from '@civicflow/auth';
import { EnforcementOfficerComplaintConcludedV1Event } from '@civicflow/contracts';
import { maskEmail, maskName, maskPhone } from '@civicflow/domain';
import { OutboxPublisher } from '@civicflow/messaging';
import { correlationId, invalid, refused } from '../assessment/accountability-settings';
import { caseScope, inScope, otherDepartment, scopedDepartment } from '../cases/case-scope';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from '../cases/procedure-settings';
import { OfficerRepository } from '../officers/officer.repository';
import { PartyVault } from '../parties/party-vault';
import type { ComplaintListQueryDto, ConcludeDto, OfficerComplaintFinding, OfficerComplaintStatus, SubmitOfficerComplaintDto } from './officer-complaint.request.dto';

interface ComplaintRow {
  id: string;
  officer_id: string;
  case_id: string | null;
  description: string;
  occurred_at: Date | null;
  complainant_name: string | null;
  complainant_phone: string | null;
  complainant_email: string | null;
  status: OfficerComplaintStatus;
  investigated_by: string | null;
  investigation_started_at: Date | null;
  finding: OfficerComplaintFinding | null;
  conclusion: string | null;
  concluded_by: string | null;
  concluded_at: Date | null;
  submitted_at: Date;
}

/** A complaint as staff see it: the complainant's contact masked, always (no role sees it whole over HTTP). */
export interface OfficerComplaintView {
  id: string;
  officerId: string;
  caseId: string | null;
  description: string;
  occurredAt: string | null;
  complainant: { name: string | null; phone: string | null; email: string | null } | null;
  status: OfficerComplaintStatus;
  investigatedBy: string | null;
  investigationStartedAt: string | null;
  finding: OfficerComplaintFinding | null;
  conclusion: string | null;
  concludedBy: string | null;
  concludedAt: string | null;
  submittedAt: string;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The complainant's contact is sealed at rest like a party's (ADR 0008) and opened here only to be masked. */
function view(row: ComplaintRow, vault: PartyVault): OfficerComplaintView {
  const opened = { name: vault.openOrNull(row.complainant_name), phone: vault.openOrNull(row.complainant_phone), email: vault.openOrNull(row.complainant_email) };
  const anyContact = opened.name ?? opened.phone ?? opened.email;
  return {
    id: row.id,
    officerId: row.officer_id,
    caseId: row.case_id,
    description: row.description,
    occurredAt: iso(row.occurred_at),
    complainant: anyContact
      ? {
          name: opened.name ? maskName(opened.name) : null,
          phone: opened.phone ? maskPhone(opened.phone) : null,
          email: opened.email ? maskEmail(opened.email) : null,
        }
      : null,
    status: row.status,
    investigatedBy: row.investigated_by,
    investigationStartedAt: iso(row.investigation_started_at),
    finding: row.finding,
    conclusion: row.conclusion,
    concludedBy: row.concluded_by,
    concludedAt: iso(row.concluded_at),
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}

/**
 * Complaints from the public about officers: submitted → investigating → concluded
 * (substantiated or not) by a supervisor who is not the officer complained about. A substantiated
 * complaint counts against the officer in the assessment of the period it was concluded in.
 */
@Injectable()
export class OfficerComplaints {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly officers: OfficerRepository,
    private readonly outbox: OutboxPublisher,
    private readonly vault: PartyVault,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
  ) {}

  /** A brigade's supervisor oversees complaints about their own brigade's officers; admins and auditors all. */
  private async assertOversees(manager: EntityManager, row: ComplaintRow, user: AuthenticatedUser): Promise<void> {
    const [officer]: Array<{ department: string | null }> = await manager.query(`SELECT department FROM "enforcement".officer WHERE id = $1`, [row.officer_id]);
    const department = officer?.department ?? this.settings.defaultDepartment;
    if (!inScope(caseScope(user, this.settings.defaultDepartment), department)) throw otherDepartment(`the complaint about officer ${row.officer_id}`, department);
  }

  async submit(input: SubmitOfficerComplaintDto): Promise<{ id: string; status: OfficerComplaintStatus; submittedAt: string }> {
    const officer = input.officerId ? await this.officers.find(input.officerId) : await this.officers.findByCertificateNumber(String(input.certificateNumber));
    // One message for both: the public route must not tell which officer ids exist.
    if (!officer || (input.officerId && input.certificateNumber && officer.certificateNumber !== input.certificateNumber)) {
      throw invalid('unknown_officer', 'No officer holds this certificate number; check the number on the certificate shown to you');
    }
    const now = new Date();
    if (input.occurredAt && new Date(input.occurredAt) > now) throw invalid('invalid_request', 'occurredAt: is in the future');
    if (input.caseId) {
      const [known] = await this.dataSource.query(`SELECT 1 FROM "enforcement".enforcement_case WHERE id = $1`, [input.caseId]);
      if (!known) throw invalid('unknown_case', 'caseId: no such case');
    }
    const id = uuidv7();
    await this.dataSource.query(
      `INSERT INTO "enforcement".officer_complaint (id, officer_id, case_id, description, occurred_at, complainant_name, complainant_phone, complainant_email, status, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9)`,
      [
        id,
        officer.id,
        input.caseId ?? null,
        input.description.trim(),
        input.occurredAt ? new Date(input.occurredAt) : null,
        this.vault.sealOrNull(input.complainant?.name?.trim()),
        this.vault.sealOrNull(input.complainant?.phone?.trim()),
        this.vault.sealOrNull(input.complainant?.email?.trim()),
        now,
      ],
    );
    return { id, status: 'submitted', submittedAt: now.toISOString() };
  }

  async list(query: ComplaintListQueryDto, user: AuthenticatedUser): Promise<OfficerComplaintView[]> {
    const rows: ComplaintRow[] = await this.dataSource.query(
      `SELECT c.* FROM "enforcement".officer_complaint c JOIN "enforcement".officer o ON o.id = c.officer_id
        WHERE ($1::text IS NULL OR c.status = $1) AND ($2::text IS NULL OR c.officer_id = $2) AND ($4::text IS NULL OR coalesce(o.department, $5) = $4)
        ORDER BY c.submitted_at DESC LIMIT $3`,
      [query.status ?? null, query.officerId ?? null, query.limit ?? 50, scopedDepartment(caseScope(user, this.settings.defaultDepartment)), this.settings.defaultDepartment],
    );
    return rows.map((row) => view(row, this.vault));
  }

  async get(id: string, user: AuthenticatedUser): Promise<OfficerComplaintView> {
    const row = await this.row(id);
    await this.assertOversees(this.dataSource.manager, row, user);
    return view(row, this.vault);
  }

  async startInvestigation(id: string, note: string | undefined, user: AuthenticatedUser): Promise<OfficerComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(id, manager, true);
      await this.assertOversees(manager, row, user);
      if (row.officer_id === user.id) throw refused('conflict_of_interest', 'An officer cannot investigate a complaint about themselves');
      if (row.status !== 'submitted') throw refused('invalid_transition', `The complaint is ${row.status}; only a submitted one can be taken into investigation`);
      await manager.query(`UPDATE "enforcement".officer_complaint SET status = 'investigating', investigated_by = $2, investigation_started_at = $3, conclusion = $4 WHERE id = $1`, [
        id,
        user.id,
        new Date(),
        note ?? null,
      ]);
    });
    return this.get(id, user);
  }

  async conclude(id: string, input: ConcludeDto, user: AuthenticatedUser): Promise<OfficerComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(id, manager, true);
      await this.assertOversees(manager, row, user);
      if (row.officer_id === user.id) throw refused('conflict_of_interest', 'An officer cannot conclude a complaint about themselves');
      if (row.status !== 'investigating') throw refused(row.status === 'concluded' ? 'already_concluded' : 'not_investigated', `The complaint is ${row.status}; it is concluded after an investigation`);
      const now = new Date();
      await manager.query(`UPDATE "enforcement".officer_complaint SET status = 'concluded', finding = $2, conclusion = $3, concluded_by = $4, concluded_at = $5 WHERE id = $1`, [
        id,
        input.finding,
        input.conclusion.trim(),
        user.id,
        now,
      ]);
      await this.outbox.emit(
        manager,
        EnforcementOfficerComplaintConcludedV1Event,
        { officerId: row.officer_id, complaintId: id, finding: input.finding, caseId: row.case_id, concludedBy: user.id, at: now.toISOString() },
        { correlationId: correlationId() },
      );
    });
    return this.get(id, user);
  }

  private async row(id: string, manager = this.dataSource.manager, lock = false): Promise<ComplaintRow> {
    const [row]: ComplaintRow[] = await manager.query(`SELECT * FROM "enforcement".officer_complaint WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No complaint ${id}` });
    return row;
  }
}
