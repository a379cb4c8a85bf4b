import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChannelKind } from '../channels/notification-channel';
import type { DeliveryStatusResponse } from './delivery-status.dto';

interface DeliveryRow {
  id: string;
  source_event_id: string;
  source_event_type: string;
  about_kind: string;
  about_id: string;
  channel: ChannelKind;
  template: string;
  recipient_masked: string;
  status: string;
  mandatory: boolean;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  failed_at: Date | null;
}

const COLUMNS = `id, source_event_id, source_event_type, about_kind, about_id, channel, template, recipient_masked, status, mandatory, attempts, next_attempt_at, last_error, created_at, delivered_at, failed_at`;

const toResponse = (row: DeliveryRow): DeliveryStatusResponse => ({
  id: row.id,
  sourceEventId: row.source_event_id,
  sourceEventType: row.source_event_type,
  about: { kind: row.about_kind, id: row.about_id },
  channel: row.channel,
  template: row.template,
  recipient: row.recipient_masked,
  status: row.status,
  mandatory: row.mandatory,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'queued' ? new Date(row.next_attempt_at).toISOString() : null,
  lastError: row.last_error,
  createdAt: new Date(row.created_at).toISOString(),
  deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
  failedAt: row.failed_at ? new Date(row.failed_at).toISOString() : null,
});

@Injectable()
export class DeliveryStatus {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async find(id: string): Promise<DeliveryStatusResponse | undefined> {
    const [row]: DeliveryRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM notification.delivery WHERE id = $1`, [id]);
    return row ? toResponse(row) : undefined;
  }

  async forSourceEvent(sourceEventId: string): Promise<DeliveryStatusResponse[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM notification.delivery WHERE source_event_id = $1 ORDER BY created_at, id`, [sourceEventId]);
    return rows.map(toResponse);
  }
}
