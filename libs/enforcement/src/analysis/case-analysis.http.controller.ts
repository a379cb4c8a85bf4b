import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { requirePeriod } from '../assessment/accountability-settings';
import { AnalysisQueryDto, LessonDto, LessonSearchDto } from './analysis.request.dto';
import { analysisCsv, type CaseAnalysis, CaseAnalysisService } from './case-analysis.service';
import { sendCsv } from './csv-reply';

const BUREAU_STAFF = [Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin];

@ApiTags('enforcement')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'The body or query is invalid; `message` names the field.' })
@Controller('api/v1/enforcement')
export class CaseAnalysisHttpController {
  constructor(private readonly analysis: CaseAnalysisService) {}

  @Get('analysis/cases')
  @Roles(Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: "Statistics of the cases opened in a period, by category, street, outcome, officer, duration or department (JSON, or CSV with format=csv); a supervisor sees their department's" })
  @ApiProduces('application/json', 'text/csv')
  @ApiForbiddenResponse({ description: "Needs the supervisor, admin or auditor role; a supervisor may not ask for another department's cases." })
  async analyse(@Query() query: AnalysisQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseAnalysis | string> {
    const period = requirePeriod(query.from, query.to);
    const analysis = await this.analysis.analyse(user, { from: period.from, to: period.to, by: query.by, category: query.category, department: query.department });
    return query.format === 'csv' ? sendCsv(reply, `cases-by-${query.by}-${period.from}-${period.to}.csv`, analysisCsv(analysis)) : analysis;
  }

  @Post('cases/:id/lessons')
  @Roles(Role.Officer, Role.Supervisor, Role.LegalReviewer)
  @ApiOperation({ summary: 'Write a lesson learned on a closed case, for the whole bureau to find' })
  @ApiCreatedResponse({ description: 'The lesson.' })
  @ApiForbiddenResponse({ description: 'An officer may write lessons only on cases they worked on; staff only on cases of their department.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  @ApiConflictResponse({ description: '`case_not_closed`.' })
  addLesson(@Param('id', ParseUUIDPipe) id: string, @Body() body: LessonDto, @CurrentUser() user: AuthenticatedUser) {
    return this.analysis.addLesson(id, body, user);
  }

  @Get('lessons')
  @Roles(...BUREAU_STAFF)
  @ApiOperation({ summary: 'Search the lessons learned on closed cases' })
  async searchLessons(@Query() query: LessonSearchDto) {
    return { items: await this.analysis.searchLessons(query) };
  }
}
