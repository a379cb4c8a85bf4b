import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, FindOptionsWhere, In, Not } from 'typeorm';
import { FINISHED_STATUSES } from '../domain/lifecycle';
import { ComplaintEntity, TimelineEntryEntity } from '../infrastructure/complaint.entity';
import type { ServiceRequestQuery } from './service-request.query';
import type { ServiceRequestSource } from './service-request.view';

/** The timeline entry that holds a media link an Open311 client sent (the file itself is not fetched). */
export const MEDIA_LINK_ENTRY = 'media.linked';

export interface ServiceRequestRecord {
  source: ServiceRequestSource;
  mediaUrl: string | null;
}

const SOURCE_COLUMNS = {
  id: true,
  trackingCode: true,
  status: true,
  category: true,
  description: true,
  reply: true,
  rejectionReason: true,
  handlingUnit: true,
  receivedAt: true,
  updatedAt: true,
  deadlineAt: true,
  address: true,
  lat: true,
  lng: true,
  channel: true,
  reporterName: true,
  reporterEmail: true,
  reporterPhone: true,
} as const;

/** Complaints of every channel as GeoReport service requests: newest first, a page at a time. */
@Injectable()
export class ServiceRequestsReader {
  constructor(@InjectDataSource('complaints') private readonly dataSource: DataSource) {}

  async find(query: ServiceRequestQuery): Promise<ServiceRequestRecord[]> {
    const complaints = this.dataSource.getRepository(ComplaintEntity);
    const rows =
      query.kind === 'ids'
        ? await complaints.find({ select: SOURCE_COLUMNS, where: { trackingCode: In(query.trackingCodes) }, order: { receivedAt: 'DESC', id: 'DESC' } })
        : await complaints.find({
            select: SOURCE_COLUMNS,
            where: searchConditions(query),
            order: { receivedAt: 'DESC', id: 'DESC' },
            skip: (query.page - 1) * query.pageSize,
            take: query.pageSize,
          });
    return this.withMediaLinks(rows);
  }

  async findOne(trackingCode: string): Promise<ServiceRequestRecord | undefined> {
    const row = await this.dataSource.getRepository(ComplaintEntity).findOne({ select: SOURCE_COLUMNS, where: { trackingCode } });
    return row ? (await this.withMediaLinks([row]))[0] : undefined;
  }

  async exists(trackingCode: string): Promise<boolean> {
    return this.dataSource.getRepository(ComplaintEntity).existsBy({ trackingCode });
  }

  /** One query for the page's first media links, rather than one a complaint. */
  private async withMediaLinks(rows: ComplaintEntity[]): Promise<ServiceRequestRecord[]> {
    if (rows.length === 0) return [];
    const links = await this.dataSource.getRepository(TimelineEntryEntity).find({
      select: { complaintId: true, detail: true },
      where: { complaintId: In(rows.map((row) => row.id)), type: MEDIA_LINK_ENTRY },
      order: { at: 'ASC', id: 'ASC' },
    });
    const firstLink = new Map<string, string>();
    for (const link of links) {
      const url = link.detail?.['url'];
      if (url && !firstLink.has(link.complaintId)) firstLink.set(link.complaintId, url);
    }
    return rows.map((row) => ({ source: row, mediaUrl: firstLink.get(row.id) ?? null }));
  }
}

function searchConditions(query: Extract<ServiceRequestQuery, { kind: 'search' }>): FindOptionsWhere<ComplaintEntity> {
  return {
    receivedAt: Between(query.from, query.to),
    ...(query.serviceCodes ? { category: In(query.serviceCodes) } : {}),
    ...(query.status === 'closed' ? { status: In([...FINISHED_STATUSES]) } : {}),
    ...(query.status === 'open' ? { status: Not(In([...FINISHED_STATUSES])) } : {}),
  };
}
