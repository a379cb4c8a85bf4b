import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { requirePeriod } from '../assessment/accountability-settings';
import { PeriodQueryDto } from '../officers/certification/certification.request.dto';
import { assertOfficerOrOversight } from '../officers/certification/certification.http.controller';
import { AttendanceDto, CreateCourseDto, CreatePlanDto, CreateSessionDto } from './training.request.dto';
import { TrainingService } from './training.service';

const ORGANISERS = [Role.Admin, Role.Supervisor];

/** Officers' training (plans, courses, sessions, attendance) and each officer's hours per period. */
@ApiTags('enforcement')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'The body or query is invalid; `message` names the field.' })
@ApiForbiddenResponse({ description: 'Plans, courses, sessions and attendance need the admin or supervisor role.' })
@Controller('api/v1/enforcement/training')
export class TrainingHttpController {
  constructor(private readonly training: TrainingService) {}

  @Post('plans')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Create a training plan for a period' })
  createPlan(@Body() body: CreatePlanDto, @CurrentUser() user: AuthenticatedUser) {
    return this.training.createPlan(body, user.id);
  }

  @Get('plans')
  @Roles(Role.Officer, Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'The training plans, latest first' })
  async plans() {
    return { items: await this.training.plans() };
  }

  @Post('courses')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Create a course (law and regulations, professional ethics, communication skills, …)' })
  createCourse(@Body() body: CreateCourseDto, @CurrentUser() user: AuthenticatedUser) {
    return this.training.createCourse(body, user.id);
  }

  @Post('sessions')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Schedule a session of a course' })
  createSession(@Body() body: CreateSessionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.training.createSession(body, user.id);
  }

  @Post('sessions/:id/attendance')
  @HttpCode(200)
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Record the officers who attended a session; each is credited its hours' })
  @ApiNotFoundResponse({ description: 'No such session.' })
  @ApiConflictResponse({ description: '`session_not_held`: the session has not started.' })
  recordAttendance(@Param('id', ParseUUIDPipe) id: string, @Body() body: AttendanceDto, @CurrentUser() user: AuthenticatedUser) {
    return this.training.recordAttendance(id, body, user.id);
  }

  @Get('officers/:officerId/hours')
  @Roles(Role.Officer, Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: "An officer's training hours in a period, by category; an officer sees only their own" })
  @ApiNotFoundResponse({ description: 'No such officer.' })
  hours(@Param('officerId') officerId: string, @Query() query: PeriodQueryDto, @CurrentUser() user: AuthenticatedUser) {
    assertOfficerOrOversight(user, officerId);
    const period = requirePeriod(query.from, query.to);
    return this.training.hours(officerId, period.from, period.to);
  }
}
