import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  type ComplaintReceivedV1,
  ComplaintReceivedV1Event,
  type ComplaintReceivedV2,
  ComplaintReceivedV2Event,
  type ReporterRegisteredV1,
  ReporterRegisteredV1Event,
  type ReporterRegisteredV2,
  ReporterRegisteredV2Event,
} from '@civicflow/contracts';
import { CONFIG } from '@civicflow/config';
import { WorkingCalendar } from '@civicflow/domain';
import { OutboxPublisher, type StagedEvent } from '@civicflow/messaging';
import type { ComplaintsConfig } from '../complaints.config';
import { Complaint, NewComplaint } from '../domain/complaint';
import { ComplaintEntity, TimelineEntryEntity } from '../infrastructure/complaint.entity';

export interface IntakeOptions {
  correlationId: string;
  /**
   * More writes that belong to the intake (media, a mail thread), in the same transaction:
   * if they fail, the complaint is not stored either, and the channel can answer so.
   * Returns how many media items it attached, for the received event.
   */
  within?: (manager: EntityManager, complaint: Complaint) => Promise<{ mediaCount?: number } | void>;
}

/**
 * The one way a complaint enters the service, whatever the channel: stores it and stages
 * its events in one transaction: the public `received` event (no contact details) and,
 * for a reachable reporter, the restricted reporter event that only notification reads.
 * Both versions of each event are published while v1 can express the complaint, so that
 * v1 subscribers keep working.
 */
@Injectable()
export class ComplaintIntake {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly calendar: WorkingCalendar,
    @Inject(CONFIG) private readonly config: Pick<ComplaintsConfig, 'RESPONSE_DEADLINE_WORKING_HOURS'>,
  ) {}

  async submit(input: NewComplaint, options: IntakeOptions): Promise<Complaint> {
    const complaint = Complaint.receive(input, new Date());
    await this.dataSource.transaction(async (manager) => {
      const { location, reporter } = complaint;
      await manager.insert(ComplaintEntity, {
        id: complaint.id,
        trackingCode: complaint.trackingCode,
        status: complaint.status,
        description: complaint.description,
        lat: location.lat ?? null,
        lng: location.lng ?? null,
        address: location.address ?? null,
        category: complaint.category,
        channel: complaint.channel,
        reporterName: reporter?.name ?? null,
        reporterEmail: reporter?.email ?? null,
        reporterPhone: reporter?.phone ?? null,
        reporterLocale: reporter?.locale ?? 'zh-CN',
        reporterHideName: reporter?.hideName ?? false,
        recordedBy: complaint.recordedBy,
        receivedAt: complaint.receivedAt,
        responseDueAt: this.calendar.addWorkingHours(complaint.receivedAt, this.config.RESPONSE_DEADLINE_WORKING_HOURS),
      });
      await manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId: complaint.id, type: 'received', at: complaint.receivedAt, detail: { channel: complaint.channel } });
      const mediaCount = (await options.within?.(manager, complaint))?.mediaCount ?? 0;
      if (mediaCount > 0) await manager.update(ComplaintEntity, { id: complaint.id }, { mediaCount });
      await this.stageEvents(manager, complaint, mediaCount, options.correlationId);
    });
    return complaint;
  }

  private async stageEvents(manager: EntityManager, complaint: Complaint, mediaCount: number, correlationId: string): Promise<void> {
    const events: StagedEvent[] = [];
    const { reporter, location } = complaint;
    if (reporter && complaint.reachable) {
      const contact = { complaintId: complaint.id, trackingCode: complaint.trackingCode, locale: reporter.locale };
      events.push({
        definition: ReporterRegisteredV2Event,
        data: {
          ...contact,
          channel: complaint.channel,
          ...(reporter.name ? { name: reporter.name } : {}),
          ...(reporter.email ? { email: reporter.email } : {}),
          ...(reporter.phone ? { phone: reporter.phone } : {}),
        } satisfies ReporterRegisteredV2,
      });
      if (reporter.name && reporter.email) {
        events.push({
          definition: ReporterRegisteredV1Event,
          data: { ...contact, name: reporter.name, email: reporter.email, ...(reporter.phone ? { phone: reporter.phone } : {}) } satisfies ReporterRegisteredV1,
        });
      }
    }
    const received = {
      complaintId: complaint.id,
      trackingCode: complaint.trackingCode,
      channel: complaint.channel,
      category: complaint.category,
      description: complaint.description,
      reporterAnonymous: !complaint.reachable,
      receivedAt: complaint.receivedAt.toISOString(),
    };
    const locationV2 = (location.lat !== undefined && location.lng !== undefined
      ? { lat: location.lat, lng: location.lng, ...(location.address ? { address: location.address } : {}) }
      : { address: location.address as string }) satisfies ComplaintReceivedV2['location'];
    events.push({ definition: ComplaintReceivedV2Event, data: { ...received, location: locationV2, mediaCount } satisfies ComplaintReceivedV2 });
    if ('lat' in locationV2) {
      events.push({ definition: ComplaintReceivedV1Event, data: { ...received, location: locationV2 } satisfies ComplaintReceivedV1 });
    }
    // One statement for all of them: intake is the service's hottest path.
    await this.outbox.emitAll(manager, events, { correlationId });
  }
}
