import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const REVIEW_KINDS = ['reconsideration', 'litigation'] as const;
/** Anything but `upheld` means the decision was changed on review or appeal. */
export const REVIEW_RESULTS = ['upheld', 'changed', 'revoked', 'found_unlawful'] as const;

export class ReviewOutcomeDto {
  @ApiProperty({ enum: REVIEW_KINDS, description: 'Administrative reconsideration (行政复议) or litigation (行政诉讼).' })
  @IsIn(REVIEW_KINDS, { message: `kind: one of ${REVIEW_KINDS.join(', ')}` })
  kind: (typeof REVIEW_KINDS)[number];

  @ApiProperty({ enum: REVIEW_RESULTS })
  @IsIn(REVIEW_RESULTS, { message: `result: one of ${REVIEW_RESULTS.join(', ')}` })
  result: (typeof REVIEW_RESULTS)[number];

  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'The day the review body or court decided.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decidedOn: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'decidedOn: not a calendar date' })
  decidedOn: string;

  @ApiPropertyOptional({ example: '沪府复字〔2026〕第12号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class AssessmentQueryDto {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from: not a calendar date' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'Last day, included.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to: not a calendar date' })
  to: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format: json or csv' })
  format?: 'json' | 'csv';
}

export class PublishAssessmentDto {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from: not a calendar date' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to: a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to: not a calendar date' })
  to: string;
}
