import { randomUUID } from 'node:crypto';
import type { TestHost } from '@civicflow/testing';

export interface StoredCase {
  officers: string[];
  department?: string;
  state?: string;
  category?: string;
  street?: string | null;
  source?: 'patrol' | 'complaint' | 'referral';
  sourceReference?: string | null;
  createdAt: string;
  registeredAt?: string;
  decision?: { at: string; outcome: string };
  servedAt?: string;
  closedAt?: string;
}

/**
 * Stores a case as the procedure would have left it, at dates in the past that the HTTP routes
 * (which take "now") cannot produce. Only the fields the assessment and the analysis read.
 */
export async function storeCase(host: TestHost, stored: StoredCase): Promise<string> {
  const id = randomUUID();
  const state = stored.state ?? (stored.closedAt ? 'closed' : stored.servedAt ? 'served' : stored.decision ? 'decided' : stored.registeredAt ? 'investigating' : 'registration_pending');
  const procedure = {
    state,
    procedure: 'general',
    partyKind: 'person',
    violationAt: stored.createdAt,
    seriousHarm: false,
    officerIds: stored.officers,
    createdAt: stored.createdAt,
    evidenceCount: 1,
    decisionExtensionDays: 0,
    paidFen: 0,
    ...(stored.registeredAt ? { registeredAt: stored.registeredAt } : {}),
    ...(stored.decision ? { decision: { ...stored.decision, major: false } } : {}),
    ...(stored.servedAt ? { servedAt: stored.servedAt, serviceMethod: 'in_person' } : {}),
    ...(stored.closedAt ? { closedAt: stored.closedAt } : {}),
  };
  await host.query(
    `INSERT INTO enforcement.enforcement_case (id, state, source, source_reference, category, street, description, location, party_id, procedure, created_by, created_at, updated_at, department)
     VALUES ($1, $2, $3, $4, $5, $6, 'Stored for a test.', NULL, NULL, $7, 'off-1', $8, $8, $9)`,
    [id, state, stored.source ?? 'patrol', stored.sourceReference ?? null, stored.category ?? 'street-vending', stored.street === undefined ? 'Nanjing East Road Subdistrict' : stored.street, JSON.stringify(procedure), stored.createdAt, stored.department ?? 'enforcement'],
  );
  for (const officer of stored.officers) await host.query(`INSERT INTO enforcement.case_officer (case_id, officer_id) VALUES ($1, $2)`, [id, officer]);
  return id;
}
