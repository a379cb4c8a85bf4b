import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsLatitude, IsLongitude, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

export class LocationDto {
  @ApiPropertyOptional({ example: 31.2304, description: 'WGS 84 latitude; give lat and lng, an address, or both.' })
  @ValidateIf((location: LocationDto) => location.lat !== undefined || location.lng !== undefined || !location.address)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 121.4737, description: 'WGS 84 longitude' })
  @ValidateIf((location: LocationDto) => location.lat !== undefined || location.lng !== undefined || !location.address)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ example: '人民路 88 号门口' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string;
}

export class ReporterDto {
  @ApiPropertyOptional({ example: '王女士' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'reporter@example.org', description: 'To receive the acknowledgement and every update.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '+86 138 0013 8000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'reporter.phone must be a phone number of digits, spaces, +, - and parentheses' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiPropertyOptional({ default: false, description: 'Never show my name publicly (disclosure, forums, statistics).' })
  @IsOptional()
  @IsBoolean()
  hideName?: boolean;
}

export class SubmitComplaintRequestDto {
  @ApiProperty({ example: '占道经营的摊位堵住了人行道', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ type: LocationDto })
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiPropertyOptional({ type: ReporterDto, description: 'Leave out to report anonymously: there is then no acknowledgement, only the tracking code.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ example: 'street-vending', description: 'Category code; triage assigns one when absent.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code such as street-vending' })
  category?: string;
}

export class DuplicateCandidateDto {
  @ApiProperty({ example: 'CF-2M8P-4RTZ' })
  trackingCode: string;

  @ApiProperty({ example: 'dispatched' })
  status: string;

  @ApiProperty({ example: 'street-vending' })
  category: string;

  @ApiProperty({ example: 18 })
  distanceMetres: number;

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  receivedAt: string;
}

export class SubmitComplaintResponseDto {
  @ApiProperty({ example: 'CF-7K3M-Q9TX', description: 'Quote it to follow the complaint: GET /api/v1/complaints/{trackingCode}' })
  trackingCode: string;

  @ApiProperty({ example: 'received' })
  status: string;

  @ApiProperty({
    type: [DuplicateCandidateDto],
    description: 'Open complaints of the same category nearby: the same problem may already be in hand. Empty without a category and coordinates.',
  })
  possibleDuplicates: DuplicateCandidateDto[];
}
