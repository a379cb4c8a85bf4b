import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { ComplaintListQueryDto, ConcludeDto, StartInvestigationDto } from './officer-complaint.request.dto';
import { OfficerComplaints } from './officer-complaints.service';

/** Complaints about officers, for oversight: supervisors investigate and conclude; admins and auditors read. */
@ApiTags('enforcement')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "Reading needs the supervisor, admin or auditor role; investigating and concluding, the supervisor role; a supervisor oversees their own department's officers only (code other_department)." })
@ApiBadRequestResponse({ description: 'The body or query is invalid; `message` names the field.' })
@Controller('api/v1/enforcement/officer-complaints')
export class OfficerComplaintsHttpController {
  constructor(private readonly complaints: OfficerComplaints) {}

  @Get()
  @Roles(Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: "Complaints about officers, newest first; the complainant's contact masked" })
  async list(@Query() query: ComplaintListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.complaints.list(query, user) };
  }

  @Get(':id')
  @Roles(Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: "A complaint about an officer; the complainant's contact masked" })
  @ApiNotFoundResponse({ description: 'No such complaint.' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.complaints.get(id, user);
  }

  @Post(':id/investigation')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'Take a complaint into investigation' })
  @ApiOkResponse({ description: 'The complaint, investigating.' })
  @ApiConflictResponse({ description: '`invalid_transition` (not submitted) or `conflict_of_interest` (the complaint is about the caller).' })
  investigate(@Param('id', ParseUUIDPipe) id: string, @Body() body: StartInvestigationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.complaints.startInvestigation(id, body.note, user);
  }

  @Post(':id/conclusion')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'Conclude the investigation: substantiated or not' })
  @ApiOkResponse({ description: 'The complaint, concluded; an enforcement.officer.complaint-concluded.v1 event goes out.' })
  @ApiConflictResponse({ description: '`not_investigated`, `already_concluded` or `conflict_of_interest`.' })
  conclude(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConcludeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.complaints.conclude(id, body, user);
  }
}
