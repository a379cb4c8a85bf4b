import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { caseScope, inScope, otherDepartment } from '../../cases/case-scope';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from '../../cases/procedure-settings';
import type { CertifiedOfficer } from '../officer.repository';
import { CreateOfficerDto, RenewCertificateDto } from './certification.request.dto';
import { CertificationService } from './certification.service';

export interface CertifiedOfficerResponse {
  id: string;
  name: string;
  certificateNumber: string;
  certificateValidFrom: string | null;
  certificateValidUntil: string;
  createdAt: string;
  department: string | null;
}

function officerResponse(officer: CertifiedOfficer): CertifiedOfficerResponse {
  return {
    id: officer.id,
    name: officer.name,
    certificateNumber: officer.certificateNumber,
    certificateValidFrom: officer.certificateValidFrom,
    certificateValidUntil: officer.certificateValidUntil,
    createdAt: officer.createdAt.toISOString(),
    department: officer.department,
  };
}

/** Staff who may see an officer's own record: oversight roles, and the officer. */
export function assertOfficerOrOversight(user: AuthenticatedUser, officerId: string): void {
  const oversight = user.roles.some((role) => role === Role.Supervisor || role === Role.Admin || role === Role.Auditor);
  if (!oversight && user.id !== officerId) throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: "Only the officer and the bureau's supervisors, admins and auditors may see this" });
}

@ApiTags('enforcement')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'The body is invalid; `message` names the field.' })
@Controller('api/v1/enforcement/officers')
export class CertificationHttpController {
  constructor(
    private readonly certification: CertificationService,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
  ) {}

  /** A brigade's supervisor enters and renews their own brigade's officers; admins any. */
  private assertManages(user: AuthenticatedUser, department: string | null | undefined): void {
    const effective = department ?? this.settings.defaultDepartment;
    if (!user.roles.includes(Role.Admin) && !inScope(caseScope(user, this.settings.defaultDepartment), effective)) throw otherDepartment('the officer', effective);
  }

  @Post()
  @Roles(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'Enter an officer with the law-enforcement certificate' })
  @ApiCreatedResponse({ description: 'The officer.' })
  @ApiForbiddenResponse({ description: "Needs the admin or supervisor role; a supervisor enters their own department's officers (code other_department)." })
  @ApiConflictResponse({ description: '`officer_exists` or `certificate_number_taken`.' })
  async create(@Body() body: CreateOfficerDto, @CurrentUser() user: AuthenticatedUser): Promise<CertifiedOfficerResponse> {
    this.assertManages(user, body.department);
    const officer = await this.certification.create(
      { id: body.id, name: body.name.trim(), certificateNumber: body.certificateNumber, validFrom: body.certificateValidFrom, validUntil: body.certificateValidUntil, department: body.department },
      user.id,
    );
    return officerResponse(officer);
  }

  @Get(':id')
  @Roles(Role.Officer, Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'An officer and the certificate' })
  @ApiOkResponse({ description: 'The officer.' })
  @ApiForbiddenResponse({ description: 'An officer may see only their own entry.' })
  @ApiNotFoundResponse({ description: 'No such officer.' })
  async view(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CertifiedOfficerResponse> {
    assertOfficerOrOversight(user, id);
    return officerResponse(await this.certification.found(id));
  }

  @Post(':id/certificate-renewal')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: "Renew an officer's certificate; the configured minimum of training hours in the certificate period must have been attended" })
  @ApiOkResponse({ description: 'The officer with the renewed certificate, and the training hours counted.' })
  @ApiForbiddenResponse({ description: 'Needs the admin or supervisor role.' })
  @ApiNotFoundResponse({ description: 'No such officer.' })
  @ApiConflictResponse({ description: '`training_hours_insufficient`, `renewal_not_later` or `certificate_number_taken`.' })
  async renew(@Param('id') id: string, @Body() body: RenewCertificateDto, @CurrentUser() user: AuthenticatedUser) {
    this.assertManages(user, (await this.certification.found(id)).department);
    const renewal = await this.certification.renew(id, { certificateNumber: body.certificateNumber, validUntil: body.validUntil }, user.id);
    return { officer: officerResponse(renewal.officer), period: renewal.period, trainingHours: renewal.trainingHours, requiredTrainingHours: renewal.requiredTrainingHours };
  }
}
