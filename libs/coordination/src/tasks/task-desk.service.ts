import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, assertDepartmentAccess, departmentScope } from '@civicflow/auth';
import {
  CoordinationTaskAcceptedV1Event,
  CoordinationTaskCompletedV1Event,
  CoordinationTaskReturnedV1Event,
  type ComplaintDispatchedV1,
} from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { nextTaskState, type TaskAction, type TaskState, TaskStepRefused } from '../domain/task';

export type TaskLocation = ComplaintDispatchedV1['location'];

export interface Task {
  id: string;
  complaintId: string;
  trackingCode: string;
  department: string;
  unknownDepartment: boolean;
  state: TaskState;
  category: string;
  description: string;
  location: TaskLocation;
  deadlineAt: Date;
  handlingUnit: string;
  dispatchedBy: string;
  dispatchedAt: Date;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnReason: string | null;
  completedBy: string | null;
  completedAt: Date | null;
  result: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewTask {
  complaintId: string;
  trackingCode: string;
  department: string;
  category: string;
  description: string;
  location: TaskLocation;
  deadlineAt: string;
  handlingUnit: string;
  dispatchedBy: string;
  dispatchedAt: string;
}

interface TaskRow {
  id: string;
  complaint_id: string;
  tracking_code: string;
  department: string;
  unknown_department: boolean;
  state: TaskState;
  category: string;
  description: string;
  location: TaskLocation;
  deadline_at: Date;
  handling_unit: string;
  dispatched_by: string;
  dispatched_at: Date;
  accepted_by: string | null;
  accepted_at: Date | null;
  returned_by: string | null;
  returned_at: Date | null;
  return_reason: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  result: string | null;
  created_at: Date;
  updated_at: Date;
}

const TASK_COLUMNS = `id, complaint_id, tracking_code, department, unknown_department, state, category, description, location, deadline_at,
  handling_unit, dispatched_by, dispatched_at, accepted_by, accepted_at, returned_by, returned_at, return_reason,
  completed_by, completed_at, result, created_at, updated_at`;

function fromRow(row: TaskRow): Task {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    trackingCode: row.tracking_code,
    department: row.department,
    unknownDepartment: row.unknown_department,
    state: row.state,
    category: row.category,
    description: row.description,
    location: row.location,
    deadlineAt: new Date(row.deadline_at),
    handlingUnit: row.handling_unit,
    dispatchedBy: row.dispatched_by,
    dispatchedAt: new Date(row.dispatched_at),
    acceptedBy: row.accepted_by,
    acceptedAt: row.accepted_at && new Date(row.accepted_at),
    returnedBy: row.returned_by,
    returnedAt: row.returned_at && new Date(row.returned_at),
    returnReason: row.return_reason,
    completedBy: row.completed_by,
    completedAt: row.completed_at && new Date(row.completed_at),
    result: row.result,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export interface Step {
  readonly user: AuthenticatedUser;
  readonly correlationId: string;
}

/**
 * Keeps the tasks routed to other departments. Each step locks the task, asks the pure state
 * machine, stores the new state and stages its event in the outbox, all in one transaction.
 */
@Injectable()
export class TaskDesk {
  constructor(
    @InjectDataSource('coordination') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  /**
   * Creates the task for one dispatch inside the caller's transaction; null when that dispatch
   * already has its task (a second event about the same dispatch, which the inbox cannot tell apart).
   */
  async assignIn(manager: EntityManager, input: NewTask): Promise<Task | null> {
    const [known]: unknown[] = await manager.query(`SELECT 1 FROM "coordination".department WHERE code = $1`, [input.department]);
    const now = new Date();
    const rows: TaskRow[] = await manager.query(
      `INSERT INTO "coordination".task (id, complaint_id, tracking_code, department, unknown_department, state, category, description, location,
         deadline_at, handling_unit, dispatched_by, dispatched_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'assigned', $6, $7, $8, $9, $10, $11, $12, $13, $13)
       ON CONFLICT (complaint_id, dispatched_at) DO NOTHING
       RETURNING ${TASK_COLUMNS}`,
      [
        uuidv7(),
        input.complaintId,
        input.trackingCode,
        input.department,
        !known,
        input.category,
        input.description,
        JSON.stringify(input.location),
        input.deadlineAt,
        input.handlingUnit,
        input.dispatchedBy,
        input.dispatchedAt,
        now,
      ],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  /** The tasks the user may see, the most urgent first. */
  async list(user: AuthenticatedUser, filter: { state?: TaskState; limit: number }): Promise<Task[]> {
    const scope = departmentScope(user);
    if (scope.kind === 'none') throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: 'The token names no department whose tasks it may see' });
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (scope.kind === 'department') conditions.push(`department = $${parameters.push(scope.department)}`);
    if (filter.state) conditions.push(`state = $${parameters.push(filter.state)}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM "coordination".task ${where} ORDER BY deadline_at, id LIMIT $${parameters.push(filter.limit)}`,
      parameters,
    );
    return rows.map(fromRow);
  }

  async get(id: string, user: AuthenticatedUser): Promise<Task> {
    const rows: TaskRow[] = await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM "coordination".task WHERE id = $1`, [id]);
    if (rows.length === 0) throw notFound(id);
    const task = fromRow(rows[0]);
    assertDepartmentAccess(user, task.department);
    return task;
  }

  async step(id: string, action: TaskAction, step: Step): Promise<Task> {
    return this.dataSource.transaction(async (manager) => {
      const rows: TaskRow[] = await manager.query(`SELECT ${TASK_COLUMNS} FROM "coordination".task WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0) throw notFound(id);
      const task = fromRow(rows[0]);
      assertDepartmentAccess(step.user, task.department);
      let state: TaskState;
      try {
        state = nextTaskState(task.state, action);
      } catch (error) {
        if (error instanceof TaskStepRefused) throw new ConflictException({ statusCode: 409, code: error.code, message: error.message });
        throw error;
      }
      const now = new Date();
      await manager.query(
        `UPDATE "coordination".task SET state = $2, updated_at = $3,
           accepted_by = CASE WHEN $2 = 'accepted' THEN $4 ELSE accepted_by END,
           accepted_at = CASE WHEN $2 = 'accepted' THEN $3 ELSE accepted_at END,
           returned_by = CASE WHEN $2 = 'returned' THEN $4 ELSE returned_by END,
           returned_at = CASE WHEN $2 = 'returned' THEN $3 ELSE returned_at END,
           return_reason = CASE WHEN $2 = 'returned' THEN $5 ELSE return_reason END,
           completed_by = CASE WHEN $2 = 'completed' THEN $4 ELSE completed_by END,
           completed_at = CASE WHEN $2 = 'completed' THEN $3 ELSE completed_at END,
           result = CASE WHEN $2 = 'completed' THEN $6 ELSE result END
         WHERE id = $1`,
        [id, state, now, step.user.id, action.kind === 'return' ? action.reason : null, action.kind === 'complete' ? action.result : null],
      );
      const metadata = { correlationId: step.correlationId };
      const common = { taskId: task.id, complaintId: task.complaintId, trackingCode: task.trackingCode, department: task.department, at: now.toISOString() };
      if (action.kind === 'accept') await this.outbox.emit(manager, CoordinationTaskAcceptedV1Event, { ...common, state: 'accepted', acceptedBy: step.user.id }, metadata);
      if (action.kind === 'return') await this.outbox.emit(manager, CoordinationTaskReturnedV1Event, { ...common, state: 'returned', returnedBy: step.user.id, reason: action.reason }, metadata);
      if (action.kind === 'complete') await this.outbox.emit(manager, CoordinationTaskCompletedV1Event, { ...common, state: 'completed', completedBy: step.user.id }, metadata);
      // Read back rather than RETURNING: the drivers answer an UPDATE with [rows, count], not rows.
      const updated: TaskRow[] = await manager.query(`SELECT ${TASK_COLUMNS} FROM "coordination".task WHERE id = $1`, [id]);
      return fromRow(updated[0]);
    });
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'task_not_found', message: `no coordination task ${id}` });
}
