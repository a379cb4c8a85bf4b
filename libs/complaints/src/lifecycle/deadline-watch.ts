import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import { ComplaintEscalatedV1Event, ComplaintOverdueV1Event } from '@civicflow/contracts';
import { OutboxPublisher, PeriodicTask } from '@civicflow/messaging';
import type { ComplaintsConfig } from '../complaints.config';
import type { ComplaintStatus } from '../domain/complaint';
import { OPEN_STATUSES } from '../domain/lifecycle';
import { TimelineEntryEntity } from '../infrastructure/complaint.entity';

const BATCH = 200;

interface OverdueRow {
  id: string;
  tracking_code: string;
  status: ComplaintStatus;
  deadline_at: Date;
  handling_unit: string | null;
}

/**
 * Finds complaints past their deadline and not yet handled, marks them overdue once, and
 * escalates them to the supervisor (both as events, so notification tells the people
 * concerned). Replicas share the work: SKIP LOCKED hands each row to one of them.
 */
@Injectable()
export class DeadlineWatch extends PeriodicTask {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(CONFIG) private readonly config: ComplaintsConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.DEADLINE_SCAN_INTERVAL_SECONDS * 1000;
  }

  protected async runOnce(): Promise<void> {
    const flagged = await this.scan();
    if (flagged > 0) this.logger.warn(`${flagged} complaint(s) overdue, escalated to the supervisor`);
  }

  /** Flags every complaint overdue at `now`; returns how many. */
  async scan(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const flagged = await this.dataSource.transaction(async (manager) => {
        const rows: OverdueRow[] = await manager.query(
          `SELECT id, tracking_code, status, deadline_at, handling_unit FROM complaints.complaint
           WHERE overdue_at IS NULL AND deadline_at < $1 AND status = ANY($2)
           ORDER BY deadline_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [now, [...OPEN_STATUSES]],
        );
        for (const row of rows) {
          await manager.query(`UPDATE complaints.complaint SET overdue_at = $2, updated_at = $2 WHERE id = $1`, [row.id, now]);
          await manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId: row.id, type: 'overdue', at: now, detail: { deadlineAt: new Date(row.deadline_at).toISOString() } });
          const base = { complaintId: row.id, trackingCode: row.tracking_code, status: row.status, at: now.toISOString(), handlingUnit: row.handling_unit ?? 'unassigned' };
          const metadata = { correlationId: uuidv7() };
          await this.outbox.emit(manager, ComplaintOverdueV1Event, { ...base, deadlineAt: new Date(row.deadline_at).toISOString() }, metadata);
          await this.outbox.emit(manager, ComplaintEscalatedV1Event, { ...base, to: 'supervisor', reason: 'overdue' }, metadata);
        }
        return rows.length;
      });
      total += flagged;
      if (flagged < BATCH) return total;
    }
  }
}
