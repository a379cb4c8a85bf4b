import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiPropertyOptional, ApiTags, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { DuplicateFinder } from '../../duplicates/duplicate-finder';
import { ComplaintIntake } from '../complaint-intake.service';
import { correlationIdOfRequest, refuseInvalidComplaint } from '../intake-http';
import { SubmitComplaintRequestDto, SubmitComplaintResponseDto } from '../web/submit-complaint.request.dto';

class CallerDto {
  @ApiPropertyOptional({ example: '+86 138 0013 8000', description: 'The number the call came from, for SMS updates; leave out when withheld.' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'caller.phone must be a phone number of digits, spaces, +, - and parentheses' })
  phone?: string;

  @ApiPropertyOptional({ example: '张先生' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiPropertyOptional({ default: false, description: 'The caller asked that their name never be shown publicly.' })
  @IsOptional()
  @IsBoolean()
  hideName?: boolean;
}

/** What the caller said, where, and of what kind: the same fields, with the same checks, as a web complaint. */
export class HotlineCallRequestDto extends PickType(SubmitComplaintRequestDto, ['description', 'location', 'category'] as const) {
  @ApiPropertyOptional({ type: CallerDto, description: 'Leave out for an anonymous caller.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallerDto)
  caller?: CallerDto;
}

/**
 * A hotline operator records a call. The record is the same as from any other channel; it
 * also names the operator, and the tracking code is read back to the caller.
 */
@ApiTags('complaints')
@ApiBearerAuth('bearer')
@Controller('api/v1/hotline/calls')
export class HotlineCallHttpController {
  constructor(
    private readonly intake: ComplaintIntake,
    private readonly duplicates: DuplicateFinder,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.HotlineOperator)
  @ApiCreatedResponse({ type: SubmitComplaintResponseDto, description: 'Recorded; read the tracking code back to the caller.' })
  @ApiBadRequestResponse({ description: 'The body is invalid; `message` lists every problem.' })
  @ApiForbiddenResponse({ description: 'Only hotline operators record calls.' })
  async record(@Body() body: HotlineCallRequestDto, @CurrentUser() operator: AuthenticatedUser): Promise<SubmitComplaintResponseDto> {
    const complaint = await refuseInvalidComplaint(() =>
      this.intake.submit(
        {
          channel: 'hotline',
          description: body.description,
          location: body.location,
          reporter: body.caller ? { ...body.caller, locale: body.caller.locale ?? 'zh-CN', hideName: body.caller.hideName ?? false } : undefined,
          category: body.category,
          recordedBy: operator.id,
        },
        { correlationId: correlationIdOfRequest() },
      ),
    );
    return { trackingCode: complaint.trackingCode, status: complaint.status, possibleDuplicates: await this.duplicates.forNewComplaint(complaint) };
  }
}
