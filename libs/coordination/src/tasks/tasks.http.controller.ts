import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { RequestContext } from '@civicflow/observability';
import type { TaskAction } from '../domain/task';
import { type Step, TaskDesk } from './task-desk.service';
import { CompleteTaskDto, ReturnTaskDto, TaskListQueryDto, TaskListResponse, TaskResponse } from './task.dto';

/** Department agents see their own department's tasks; the bureau's overseers see all. */
const TASK_READERS = [Role.DepartmentAgent, Role.Supervisor, Role.Admin, Role.Auditor];
/** A supervisor may act for a department (an unknown one, or one that works by phone). */
const TASK_ACTORS = [Role.DepartmentAgent, Role.Supervisor];

/** Tasks routed to other departments. A step the state machine refuses answers 409 `{ code, message }`. */
@ApiTags('coordination')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "The role may not do this, or the task is another department's." })
@ApiNotFoundResponse({ description: 'No such task.' })
@Controller('api/v1/coordination/tasks')
export class TasksHttpController {
  constructor(private readonly desk: TaskDesk) {}

  @Get()
  @Roles(...TASK_READERS)
  @ApiOperation({ summary: "List the tasks the caller may see (a department agent: its department's), the earliest deadline first" })
  @ApiOkResponse({ type: TaskListResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; `message` names it.' })
  async list(@Query() query: TaskListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskListResponse> {
    const tasks = await this.desk.list(user, { state: query.state, limit: query.limit ?? 50 });
    return { items: tasks.map(TaskResponse.from) };
  }

  @Get(':id')
  @Roles(...TASK_READERS)
  @ApiOperation({ summary: 'One task' })
  @ApiOkResponse({ type: TaskResponse })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<TaskResponse> {
    return TaskResponse.from(await this.desk.get(id, user));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...TASK_ACTORS)
  @ApiOperation({ summary: 'The department takes the task on' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiConflictResponse({ description: 'The task is not assigned (code task_not_assigned).' })
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<TaskResponse> {
    return this.step(id, { kind: 'accept' }, user);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(...TASK_ACTORS)
  @ApiOperation({ summary: 'The department returns the task as not its business, saying why' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiBadRequestResponse({ description: 'No reason given.' })
  @ApiConflictResponse({ description: 'The task is not assigned (code task_not_assigned).' })
  return(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnTaskDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskResponse> {
    return this.step(id, { kind: 'return', reason: body.reason }, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...TASK_ACTORS)
  @ApiOperation({ summary: 'The department reports the task done, with what it did' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiBadRequestResponse({ description: 'No result given.' })
  @ApiConflictResponse({ description: 'The task is not accepted (code task_not_accepted).' })
  complete(@Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteTaskDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskResponse> {
    return this.step(id, { kind: 'complete', result: body.result }, user);
  }

  private async step(id: string, action: TaskAction, user: AuthenticatedUser): Promise<TaskResponse> {
    const step: Step = { user, correlationId: RequestContext.current()?.correlationId ?? uuidv7() };
    return TaskResponse.from(await this.desk.step(id, action, step));
  }
}
