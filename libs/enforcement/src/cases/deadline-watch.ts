import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import {
  ENFORCEMENT_CASE_STATES,
  ENFORCEMENT_DEADLINES,
  type EnforcementCaseDeadlineOverdueV1,
  EnforcementCaseDeadlineOverdueV1Event,
  EnforcementCaseDeadlineOverdueV2Event,
  EnforcementCaseDeadlineWarningV1Event,
  EnforcementCaseDeadlineWarningV2Event,
} from '@civicflow/contracts';
import { OutboxPublisher, PeriodicTask } from '@civicflow/messaging';
import { caseDeadlines } from '../domain/deadlines';
import type { ProcedureCase } from '../domain/procedure';
import type { EnforcementConfig } from '../enforcement.config';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from './procedure-settings';

const BATCH = 200;
/** States in which no statutory timer runs. */
const AT_REST = ['registration_refused', 'closed', 'archived', 'suspended', 'terminated'];

/**
 * Sends each case deadline's warning (before it falls due) and its overdue alert (after) once:
 * the alert table's primary key is what makes it once, across scans and replicas. The party's own
 * windows (hearing request, statement) lapse without an alert: missing them is not a fault.
 */
@Injectable()
export class CaseDeadlineWatch extends PeriodicTask {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
    @Inject(CONFIG) private readonly config: EnforcementConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return (this.config.ENFORCEMENT_DEADLINE_SCAN_INTERVAL_SECONDS ?? 60) * 1000;
  }

  protected async runOnce(): Promise<void> {
    const sent = await this.scan();
    if (sent > 0) this.logger.log(`${sent} case deadline alert(s) sent`);
  }

  /** Sends the alerts due at `now`; returns how many. */
  async scan(now = new Date()): Promise<number> {
    let sent = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { count, last } = await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string; procedure: ProcedureCase }> = await manager.query(
          `SELECT id, procedure FROM "enforcement".enforcement_case
            WHERE id > $1 AND state <> ALL($2) ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [after, AT_REST],
        );
        let alerts = 0;
        for (const row of rows) {
          for (const deadline of caseDeadlines(row.procedure, { now, rules: this.settings.rules, calendar: this.settings.calendar })) {
            if (deadline.name === 'hearing_request' || deadline.name === 'statement') continue;
            const kind = deadline.status === 'overdue' ? 'overdue' : deadline.status === 'pending' && new Date(deadline.warnAt) <= now ? 'warning' : undefined;
            if (!kind) continue;
            const inserted: unknown[] = await manager.query(
              `INSERT INTO "enforcement".case_deadline_alert (case_id, deadline, kind, due_at, sent_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT DO NOTHING RETURNING case_id`,
              [row.id, deadline.name, kind, deadline.dueAt, now],
            );
            if (inserted.length === 0) continue;
            const data = { caseId: row.id, state: row.procedure.state, at: now.toISOString(), deadline: deadline.name, dueAt: deadline.dueAt };
            const metadata = { correlationId: uuidv7() };
            if (fitsV1(data)) await this.outbox.emit(manager, kind === 'overdue' ? EnforcementCaseDeadlineOverdueV1Event : EnforcementCaseDeadlineWarningV1Event, data, metadata);
            else await this.outbox.emit(manager, kind === 'overdue' ? EnforcementCaseDeadlineOverdueV2Event : EnforcementCaseDeadlineWarningV2Event, data, metadata);
            alerts += 1;
          }
        }
        return { count: alerts, last: rows.length === BATCH ? rows[BATCH - 1].id : undefined };
      });
      sent += count;
      if (!last) return sent;
      after = last;
    }
  }
}

/** v1 alerts stay as they were; what their closed enums cannot name (the rectification deadline, the rectifying state) goes out as v2. */
function fitsV1(data: { state: string; deadline: string }): data is EnforcementCaseDeadlineOverdueV1 {
  return (ENFORCEMENT_CASE_STATES as readonly string[]).includes(data.state) && (ENFORCEMENT_DEADLINES as readonly string[]).includes(data.deadline);
}
