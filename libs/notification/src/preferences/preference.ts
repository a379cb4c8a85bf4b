import type { Locale } from '../mail/mail-layout';
import type { ChannelKind } from '../channels/notification-channel';
import type { QuietHours } from './quiet-hours';

export interface Preference {
  recipientKey: string;
  /** Channels the recipient accepts, most wanted first; empty means opted out of everything the law does not require. */
  channels: ChannelKind[];
  language: Locale;
  quietHours: QuietHours | null;
}

/** What a recipient who never chose gets: every channel they can be reached on, in Chinese, at any hour. */
export const DEFAULT_CHANNEL_ORDER: readonly ChannelKind[] = ['in-app', 'email', 'sms', 'webhook'];

export function defaultPreference(recipientKey: string): Preference {
  return { recipientKey, channels: [...DEFAULT_CHANNEL_ORDER], language: 'zh-CN', quietHours: null };
}

/** A signed-in user's recipient key; other recipients (reporters by complaint, departments) get keys of their own kind. */
export const userRecipientKey = (userId: string) => `user:${userId}`;
