import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintReceivedV1Event, ReporterRegisteredV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { Complaint, NewComplaint } from '../../domain/complaint';
import { ComplaintEntity, TimelineEntryEntity } from '../../infrastructure/complaint.entity';

/**
 * Stores the complaint and stages its two events in one transaction: the public
 * `received` event (no contact details) and the restricted reporter event that only the
 * notification service may read.
 */
@Injectable()
export class SubmitComplaintService {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async submit(input: NewComplaint, correlationId: string): Promise<Complaint> {
    const complaint = Complaint.receive(input, new Date());
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ComplaintEntity, {
        id: complaint.id,
        trackingCode: complaint.trackingCode,
        status: complaint.status,
        description: complaint.description,
        lat: complaint.location.lat,
        lng: complaint.location.lng,
        address: complaint.location.address ?? null,
        category: complaint.category,
        channel: complaint.channel,
        reporterName: complaint.reporter.name,
        reporterEmail: complaint.reporter.email,
        reporterPhone: complaint.reporter.phone ?? null,
        reporterLocale: complaint.reporter.locale,
        receivedAt: complaint.receivedAt,
      });
      await manager.insert(
        TimelineEntryEntity,
        complaint.timeline.map((entry) => ({ id: uuidv7(), complaintId: complaint.id, type: entry.type, at: entry.at, detail: entry.detail ?? null })),
      );
      const metadata = { correlationId };
      await this.outbox.emit(
        manager,
        ReporterRegisteredV1Event,
        {
          complaintId: complaint.id,
          trackingCode: complaint.trackingCode,
          name: complaint.reporter.name,
          email: complaint.reporter.email,
          ...(complaint.reporter.phone ? { phone: complaint.reporter.phone } : {}),
          locale: complaint.reporter.locale,
        },
        metadata,
      );
      await this.outbox.emit(
        manager,
        ComplaintReceivedV1Event,
        {
          complaintId: complaint.id,
          trackingCode: complaint.trackingCode,
          channel: complaint.channel,
          category: complaint.category,
          description: complaint.description,
          location: complaint.location.address ? complaint.location : { lat: complaint.location.lat, lng: complaint.location.lng },
          reporterAnonymous: false,
          receivedAt: complaint.receivedAt.toISOString(),
        },
        metadata,
      );
    });
    return complaint;
  }
}
