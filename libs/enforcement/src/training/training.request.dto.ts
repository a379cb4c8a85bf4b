import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TRAINING_CATEGORIES, type TrainingCategory } from './training-hours';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const OFFICER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class CreatePlanDto {
  @ApiProperty({ example: '2026 annual training plan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(DAY, { message: 'periodFrom: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'periodFrom: not a calendar date' })
  periodFrom: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @Matches(DAY, { message: 'periodTo: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'periodTo: not a calendar date' })
  periodTo: string;

  @ApiPropertyOptional({ example: 'At least 40 hours per officer, half of them on law and regulations.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

export class CreateCourseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The plan the course belongs to, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'planId: not a UUID' })
  planId?: string;

  @ApiProperty({ example: 'The Administrative Penalty Law, 2021 revision' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: TRAINING_CATEGORIES })
  @IsIn(TRAINING_CATEGORIES, { message: `category: one of ${TRAINING_CATEGORIES.join(', ')}` })
  category: TrainingCategory;

  @ApiProperty({ example: 4, description: 'Hours of one session of the course, in steps of 0.1.' })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours: a number with at most one decimal' })
  @Min(0.1)
  @Max(200)
  hours: number;
}

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'courseId: not a UUID' })
  courseId: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-10T09:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt: not an ISO 8601 time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-10T13:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt: not an ISO 8601 time' })
  endsAt: string;

  @ApiPropertyOptional({ example: 'Training room 3' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ example: 4, description: "Hours credited; the course's hours when left out. Never more than the session lasts." })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours: a number with at most one decimal' })
  @Min(0.1)
  @Max(200)
  hours?: number;
}

export class AttendanceDto {
  @ApiProperty({ type: [String], example: ['off-0001', 'off-0002'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(OFFICER_ID, { each: true, message: 'officerIds: each an officer id' })
  officerIds: string[];

  @ApiPropertyOptional({ example: 2, description: "Hours each attended, for those who left early; the session's hours when left out." })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours: a number with at most one decimal' })
  @Min(0.1)
  @Max(200)
  hours?: number;
}
