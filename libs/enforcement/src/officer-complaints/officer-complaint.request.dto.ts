import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { OFFICER_COMPLAINT_FINDINGS } from '@civicflow/contracts';

export const OFFICER_COMPLAINT_STATUSES = ['submitted', 'investigating', 'concluded'] as const;
export type OfficerComplaintStatus = (typeof OFFICER_COMPLAINT_STATUSES)[number];
export type OfficerComplaintFinding = (typeof OFFICER_COMPLAINT_FINDINGS)[number];

class ComplainantDto {
  @ApiPropertyOptional({ example: '李华' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '13912345678' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'complainant.phone: a phone number of 5 to 20 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: 'lihua@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'complainant.email: not an e-mail address' })
  @MaxLength(200)
  email?: string;
}

/**
 * A complaint from the public about an officer. The officer is named by the certificate number
 * shown on site (Art. 42) or by id; the complainant may stay anonymous.
 */
export class SubmitOfficerComplaintDto {
  @ApiPropertyOptional({ example: 'ZF-2301-000123', description: "The number on the officer's certificate; this or officerId." })
  @ValidateIf((body: SubmitOfficerComplaintDto) => body.officerId === undefined)
  @IsString({ message: 'certificateNumber: name the officer by certificateNumber or officerId' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,49}$/, { message: 'certificateNumber: 3 to 50 letters, digits or dashes' })
  certificateNumber?: string;

  @ApiPropertyOptional({ example: 'off-0001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'officerId: not an officer id' })
  officerId?: string;

  @ApiProperty({ example: 'The officer shouted at the stall keeper and kicked over the goods.', minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'description: at least 10 characters, so that it can be investigated' })
  @MaxLength(4000)
  description: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'occurredAt: not an ISO 8601 time' })
  occurredAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The enforcement case it concerns, if known.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId: not a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ type: ComplainantDto, description: 'How to reach the complainant about the outcome; never shown unmasked.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;
}

export class StartInvestigationDto {
  @ApiPropertyOptional({ example: 'Body-camera footage requested.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ConcludeDto {
  @ApiProperty({ enum: OFFICER_COMPLAINT_FINDINGS })
  @IsIn(OFFICER_COMPLAINT_FINDINGS, { message: `finding: one of ${OFFICER_COMPLAINT_FINDINGS.join(', ')}` })
  finding: OfficerComplaintFinding;

  @ApiProperty({ example: 'Footage confirms the conduct; the officer was reprimanded and retrained.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  conclusion: string;
}

export class ComplaintListQueryDto {
  @ApiPropertyOptional({ enum: OFFICER_COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(OFFICER_COMPLAINT_STATUSES)
  status?: OfficerComplaintStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'officerId: not an officer id' })
  officerId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
