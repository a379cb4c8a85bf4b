/** A task coordination routed to another department; it comes from a complaint dispatched there. */
export const TASK_STATES = ['assigned', 'accepted', 'returned', 'completed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export type TaskAction = { kind: 'accept' } | { kind: 'return'; reason: string } | { kind: 'complete'; result: string };

/** A step the state machine refuses; `code` names the reason for the 409 answer. */
export class TaskStepRefused extends Error {
  constructor(
    readonly code: 'task_not_assigned' | 'task_not_accepted',
    message: string,
  ) {
    super(message);
  }
}

/**
 * assigned → accepted → completed, or assigned → returned. A department returns work only
 * before it takes it on: once accepted, the task is its business until done.
 */
export function nextTaskState(current: TaskState, action: TaskAction): TaskState {
  switch (action.kind) {
    case 'accept':
    case 'return':
      if (current !== 'assigned') throw new TaskStepRefused('task_not_assigned', `Only an assigned task can be ${action.kind === 'accept' ? 'accepted' : 'returned'}; this one is ${current}`);
      return action.kind === 'accept' ? 'accepted' : 'returned';
    case 'complete':
      if (current !== 'accepted') throw new TaskStepRefused('task_not_accepted', `Only an accepted task can be completed; this one is ${current}`);
      return 'completed';
  }
}
