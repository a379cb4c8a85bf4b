import { applyDecorators, BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';

/** A path parameter that must be a UUID: anything else is the caller's mistake (400), not an unknown record (404). */
export function uuidParameter(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException({ statusCode: 400, code: 'invalid_request', message: [`${name} must be a UUID`] }),
  });
}

export const MAX_PAGE_SIZE = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageRequestOf(query: PageQueryDto): PageRequest {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}

export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

/** Trims a text value (and upper-cases it when asked), so that `Renmin Road ` and `Renmin Road` match the same merchants. */
export const Trimmed = (upperCase = false) =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (upperCase ? value.trim().toUpperCase() : value.trim()) : value));

/** An optional filter by a street or trade name, matched as the merchant registered it (trimmed). */
export const OptionalNameFilter = () => applyDecorators(IsOptional(), IsString(), IsNotEmpty(), MaxLength(100), Trimmed());
