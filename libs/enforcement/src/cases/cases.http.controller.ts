import { applyDecorators, BadRequestException, Body, ConflictException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { RequestContext } from '@civicflow/observability';
import type { EvidenceItem, ProcedureAction } from '../domain/procedure';
import type { Penalty } from '../domain/procedure-rules';
import { type Actor, CaseDesk, type StepRecord } from './case-desk.service';
import {
  AssignOfficersDto,
  CaseListQueryDto,
  DecisionDto,
  EducationDto,
  EvidenceDto,
  type EvidenceItemDto,
  ExtensionDto,
  FollowUpDto,
  HearingRecordDto,
  IdentifyPartyDto,
  LegalReviewDto,
  NoticeDto,
  OpenCaseDto,
  PaymentDto,
  type PenaltyDto,
  ReasonDto,
  RectificationOrderDto,
  ScheduleHearingDto,
  ServedAtDto,
  ServiceDto,
  StepDto,
  SummaryDecisionDto,
} from './case.request.dto';
import { type CaseView, fen } from './case-view';

const CASE_READERS = [Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin];

function actor(user: AuthenticatedUser, body: StepDto): Actor {
  return { user, correlationId: RequestContext.current()?.correlationId ?? uuidv7(), place: body.place ?? null };
}

function penalty(dto: PenaltyDto): Penalty {
  return { warning: dto.warning, fineFen: fen(dto.fineCny), measures: [...dto.measures] };
}

function evidence(items: EvidenceItemDto[]): EvidenceItem[] {
  return items.map((item) => ({ kind: item.kind, sha256: item.sha256 }));
}

/** A time the party or an officer says something happened: not in the future. */
function past(value: string | undefined, field: string): string {
  const now = new Date();
  if (value === undefined) return now.toISOString();
  const at = new Date(value);
  if (at > now) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: `${field}: is in the future` });
  return at.toISOString();
}

/** The end of a day in the bureau's time zone, as the instant a rectify-by date means. */
function endOfDay(date: string, utcOffset: string): string {
  const end = new Date(`${date}T23:59:59.999${utcOffset}`);
  if (Number.isNaN(end.getTime())) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: 'rectifyBy: is not a calendar date' });
  return end.toISOString();
}

/**
 * Enforcement cases under the administrative-penalty procedure: one route per step. A step the
 * procedure refuses answers 409 `{ code, message }`, the code naming the precondition that failed.
 */
@ApiTags('enforcement')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The role may not take this step.' })
@ApiBadRequestResponse({ description: 'The body is invalid; `message` names the field.' })
@Controller('api/v1/enforcement/cases')
export class CasesHttpController {
  constructor(private readonly desk: CaseDesk) {}

  @Post()
  @Roles(Role.Officer)
  @ApiOperation({ summary: "Open a case from an officer's patrol finding; it waits for a supervisor's registration" })
  @ApiCreatedResponse({ description: 'The case, with the party masked.' })
  async open(@Body() body: OpenCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const opened = await this.desk.open(
      {
        source: 'patrol',
        category: body.category,
        street: body.street,
        description: body.description,
        location: body.location ? { ...body.location } : null,
        violationAt: new Date(past(body.violationAt, 'violationAt')),
        seriousHarm: body.seriousHarm,
        officerIds: body.officerIds,
        party: { ...body.party },
      },
      actor(user, body),
    );
    return this.desk.view(opened.id);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The latest-changed cases, optionally in one state, each with its next deadline (overdue ones first by date)' })
  @ApiOkResponse({ description: '`items`, newest change first.' })
  async list(@Query() query: CaseListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.desk.list(query.state, query.limit ?? 50, new Date(), this.desk.scopeOf(user)) };
  }

