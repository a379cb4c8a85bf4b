import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import type { ComplaintsConfig } from '../complaints.config';
import type { Complaint } from '../domain/complaint';
import { boundingBox, distanceMetres } from './geo';

export interface DuplicateCandidate {
  trackingCode: string;
  status: string;
  category: string;
  distanceMetres: number;
  receivedAt: string;
}

const MAX_SUGGESTIONS = 5;

/**
 * Open complaints of the same category near a point, received within the window: what a
 * reporter (or an operator) is shown before a second complaint about the same problem is
 * filed. Uses the partial index complaint_duplicate_candidates.
 */
@Injectable()
export class DuplicateFinder {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  /** What to show whoever just filed `complaint`; nothing without a category and coordinates. */
  async forNewComplaint(complaint: Complaint): Promise<DuplicateCandidate[]> {
    const { lat, lng } = complaint.location;
    if (!complaint.category || lat === undefined || lng === undefined) return [];
    return this.near({ category: complaint.category, lat, lng, excludeId: complaint.id });
  }

  async near(point: { category: string; lat: number; lng: number; excludeId?: string }, now = new Date()): Promise<DuplicateCandidate[]> {
    const radius = this.config.DUPLICATE_RADIUS_METRES;
    const box = boundingBox(point, radius);
    const since = new Date(now.getTime() - this.config.DUPLICATE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
    const rows: Array<{ id: string; tracking_code: string; status: string; category: string; lat: number; lng: number; received_at: Date }> = await this.dataSource.query(
      `SELECT id, tracking_code, status, category, lat, lng, received_at FROM complaints.complaint
       WHERE category = $1 AND lat BETWEEN $2 AND $3 AND lng BETWEEN $4 AND $5 AND received_at >= $6
         AND duplicate_of IS NULL AND lat IS NOT NULL AND status NOT IN ('rejected', 'closed', 'evaluated')
       LIMIT 200`,
      [point.category, box.minLat, box.maxLat, box.minLng, box.maxLng, since],
    );
    return rows
      .filter((row) => row.id !== point.excludeId)
      .map((row) => ({ row, distance: distanceMetres(point, { lat: Number(row.lat), lng: Number(row.lng) }) }))
      .filter(({ distance }) => distance <= radius)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, MAX_SUGGESTIONS)
      .map(({ row, distance }) => ({
        trackingCode: row.tracking_code,
        status: row.status,
        category: row.category,
        distanceMetres: Math.round(distance),
        receivedAt: new Date(row.received_at).toISOString(),
      }));
  }
}
