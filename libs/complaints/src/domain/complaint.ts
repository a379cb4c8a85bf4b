import { v7 as uuidv7 } from 'uuid';
import { newTrackingCode } from './tracking-code';

export type ComplaintChannel = 'web' | 'open311' | 'hotline' | 'email';
export type ReporterLocale = 'zh-CN' | 'en';
export type ComplaintStatus = 'received';

/** Kinds of entries on a complaint's public timeline. */
export type TimelineEntryType = 'received' | 'acknowledgement.delivered' | 'acknowledgement.failed';

export interface Location {
  lat: number;
  lng: number;
  address?: string;
}

export interface Reporter {
  name: string;
  email: string;
  phone?: string;
  locale: ReporterLocale;
}

export interface TimelineEntry {
  type: TimelineEntryType;
  at: Date;
  detail?: Record<string, string>;
}

export interface NewComplaint {
  description: string;
  location: Location;
  reporter: Reporter;
  category?: string;
  channel: ComplaintChannel;
}

/** A complaint as received: the start of the closed loop that later issues extend. */
export class Complaint {
  private constructor(
    readonly id: string,
    readonly trackingCode: string,
    readonly status: ComplaintStatus,
    readonly description: string,
    readonly location: Location,
    readonly reporter: Reporter,
    readonly category: string | null,
    readonly channel: ComplaintChannel,
    readonly receivedAt: Date,
    readonly timeline: readonly TimelineEntry[],
  ) {}

  static receive(input: NewComplaint, now: Date): Complaint {
    const description = input.description.trim();
    if (!description) throw new RangeError('a complaint needs a description');
    return new Complaint(
      uuidv7(),
      newTrackingCode(),
      'received',
      description,
      { ...input.location, address: input.location.address?.trim() || undefined },
      { ...input.reporter, name: input.reporter.name.trim(), email: input.reporter.email.trim().toLowerCase() },
      input.category?.trim() || null,
      input.channel,
      now,
      [{ type: 'received', at: now }],
    );
  }
}
