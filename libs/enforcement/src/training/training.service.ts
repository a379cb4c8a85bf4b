import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { invalid, periodOf, refused } from '../assessment/accountability-settings';
import { OfficerRepository } from '../officers/officer.repository';
import type { AttendanceDto, CreateCourseDto, CreatePlanDto, CreateSessionDto } from './training.request.dto';
import { hoursInPeriod, type HoursSummary } from './training-hours';
import { TrainingRepository } from './training.repository';

const notFound = (what: string, id: string) => new NotFoundException({ statusCode: 404, code: 'not_found', message: `No ${what} ${id}` });

/** Training plans, courses, sessions and attendance; hours are credited per session attended. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly training: TrainingRepository,
    private readonly officers: OfficerRepository,
  ) {}

  async createPlan(input: CreatePlanDto, by: string) {
    if (input.periodTo < input.periodFrom) throw invalid('invalid_request', 'periodTo: is before periodFrom');
    const id = uuidv7();
    const now = new Date();
    await this.dataSource.query(`INSERT INTO "enforcement".training_plan (id, title, period_from, period_to, description, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      input.title.trim(),
      input.periodFrom,
      input.periodTo,
      input.description ?? null,
      by,
      now,
    ]);
    return { id, title: input.title.trim(), periodFrom: input.periodFrom, periodTo: input.periodTo, description: input.description ?? null, createdBy: by, createdAt: now.toISOString() };
  }

  async plans() {
    const rows: Array<{ id: string; title: string; period_from: string; period_to: string; description: string | null; courses: string }> = await this.dataSource.query(
      `SELECT p.id, p.title, p.period_from::text AS period_from, p.period_to::text AS period_to, p.description,
              (SELECT count(*) FROM "enforcement".training_course c WHERE c.plan_id = p.id)::text AS courses
         FROM "enforcement".training_plan p ORDER BY p.period_from DESC, p.created_at DESC LIMIT 200`,
    );
    return rows.map((row) => ({ id: row.id, title: row.title, periodFrom: row.period_from, periodTo: row.period_to, description: row.description, courses: Number(row.courses) }));
  }

  async createCourse(input: CreateCourseDto, by: string) {
    if (input.planId) {
      const [plan] = await this.dataSource.query(`SELECT id FROM "enforcement".training_plan WHERE id = $1`, [input.planId]);
      if (!plan) throw invalid('unknown_plan', `planId: no training plan ${input.planId}`);
    }
    const id = uuidv7();
    await this.dataSource.query(`INSERT INTO "enforcement".training_course (id, plan_id, title, category, hours, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      input.planId ?? null,
      input.title.trim(),
      input.category,
      input.hours,
      by,
      new Date(),
    ]);
    return { id, planId: input.planId ?? null, title: input.title.trim(), category: input.category, hours: input.hours };
  }

  async createSession(input: CreateSessionDto, by: string) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw invalid('invalid_request', 'endsAt: is not after startsAt');
    const [course]: Array<{ hours: string }> = await this.dataSource.query(`SELECT hours::text AS hours FROM "enforcement".training_course WHERE id = $1`, [input.courseId]);
    if (!course) throw invalid('unknown_course', `courseId: no training course ${input.courseId}`);
    const hours = input.hours ?? Number(course.hours);
    const lasts = (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
    if (hours > lasts + 1e-9) throw invalid('invalid_request', `hours: ${hours} is more than the session lasts (${Math.round(lasts * 10) / 10} h)`);
    const id = uuidv7();
    await this.dataSource.query(`INSERT INTO "enforcement".training_session (id, course_id, starts_at, ends_at, place, hours, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      id,
      input.courseId,
      startsAt,
      endsAt,
      input.place ?? null,
      hours,
      by,
      new Date(),
    ]);
    return { id, courseId: input.courseId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: input.place ?? null, hours };
  }

  /** Records who attended; an officer already recorded for the session keeps the first record. */
  async recordAttendance(sessionId: string, input: AttendanceDto, by: string) {
    return this.dataSource.transaction(async (manager) => {
      const [session]: Array<{ starts_at: Date; hours: string }> = await manager.query(`SELECT starts_at, hours::text AS hours FROM "enforcement".training_session WHERE id = $1`, [sessionId]);
      if (!session) throw notFound('training session', sessionId);
      if (new Date(session.starts_at) > new Date()) throw refused('session_not_held', 'Attendance is recorded once the session has started');
      const hours = input.hours ?? Number(session.hours);
      if (hours > Number(session.hours)) throw invalid('invalid_request', `hours: more than the session's ${session.hours}`);
      const known = await this.officers.certificates(manager, input.officerIds);
      const unknown = input.officerIds.filter((id) => !known.some((officer) => officer.id === id));
      if (unknown.length > 0) throw invalid('unknown_officer', `officerIds: ${unknown.join(', ')} not in the officer directory`);
      const inserted: Array<{ officer_id: string }> = await manager.query(
        `INSERT INTO "enforcement".training_attendance (session_id, officer_id, hours, recorded_by, recorded_at)
         SELECT $1, officer_id, $3, $4, $5 FROM unnest($2::text[]) AS officer_id
         ON CONFLICT (session_id, officer_id) DO NOTHING
         RETURNING officer_id`,
        [sessionId, input.officerIds, hours, by, new Date()],
      );
      const recorded = inserted.map((row) => row.officer_id);
      return { sessionId, hours, recorded, alreadyRecorded: input.officerIds.filter((id) => !recorded.includes(id)) };
    });
  }

  async hours(officerId: string, from: string, to: string): Promise<HoursSummary & { officerId: string; from: string; to: string }> {
    if (!(await this.officers.find(officerId))) throw notFound('officer', officerId);
    const period = periodOf(from, to);
    return { officerId, from, to, ...hoursInPeriod(await this.training.attendances(officerId, period), period) };
  }
}
