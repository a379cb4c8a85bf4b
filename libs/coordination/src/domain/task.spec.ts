import { nextTaskState, type TaskAction, type TaskState, TaskStepRefused } from './task';

const accept: TaskAction = { kind: 'accept' };
const giveBack: TaskAction = { kind: 'return', reason: 'Not ours' };
const complete: TaskAction = { kind: 'complete', result: 'Pipe repaired' };

describe('nextTaskState', () => {
  it('takes an assigned task to accepted, then to completed', () => {
    expect(nextTaskState('assigned', accept)).toBe('accepted');
    expect(nextTaskState('accepted', complete)).toBe('completed');
  });

  it('lets a department return an assigned task', () => {
    expect(nextTaskState('assigned', giveBack)).toBe('returned');
  });

  it.each<[TaskState, TaskAction, string]>([
    ['accepted', accept, 'task_not_assigned'],
    ['accepted', giveBack, 'task_not_assigned'],
    ['returned', accept, 'task_not_assigned'],
    ['completed', giveBack, 'task_not_assigned'],
    ['assigned', complete, 'task_not_accepted'],
    ['returned', complete, 'task_not_accepted'],
    ['completed', complete, 'task_not_accepted'],
  ])('refuses from %s the step %j with %s', (state, action, code) => {
    expect(() => nextTaskState(state, action)).toThrow(expect.objectContaining({ code }));
    expect(() => nextTaskState(state, action)).toThrow(TaskStepRefused);
  });
});
