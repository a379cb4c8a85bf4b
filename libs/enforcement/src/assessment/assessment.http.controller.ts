import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { sendCsv } from '../analysis/csv-reply';
import { requirePeriod } from './accountability-settings';
import { assessmentCsv, type AssessmentReport, AssessmentService } from './assessment.service';
import { AssessmentQueryDto, PublishAssessmentDto, ReviewOutcomeDto } from './review-outcome.request.dto';

const OVERSIGHT = [Role.Supervisor, Role.Admin, Role.Auditor];

@ApiTags('enforcement')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'The body or query is invalid; `message` names the field.' })
@Controller('api/v1/enforcement')
export class AssessmentHttpController {
  constructor(private readonly assessments: AssessmentService) {}

  @Post('cases/:id/review-outcomes')
  @Roles(Role.Supervisor, Role.LegalReviewer)
  @ApiOperation({ summary: 'Record the outcome of an administrative reconsideration or litigation of a decided case' })
  @ApiCreatedResponse({ description: 'The outcome; anything but upheld counts as a decision changed on review in the assessment.' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor or legal reviewer role, of the case’s department.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  @ApiConflictResponse({ description: '`case_not_decided`.' })
  recordReviewOutcome(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewOutcomeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.assessments.recordReviewOutcome(id, body, user);
  }

  @Get('cases/:id/review-outcomes')
  @Roles(Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'The review and appeal outcomes of a case' })
  async reviewOutcomes(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.assessments.reviewOutcomes(id, user) };
  }

  @Get('assessments')
  @Roles(...OVERSIGHT)
  @ApiOperation({ summary: "Every officer's assessment over a period, computed now from the record (JSON, or CSV with format=csv)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiForbiddenResponse({ description: 'Needs the supervisor, admin or auditor role.' })
  async compute(@Query() query: AssessmentQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<AssessmentReport | string> {
    const period = requirePeriod(query.from, query.to);
    const report = await this.assessments.visibleTo(await this.assessments.compute(period.from, period.to), user);
    return query.format === 'csv' ? sendCsv(reply, `assessment-${period.from}-${period.to}.csv`, assessmentCsv(report)) : report;
  }

  @Post('assessments')
  @HttpCode(201)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Publish the assessment report of an ended period; each officer’s result goes out as enforcement.officer.assessed.v1' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor or admin role.' })
  @ApiConflictResponse({ description: '`period_not_ended` or `assessment_already_published`.' })
  async publish(@Body() body: PublishAssessmentDto, @CurrentUser() user: AuthenticatedUser): Promise<AssessmentReport> {
    const period = requirePeriod(body.from, body.to);
    return this.assessments.visibleTo(await this.assessments.publish(period.from, period.to, user.id), user);
  }

  @Get('assessments/published')
  @Roles(...OVERSIGHT)
  @ApiOperation({ summary: 'The published assessment reports, latest period first' })
  async published() {
    return { items: await this.assessments.published() };
  }

  @Get('assessments/published/:id')
  @Roles(...OVERSIGHT)
  @ApiOperation({ summary: 'A published assessment report (JSON, or CSV with format=csv)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The report as published.' })
  @ApiNotFoundResponse({ description: 'No such report.' })
  async publishedReport(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('format') format: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssessmentReport | string> {
    const report = await this.assessments.visibleTo(await this.assessments.publishedReport(id), user);
    return format === 'csv' ? sendCsv(reply, `assessment-${report.from}-${report.to}.csv`, assessmentCsv(report)) : report;
  }
}
