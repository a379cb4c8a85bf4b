import { v7 as uuidv7 } from 'uuid';
import type { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, REPORTER_LOCALES } from '@civicflow/contracts';
import { newTrackingCode } from './tracking-code';

export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export type ReporterLocale = (typeof REPORTER_LOCALES)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Coordinates, an address, or both; Open311 and mail often give only an address. */
export interface Location {
  lat?: number;
  lng?: number;
  address?: string;
}

/** Who reported, when they left anything; an anonymous complaint has no reporter. */
export interface Reporter {
  name?: string;
  email?: string;
  phone?: string;
  locale: ReporterLocale;
  /** The reporter asked that their name never be shown publicly. */
  hideName: boolean;
}

export interface NewComplaint {
  channel: ComplaintChannel;
  description: string;
  location: Location;
  reporter?: Reporter;
  category?: string;
  /** The hotline operator who recorded the call (account id). */
  recordedBy?: string;
}

export class InvalidComplaintError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidComplaintError';
  }
}

/** A complaint as received: the first step of the closed loop. */
export class Complaint {
  private constructor(
    readonly id: string,
    readonly trackingCode: string,
    readonly description: string,
    readonly location: Location,
    readonly reporter: Reporter | undefined,
    readonly category: string | null,
    readonly channel: ComplaintChannel,
    readonly recordedBy: string | null,
    readonly receivedAt: Date,
  ) {}

  readonly status: ComplaintStatus = 'received';

  static receive(input: NewComplaint, now: Date): Complaint {
    const description = input.description.trim();
    if (!description) throw new InvalidComplaintError('description', 'a complaint needs a description');
    const location = normaliseLocation(input.location);
    return new Complaint(
      uuidv7(),
      newTrackingCode(),
      description,
      location,
      input.reporter ? normaliseReporter(input.reporter) : undefined,
      input.category?.trim() || null,
      input.channel,
      input.recordedBy ?? null,
      now,
    );
  }

  /** The reporter can be written to: by e-mail or by SMS. */
  get reachable(): boolean {
    return Boolean(this.reporter?.email || this.reporter?.phone);
  }
}

function normaliseLocation(location: Location): Location {
  const address = location.address?.trim() || undefined;
  const hasLat = location.lat !== undefined;
  const hasLng = location.lng !== undefined;
  if (hasLat !== hasLng) throw new InvalidComplaintError('location', 'location needs both lat and lng, or neither');
  if (!hasLat && !address) throw new InvalidComplaintError('location', 'location needs coordinates (lat, lng) or an address');
  return hasLat ? { lat: location.lat, lng: location.lng, ...(address ? { address } : {}) } : { address };
}

function normaliseReporter(reporter: Reporter): Reporter | undefined {
  const name = reporter.name?.trim() || undefined;
  const email = reporter.email?.trim().toLowerCase() || undefined;
  const phone = reporter.phone?.trim() || undefined;
  if (!name && !email && !phone) return undefined;
  return { name, email, phone, locale: reporter.locale, hideName: reporter.hideName };
}
