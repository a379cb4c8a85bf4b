import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TASK_STATES, type TaskState } from '../domain/task';
import type { Task, TaskLocation } from './task-desk.service';

export class TaskListQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATES })
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ReturnTaskDto {
  @ApiProperty({ example: 'The pipe belongs to the residential compound: the property manager is responsible.', description: 'Why the task is not the department’s business.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'Leaking main replaced on 5 March; road surface restored.', description: 'What the department did.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  result: string;
}

export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'CF-7K3D-9QXA' }) trackingCode: string;
  @ApiProperty({ example: 'water-affairs' }) department: string;
  @ApiProperty({ description: 'The department code is not in the directory: a supervisor should route the task.' }) unknownDepartment: boolean;
  @ApiProperty({ enum: TASK_STATES }) state: TaskState;
  @ApiProperty({ example: 'water-main-leak' }) category: string;
  @ApiProperty({ description: "The reporter's account of the problem." }) description: string;
  @ApiProperty({ example: { lat: 31.2304, lng: 121.4737, address: '5 Renmin Road' } }) location: TaskLocation;
  @ApiProperty({ format: 'date-time' }) deadlineAt: string;
  @ApiProperty({ description: 'The bureau unit that follows the task up.' }) handlingUnit: string;
  @ApiProperty({ format: 'date-time' }) dispatchedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Account id.' }) acceptedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Account id.' }) returnedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) returnedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Account id.' }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) result: string | null;

  static from(task: Task): TaskResponse {
    return {
      id: task.id,
      complaintId: task.complaintId,
      trackingCode: task.trackingCode,
      department: task.department,
      unknownDepartment: task.unknownDepartment,
      state: task.state,
      category: task.category,
      description: task.description,
      location: task.location,
      deadlineAt: task.deadlineAt.toISOString(),
      handlingUnit: task.handlingUnit,
      dispatchedAt: task.dispatchedAt.toISOString(),
      acceptedBy: task.acceptedBy,
      acceptedAt: task.acceptedAt?.toISOString() ?? null,
      returnedBy: task.returnedBy,
      returnedAt: task.returnedAt?.toISOString() ?? null,
      returnReason: task.returnReason,
      completedBy: task.completedBy,
      completedAt: task.completedAt?.toISOString() ?? null,
      result: task.result,
    };
  }
}

export class TaskListResponse {
  @ApiProperty({ type: [TaskResponse] })
  items: TaskResponse[];
}
