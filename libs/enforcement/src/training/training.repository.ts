import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Attendance, TrainingCategory } from './training-hours';

/** Training plans, courses, sessions and who attended them. */
@Injectable()
export class TrainingRepository {
  constructor(@InjectDataSource('enforcement') private readonly dataSource: DataSource) {}

  /** Every session the officer attended that started in [from, to), with its hours and category. */
  async attendances(officerId: string, period: { from: Date; to: Date }, manager: EntityManager = this.dataSource.manager): Promise<Attendance[]> {
    const rows: Array<{ starts_at: Date; hours: string; category: TrainingCategory }> = await manager.query(
      `SELECT s.starts_at, a.hours::text AS hours, c.category
         FROM "enforcement".training_attendance a
         JOIN "enforcement".training_session s ON s.id = a.session_id
         JOIN "enforcement".training_course c ON c.id = s.course_id
        WHERE a.officer_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3`,
      [officerId, period.from, period.to],
    );
    return rows.map((row) => ({ at: new Date(row.starts_at), hours: Number(row.hours), category: row.category }));
  }
}
