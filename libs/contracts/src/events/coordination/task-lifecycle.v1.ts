import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { TRACKING_CODE_PATTERN } from '../complaints/complaint-received.v1';

/**
 * The steps of a task that coordination routed to another department, on the task's stream.
 * No personal data and none of the reporter's words: the task is named by its id and its
 * complaint, staff by their account id. The department's result stays in coordination.
 */
export const COORDINATION_TASK_STATES = ['assigned', 'accepted', 'returned', 'completed'] as const;

const TOPIC = 'coordination.task.v1';
const StaffId = (description: string) => Type.String({ minLength: 1, maxLength: 200, description: `${description} (account id, not a name).` });

function taskSchema<P extends TProperties>(properties: P) {
  return Type.Object(
    {
      taskId: Uuid({ description: 'The task; also the subject and the Kafka key.' }),
      complaintId: Uuid({ description: 'The complaint the task came from.' }),
      trackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN, description: 'The tracking code of that complaint.' }),
      department: Type.String({ minLength: 1, maxLength: 100, description: 'The department the task is for (its code).' }),
      state: StringEnum(COORDINATION_TASK_STATES, { description: 'The state after this step.' }),
      at: DateTime({ description: 'When the step happened.' }),
      ...properties,
    },
    { additionalProperties: false },
  );
}

const base = {
  taskId: '0195c0d1-2e3f-7a4b-8c5d-6e7f8a9b0c1d',
  complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e',
  trackingCode: 'CF-7K3D-9QXA',
  department: 'water-affairs',
};

export const CoordinationTaskAssignedV1Schema = taskSchema({
  unknownDepartment: Type.Boolean({ description: 'True when the department code is not in the coordination directory: the task is kept, for a supervisor to check the routing.' }),
  category: Type.String({ minLength: 1, maxLength: 100, description: 'Sub class code of the complaint taxonomy.' }),
  handlingUnit: Type.String({ minLength: 1, maxLength: 100, description: 'The bureau unit that follows the task up.' }),
  deadlineAt: DateTime({ description: 'When handling is due.' }),
  assignedBy: StaffId('Who dispatched the complaint'),
});
export type CoordinationTaskAssignedV1 = Static<typeof CoordinationTaskAssignedV1Schema>;
export const CoordinationTaskAssignedV1Event = defineEvent({
  type: 'coordination.task.assigned.v1',
  topic: TOPIC,
  subjectField: 'taskId',
  schema: CoordinationTaskAssignedV1Schema,
  description: 'A complaint dispatched to another department became a task for that department, waiting for it to accept or return it.',
  examples: [
    {
      ...base,
      state: 'assigned',
      at: '2026-03-02T11:00:01+08:00',
      unknownDepartment: false,
      category: 'water-main-leak',
      handlingUnit: 'street-order-squad',
      deadlineAt: '2026-03-09T23:59:59.999+08:00',
      assignedBy: 'sup-7',
    },
  ],
});

export const CoordinationTaskAcceptedV1Schema = taskSchema({ acceptedBy: StaffId('The department agent who accepted it') });
export type CoordinationTaskAcceptedV1 = Static<typeof CoordinationTaskAcceptedV1Schema>;
export const CoordinationTaskAcceptedV1Event = defineEvent({
  type: 'coordination.task.accepted.v1',
  topic: TOPIC,
  subjectField: 'taskId',
  schema: CoordinationTaskAcceptedV1Schema,
  description: 'The department took the task on as its business.',
  examples: [{ ...base, state: 'accepted', at: '2026-03-02T14:00:00+08:00', acceptedBy: 'dept-water-3' }],
});

export const CoordinationTaskReturnedV1Schema = taskSchema({
  returnedBy: StaffId('The department agent who returned it'),
  reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why it is not the department’s business, for the bureau to route it again.' }),
});
export type CoordinationTaskReturnedV1 = Static<typeof CoordinationTaskReturnedV1Schema>;
export const CoordinationTaskReturnedV1Event = defineEvent({
  type: 'coordination.task.returned.v1',
  topic: TOPIC,
  subjectField: 'taskId',
  schema: CoordinationTaskReturnedV1Schema,
  description: 'The department returned the task as not its business; the bureau has to route the complaint again.',
  examples: [{ ...base, state: 'returned', at: '2026-03-02T14:00:00+08:00', returnedBy: 'dept-water-3', reason: 'The pipe belongs to the residential compound: the property manager is responsible.' }],
});

export const CoordinationTaskCompletedV1Schema = taskSchema({ completedBy: StaffId('The department agent who reported it done') });
export type CoordinationTaskCompletedV1 = Static<typeof CoordinationTaskCompletedV1Schema>;
export const CoordinationTaskCompletedV1Event = defineEvent({
  type: 'coordination.task.completed.v1',
  topic: TOPIC,
  subjectField: 'taskId',
  schema: CoordinationTaskCompletedV1Schema,
  description: 'The department reported the task done; its result text stays in coordination, readable by staff through the task.',
  examples: [{ ...base, state: 'completed', at: '2026-03-05T16:30:00+08:00', completedBy: 'dept-water-3' }],
});