  @Get(':id')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'A case with every deadline and what is owed' })
  @ApiOkResponse({ description: 'The case, with the party masked.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  async view(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    await this.desk.assertAccess(id, user);
    return this.desk.view(id);
  }

  @Post(':id/party')
  @Step()
  @Roles(Role.Officer)
  async identifyParty(@Param('id', ParseUUIDPipe) id: string, @Body() body: IdentifyPartyDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    await this.desk.assertAccess(id, user);
    await this.desk.identifyParty(id, { ...body.party }, actor(user, body));
    return this.desk.view(id);
  }

  @Post(':id/officers')
  @Step()
  @Roles(Role.Supervisor)
  async assignOfficers(@Param('id', ParseUUIDPipe) id: string, @Body() body: AssignOfficersDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    await this.desk.assertAccess(id, user);
    await this.desk.assignOfficers(id, body.officerIds, actor(user, body));
    return this.desk.view(id);
  }

  @Post(':id/register')
  @Step()
  @Roles(Role.Supervisor)
  register(@Param('id', ParseUUIDPipe) id: string, @Body() body: StepDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'register' }, actor(user, body));
  }

  @Post(':id/refuse-registration')
  @Step()
  @Roles(Role.Supervisor)
  refuseRegistration(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'refuse_registration', reason: body.reason }, actor(user, body), { payload: { reason: body.reason } });
  }

  @Post(':id/evidence')
  @Step()
  @Roles(Role.Officer)
  addEvidence(@Param('id', ParseUUIDPipe) id: string, @Body() body: EvidenceDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const present = body.presentOfficerIds ?? [];
    return this.run(id, { kind: 'add_evidence', items: evidence(body.items), onSite: body.onSite, presentOfficerIds: present }, actor(user, body), {
      byCertifiedOfficer: true,
      payload: { items: body.items.map((item) => ({ kind: item.kind, sha256: item.sha256, description: item.description ?? null })), onSite: body.onSite ?? null, presentOfficerIds: present },
      evidenceSha256: body.items.map((item) => item.sha256),
    });
  }

  @Post(':id/notice')
  @Step()
  @Roles(Role.Officer)
  issueNotice(@Param('id', ParseUUIDPipe) id: string, @Body() body: NoticeDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const servedAt = body.servedAt === undefined ? undefined : past(body.servedAt, 'servedAt');
    const proposed = penalty(body.proposed);
    return this.run(id, { kind: 'issue_notice', proposed, servedAt }, actor(user, body), {
      byCertifiedOfficer: true,
      payload: { proposed: { ...proposed, measures: [...proposed.measures] }, facts: body.facts, legalBasis: body.legalBasis, servedAt: servedAt ?? null },
    });
  }

  @Post(':id/notice/service')
  @Step()
  @Roles(Role.Officer)
  serveNotice(@Param('id', ParseUUIDPipe) id: string, @Body() body: ServedAtDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const servedAt = past(body.servedAt, 'servedAt');
    return this.run(id, { kind: 'serve_notice', servedAt }, actor(user, body), { byCertifiedOfficer: true, payload: { servedAt } });
  }

  @Post(':id/statement')
  @Step()
  @Roles(Role.Officer)
  recordStatement(@Param('id', ParseUUIDPipe) id: string, @Body() body: HearingRecordDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'record_statement', evidence: evidence(body.evidence) }, actor(user, body), this.recording(body));
  }

  @Post(':id/hearing-request')
  @Step()
  @Roles(Role.Officer)
  requestHearing(@Param('id', ParseUUIDPipe) id: string, @Body() body: StepDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'request_hearing' }, actor(user, body), { byCertifiedOfficer: true });
  }

  @Post(':id/hearing-schedule')
  @Step()
  @Roles(Role.Officer)
  scheduleHearing(@Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleHearingDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const scheduledFor = new Date(body.scheduledFor).toISOString();
    return this.run(id, { kind: 'schedule_hearing', scheduledFor }, actor(user, body), { byCertifiedOfficer: true, payload: { scheduledFor, hearingPlace: body.hearingPlace } });
  }

  @Post(':id/hearing')
  @Step()
  @Roles(Role.Officer)
  holdHearing(@Param('id', ParseUUIDPipe) id: string, @Body() body: HearingRecordDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'hold_hearing', evidence: evidence(body.evidence) }, actor(user, body), this.recording(body));
  }

  @Post(':id/legal-review')
  @Step()
  @Roles(Role.LegalReviewer)
  legalReview(@Param('id', ParseUUIDPipe) id: string, @Body() body: LegalReviewDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    // The legal_reviewer role is granted only to holders of the national legal professional qualification (Art. 58).
    return this.run(id, { kind: 'legal_review', reviewerId: user.id, reviewerQualified: true, approved: body.approved }, actor(user, body), {
      payload: { approved: body.approved, opinion: body.opinion },
    });
  }

  @Post(':id/decision')
  @Step()
  @Roles(Role.Supervisor)
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const decided = body.penalty ? penalty(body.penalty) : undefined;
    return this.run(id, { kind: 'decide', outcome: body.outcome, penalty: decided }, actor(user, body), {
      payload: { outcome: body.outcome, penalty: decided ? { ...decided, measures: [...decided.measures] } : null, reasons: body.reasons },
    });
  }

  @Post(':id/summary-decision')
  @Step()
  @Roles(Role.Officer)
  summaryDecision(@Param('id', ParseUUIDPipe) id: string, @Body() body: SummaryDecisionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const decided = penalty(body.penalty);
    return this.run(id, { kind: 'summary_decision', penalty: decided, presentOfficerIds: body.presentOfficerIds }, actor(user, body), {
      byCertifiedOfficer: true,
      payload: { penalty: { ...decided, measures: [...decided.measures] }, presentOfficerIds: body.presentOfficerIds, legalBasis: body.legalBasis },
    });
  }

  @Post(':id/service')
  @Step()
  @Roles(Role.Officer)
  serveDecision(@Param('id', ParseUUIDPipe) id: string, @Body() body: ServiceDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    // The date of electronic service is the proved delivery, not an officer's word (ADR 0009).
    if (body.method === 'electronic') {
      throw new ConflictException({ statusCode: 409, code: 'electronic_service_needs_proof', message: 'serve electronically through POST /api/v1/enforcement/cases/:id/electronic-service: the case is served when delivery is proved' });
    }
    const servedAt = past(body.servedAt, 'servedAt');
    return this.run(id, { kind: 'serve_decision', servedAt, method: body.method }, actor(user, body), { byCertifiedOfficer: true, payload: { servedAt, method: body.method } });
  }

  @Post(':id/payment')
  @Step()
  @Roles(Role.Officer, Role.Supervisor)
  recordPayment(@Param('id', ParseUUIDPipe) id: string, @Body() body: PaymentDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'record_payment', amountFen: fen(body.amountCny) }, actor(user, body), { payload: { amountFen: fen(body.amountCny), receipt: body.receipt ?? null } });
  }

  @Post(':id/close')
  @Step()
  @Roles(Role.Supervisor)
  close(@Param('id', ParseUUIDPipe) id: string, @Body() body: StepDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'close' }, actor(user, body));
  }

  @Post(':id/archive')
  @Step()
  @Roles(Role.Supervisor)
  archive(@Param('id', ParseUUIDPipe) id: string, @Body() body: StepDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'archive' }, actor(user, body));
  }

  @Post(':id/suspend')
  @Step()
  @Roles(Role.Supervisor)
  suspend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'suspend', reason: body.reason }, actor(user, body), { payload: { reason: body.reason } });
  }

  @Post(':id/resume')
  @Step()
  @Roles(Role.Supervisor)
  resume(@Param('id', ParseUUIDPipe) id: string, @Body() body: StepDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'resume' }, actor(user, body));
  }

  @Post(':id/terminate')
  @Step()
  @Roles(Role.Supervisor)
  terminate(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'terminate', reason: body.reason }, actor(user, body), { payload: { reason: body.reason } });
  }

  @Post(':id/decision-deadline-extension')
  @Step()
  @Roles(Role.Supervisor)
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtensionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.run(id, { kind: 'extend_decision_deadline', days: body.days }, actor(user, body), { payload: { days: body.days, reason: body.reason } });
  }

  @Post(':id/education')
  @Step()
  @Roles(Role.Officer)
  giveEducation(@Param('id', ParseUUIDPipe) id: string, @Body() body: EducationDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const rectifyBy = endOfDay(body.rectifyBy, this.desk.utcOffset);
    return this.run(id, { kind: 'give_education', explained: body.explained, educatedBy: user.id, rectifyBy, harmMinor: body.harmMinor }, actor(user, body), {
      byCertifiedOfficer: true,
      payload: { explained: body.explained, educatedBy: user.id, rectifyBy, harmMinor: body.harmMinor },
    });
  }

  @Post(':id/rectification-order')
  @Step()
  @Roles(Role.Officer)
  orderRectification(@Param('id', ParseUUIDPipe) id: string, @Body() body: RectificationOrderDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const rectifyBy = endOfDay(body.rectifyBy, this.desk.utcOffset);
    return this.run(id, { kind: 'order_rectification', requirement: body.requirement, orderedBy: user.id, rectifyBy }, actor(user, body), {
      byCertifiedOfficer: true,
      payload: { requirement: body.requirement, orderedBy: user.id, rectifyBy },
    });
  }

  @Post(':id/follow-up')
  @Step()
  @Roles(Role.Officer)
  followUp(@Param('id', ParseUUIDPipe) id: string, @Body() body: FollowUpDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    const recording = this.recording(body);
    return this.run(id, { kind: 'follow_up_inspection', rectified: body.rectified, evidence: evidence(body.evidence), presentOfficerIds: body.presentOfficerIds }, actor(user, body), {
      ...recording,
      payload: { ...recording.payload, rectified: body.rectified, presentOfficerIds: body.presentOfficerIds },
    });
  }

  private recording(body: HearingRecordDto): StepRecord {
    return {
      byCertifiedOfficer: true,
      payload: { summary: body.summary, evidence: body.evidence.map((item) => ({ kind: item.kind, sha256: item.sha256, description: item.description ?? null })) },
      evidenceSha256: body.evidence.map((item) => item.sha256),
    };
  }

  private async run(id: string, action: ProcedureAction, by: Actor, record?: StepRecord): Promise<CaseView> {
    await this.desk.assertAccess(id, by.user);
    await this.desk.step(id, action, by, record);
    return this.desk.view(id);
  }
}

/** What every step route shares: 200 with the case, 409 with the refused precondition, 404 for an unknown case. */
function Step(): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiOkResponse({ description: 'The case after the step, with every deadline.' }),
    ApiConflictResponse({
      description:
        '`code` names the precondition that failed, e.g. invalid_transition, legal_review_required, notice_not_served, hearing_window_open, not_enough_officers, officer_not_certified, reviewer_is_case_officer, audio_video_evidence_required, category_not_eligible, prior_violation_in_window, harm_not_minor, rectification_period_running, rectification_already_failed, rectify_by_after_decision_due.',
    }),
    ApiNotFoundResponse({ description: 'No such case.' }),
    ApiForbiddenResponse({ description: "The role may not take this step, or the case is another department's (code other_department)." }),
  );
}
