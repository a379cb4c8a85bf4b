import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ANALYSIS_DIMENSIONS, type AnalysisDimension } from './case-statistics';

export class AnalysisQueryDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'Cases opened from this day (Beijing time).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from: not a calendar date' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'To this day, included.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to: not a calendar date' })
  to: string;

  @ApiProperty({ enum: ANALYSIS_DIMENSIONS })
  @IsIn(ANALYSIS_DIMENSIONS, { message: `by: one of ${ANALYSIS_DIMENSIONS.join(', ')}` })
  by: AnalysisDimension;

  @ApiPropertyOptional({ description: 'Only cases of this category.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ description: "Only this department's cases (admins and auditors; a supervisor always sees their own department's)." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format: json or csv' })
  format?: 'json' | 'csv';
}

export class LessonDto {
  @ApiProperty({ example: 'Photograph the stall before the party moves it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    example: 'The party moved the stall while the notice was written; evidence taken before that held at the hearing.',
    description: 'What others can learn from the case. Shared with the whole bureau: no names, phone or identity numbers of the party.',
  })
  @IsString()
  @MinLength(10, { message: 'note: at least 10 characters' })
  @MaxLength(8000)
  note: string;
}

export class LessonSearchDto {
  @ApiPropertyOptional({ example: 'evidence hearing', description: 'Words (full text) or a phrase (substring, e.g. Chinese text) in the title or note.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
