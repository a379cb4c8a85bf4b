import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsLatitude, IsLongitude, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class LocationDto {
  @ApiProperty({ example: 31.2304, description: 'WGS 84 latitude' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 121.4737, description: 'WGS 84 longitude' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng: number;

  @ApiPropertyOptional({ example: '人民路 88 号门口' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class ReporterDto {
  @ApiProperty({ example: '王女士' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'reporter@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: '+86 138 0013 8000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'reporter.phone must be a phone number of digits, spaces, +, - and parentheses' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';
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

  @ApiProperty({ type: ReporterDto })
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter: ReporterDto;

  @ApiPropertyOptional({ example: 'street-vending', description: 'Category code; triage assigns one when absent.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code such as street-vending' })
  category?: string;
}

export class SubmitComplaintResponseDto {
  @ApiProperty({ example: 'CF-7K3M-Q9TX', description: 'Quote it to follow the complaint: GET /api/v1/complaints/{trackingCode}' })
  trackingCode: string;

  @ApiProperty({ example: 'received' })
  status: string;
}
