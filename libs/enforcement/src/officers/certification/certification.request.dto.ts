import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const OFFICER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const CERTIFICATE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,49}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DEPARTMENT = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class CreateOfficerDto {
  @ApiProperty({ example: 'off-0001', description: "The officer's account id (the token's sub)." })
  @IsString()
  @Matches(OFFICER_ID, { message: 'id: letters, digits, dot, dash or underscore, at most 100' })
  id: string;

  @ApiProperty({ example: '王立' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'ZF-2301-000123', description: 'Law-enforcement certificate (执法证) number.' })
  @IsString()
  @Matches(CERTIFICATE_NUMBER, { message: 'certificateNumber: 3 to 50 letters, digits or dashes' })
  certificateNumber: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-07-01', description: 'First day of the certificate; today when left out.' })
  @IsOptional()
  @Matches(DAY, { message: 'certificateValidFrom: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'certificateValidFrom: not a calendar date' })
  certificateValidFrom?: string;

  @ApiProperty({ format: 'date', example: '2029-06-30', description: 'Last day the certificate is valid.' })
  @Matches(DAY, { message: 'certificateValidUntil: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'certificateValidUntil: not a calendar date' })
  certificateValidUntil: string;

  @ApiPropertyOptional({ example: 'east-brigade', description: "The enforcement department (brigade) the officer works in; the bureau's default department when left out." })
  @IsOptional()
  @Matches(DEPARTMENT, { message: 'department: lower-case letters, digits and dashes, at most 100' })
  department?: string;
}

export class RenewCertificateDto {
  @ApiPropertyOptional({ example: 'ZF-2301-000123', description: 'The number on the renewed certificate; the same number when left out.' })
  @IsOptional()
  @IsString()
  @Matches(CERTIFICATE_NUMBER, { message: 'certificateNumber: 3 to 50 letters, digits or dashes' })
  certificateNumber?: string;

  @ApiProperty({ format: 'date', example: '2032-06-30', description: 'Last day the renewed certificate is valid; after the current one.' })
  @Matches(DAY, { message: 'validUntil: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'validUntil: not a calendar date' })
  validUntil: string;
}

export class PeriodQueryDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day (Beijing time).' })
  @Matches(DAY, { message: 'from: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from: not a calendar date' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day, included.' })
  @Matches(DAY, { message: 'to: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to: not a calendar date' })
  to: string;
}
