import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { RequestContext } from '@civicflow/observability';
import { CaseDesk } from '../cases/case-desk.service';
import { StepDto } from '../cases/case.request.dto';
import { DocumentServiceDesk, type ElectronicServiceView } from './document-service-desk';

const DOCUMENTS = ['notice', 'decision'] as const;
const LOCALES = ['zh-CN', 'en'] as const;

export class ElectronicServiceDto extends StepDto {
  @ApiProperty({ enum: DOCUMENTS, description: 'The notice of the proposed decision (告知书) or the decision (决定书).' })
  @IsIn(DOCUMENTS)
  document: (typeof DOCUMENTS)[number];

  @ApiProperty({ example: '2026-04-01T10:00:00+08:00', description: 'When the party signed the confirmation accepting electronic service (Art. 61).' })
  @IsISO8601({ strict: true })
  consentSignedAt: string;

  @ApiPropertyOptional({ example: 'wang@example.org', description: 'The e-mail address the confirmation names.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+86 138 0013 8000', description: 'The mobile number the confirmation names.' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{4,24}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN', description: 'The language of the covering message; the document stays in Chinese.' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: (typeof LOCALES)[number];
}

/**
 * Serves a case's notice or decision electronically, with proof: the case moves to served when the
 * notification service reports that the message reached the party, not when it is asked for.
 */
@ApiTags('enforcement')
@ApiBearerAuth()
@Controller('api/v1/enforcement/cases')
export class ElectronicServiceHttpController {
  constructor(
    private readonly services: DocumentServiceDesk,
    private readonly desk: CaseDesk,
  ) {}

  @Post(':id/electronic-service')
  @HttpCode(202)
  @Roles(Role.Officer)
  @ApiOperation({ summary: 'Serve the notice or the decision electronically, on the contacts the party agreed to; the case is served when delivery is proved' })
  @ApiCreatedResponse({ description: 'Service asked for: its id, the masked recipients and the date service is due by.' })
  @ApiBadRequestResponse({ description: 'The body is invalid, or names neither an e-mail address nor a phone number.' })
  @ApiForbiddenResponse({ description: "Only officers serve documents, and only their department's (code other_department)." })
  @ApiNotFoundResponse({ description: 'No such case.' })
  @ApiConflictResponse({ description: '`code` names what is missing: the document, the party, a certified officer, or the state that awaits service.' })
  async request(@Param('id', ParseUUIDPipe) id: string, @Body() body: ElectronicServiceDto, @CurrentUser() user: AuthenticatedUser) {
    if (!body.email && !body.phone) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: 'email or phone: the confirmation names at least one' });
    await this.desk.assertAccess(id, user);
    return this.services.request(
      id,
      { document: body.document, consentSignedAt: new Date(body.consentSignedAt), email: body.email, phone: body.phone, locale: body.locale ?? 'zh-CN' },
      { user, correlationId: RequestContext.current()?.correlationId ?? uuidv7(), place: body.place ?? null },
    );
  }

  @Get(':id/electronic-service')
  @Roles(Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin)
  @ApiOperation({ summary: "The case's electronic services: requested, served (with the proof's time and channel), or failed on every channel (serve another way)" })
  @ApiForbiddenResponse({ description: "The role may not read cases, or the case is another department's (code other_department)." })
  @ApiNotFoundResponse({ description: 'No such case.' })
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<{ items: ElectronicServiceView[] }> {
    await this.desk.assertAccess(id, user);
    return { items: await this.services.list(id) };
  }
}
