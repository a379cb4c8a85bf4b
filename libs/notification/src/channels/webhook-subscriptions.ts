import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

export interface WebhookSubscription {
  id: string;
  department: string;
  url: string;
  active: boolean;
  createdAt: string;
}

interface SubscriptionRow {
  id: string;
  department: string;
  url: string;
  active: boolean;
  created_at: Date;
}

const toSubscription = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  department: row.department,
  url: row.url,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Departments' endpoints. The secret is kept in clear because signing needs it; it is
 * shown once, when the subscription is created, and never listed.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async create(department: string, url: string): Promise<WebhookSubscription & { secret: string }> {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [row]: SubscriptionRow[] = await this.dataSource.query(
      `INSERT INTO notification.webhook_subscription (id, department, url, secret) VALUES ($1, $2, $3, $4) RETURNING id, department, url, active, created_at`,
      [uuidv7(), department, url, secret],
    );
    return { ...toSubscription(row), secret };
  }

  async list(): Promise<WebhookSubscription[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(`SELECT id, department, url, active, created_at FROM notification.webhook_subscription ORDER BY created_at, id`);
    return rows.map(toSubscription);
  }

  /** A disabled subscription makes its pending deliveries fail for good. */
  async disable(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH changed AS (UPDATE notification.webhook_subscription SET active = false WHERE id = $1 RETURNING id) SELECT * FROM changed`,
      [id],
    );
    return rows.length > 0;
  }
}
