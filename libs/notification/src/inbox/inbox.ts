import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const INBOX_PAGE_SIZE = 100;

interface InboxRow {
  id: string;
  template: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

export interface InboxItem {
  id: string;
  template: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

@Injectable()
export class Inbox {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  /** The user's latest messages, newest first, and how many of all theirs are unread. */
  async of(userId: string): Promise<{ items: InboxItem[]; unreadCount: number }> {
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT id, template, subject, body, created_at, read_at FROM notification.inbox_message WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT ${INBOX_PAGE_SIZE}`,
      [userId],
    );
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification.inbox_message WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        template: row.template,
        subject: row.subject,
        body: row.body,
        createdAt: new Date(row.created_at).toISOString(),
        readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
      })),
      unreadCount: Number(count),
    };
  }

  /** Marks the user's own message read (reading twice keeps the first time); false when they have no such message. */
  async markRead(userId: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH changed AS (UPDATE notification.inbox_message SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id) SELECT * FROM changed`,
      [messageId, userId],
    );
    return rows.length > 0;
  }
}
