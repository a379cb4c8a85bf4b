import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChannelKind } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';
import { defaultPreference, type Preference } from './preference';

interface PreferenceRow {
  recipient_key: string;
  channels: ChannelKind[];
  locale: Locale;
  quiet_start: string | null;
  quiet_end: string | null;
}

const fromRow = (row: PreferenceRow): Preference => ({
  recipientKey: row.recipient_key,
  channels: row.channels,
  language: row.locale,
  quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
});

@Injectable()
export class Preferences {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  /** The stored preference, or the default for a recipient who never chose. */
  /** The recipient's stored preference, or the default with the language they asked for elsewhere (`fallbackLanguage`). */
  async of(recipientKey: string, manager: EntityManager = this.dataSource.manager, fallbackLanguage?: Locale): Promise<Preference> {
    const [row]: PreferenceRow[] = await manager.query(
      `SELECT recipient_key, channels, locale, quiet_start, quiet_end FROM notification.preference WHERE recipient_key = $1`,
      [recipientKey],
    );
    if (row) return fromRow(row);
    const preference = defaultPreference(recipientKey);
    return fallbackLanguage ? { ...preference, language: fallbackLanguage } : preference;
  }

  async save(preference: Preference): Promise<Preference> {
    const [row]: PreferenceRow[] = await this.dataSource.query(
      `INSERT INTO notification.preference (recipient_key, channels, locale, quiet_start, quiet_end) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (recipient_key) DO UPDATE SET channels = EXCLUDED.channels, locale = EXCLUDED.locale, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, updated_at = now()
       RETURNING recipient_key, channels, locale, quiet_start, quiet_end`,
      [preference.recipientKey, preference.channels, preference.language, preference.quietHours?.start ?? null, preference.quietHours?.end ?? null],
    );
    return fromRow(row);
  }
}
