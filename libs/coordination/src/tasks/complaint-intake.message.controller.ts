import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ComplaintDispatchedV1, ComplaintDispatchedV1Event, CoordinationTaskAssignedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { TaskDesk } from './task-desk.service';

/**
 * Assigns a task to the department that triage sent a complaint to. Once per dispatch: the inbox
 * drops a redelivered event, and the unique (complaint_id, dispatched_at) index a second event
 * about the same dispatch. Other targets belong to the bureau's units or to enforcement.
 */
@Controller()
export class ComplaintIntakeMessageController {
  private readonly logger = new Logger(ComplaintIntakeMessageController.name);

  constructor(private readonly desk: TaskDesk) {}

  @OnEvent('coordination.complaint-intake', ComplaintDispatchedV1Event)
  async dispatched(@Payload() event: CloudEvent<ComplaintDispatchedV1>, @Ctx() context: EventContext): Promise<void> {
    const complaint = event.data;
    const { kind, department, handlingUnit } = complaint.target;
    if (kind !== 'department') return;
    // The schema leaves the department optional; a dispatch without one is still work someone must route.
    const code = department ?? 'unspecified';
    const task = await this.desk.assignIn(context.manager, {
      complaintId: complaint.complaintId,
      trackingCode: complaint.trackingCode,
      department: code,
      category: complaint.category,
      description: complaint.description,
      location: complaint.location,
      deadlineAt: complaint.deadlineAt,
      handlingUnit,
      dispatchedBy: complaint.dispatchedBy,
      dispatchedAt: complaint.at,
    });
    if (!task) return;
    if (task.unknownDepartment) {
      this.logger.warn(`Task ${task.id} (complaint ${task.complaintId}) is for department "${code}", which is not in the directory; kept for a supervisor to route`);
    }
    await context.emit(CoordinationTaskAssignedV1Event, {
      taskId: task.id,
      complaintId: task.complaintId,
      trackingCode: task.trackingCode,
      department: task.department,
      state: 'assigned',
      at: task.createdAt.toISOString(),
      unknownDepartment: task.unknownDepartment,
      category: task.category,
      handlingUnit: task.handlingUnit,
      deadlineAt: task.deadlineAt.toISOString(),
      assignedBy: task.dispatchedBy,
    });
  }
}
