import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  type CategoryDefinition,
  type CategoryLocale,
  type CategoryTree,
  type Class721,
  type DeadlineUnit,
  CATEGORY_LEVELS,
  CATEGORY_LOCALES,
  CATEGORY_TREES,
  CLASSES_721,
  DEADLINE_LIMITS,
  DEADLINE_UNITS,
} from '../domain/category';

/** `?includeInactive=true`: query strings carry text, the flag is a boolean. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CategoryListQueryDto {
  @ApiPropertyOptional({ enum: CATEGORY_TREES, description: 'Only this tree: components (部件) or events (事件). Both when absent.' })
  @IsOptional()
  @IsIn(CATEGORY_TREES)
  tree?: CategoryTree;

  @ApiPropertyOptional({ enum: CATEGORY_LOCALES, default: 'zh-CN', description: 'Language of `name`; `names` always holds both.' })
  @IsOptional()
  @IsIn(CATEGORY_LOCALES)
  locale?: CategoryLocale;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list deactivated classes.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}

export class CategoryDetailQueryDto {
  @ApiPropertyOptional({ enum: CATEGORY_LOCALES, default: 'zh-CN', description: 'Language of `name`; `names` always holds both.' })
  @IsOptional()
  @IsIn(CATEGORY_LOCALES)
  locale?: CategoryLocale;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'For a major class, also list its deactivated sub classes.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}

export class LocalizedNameDto {
  @ApiProperty({ name: 'zh-CN', example: '流动摊贩占道经营' })
  @IsString()
  'zh-CN': string;

  @ApiProperty({ example: 'Street vending on the road' })
  @IsString()
  en: string;
}

export class DeadlineDto {
  @ApiProperty({ example: 4, minimum: 1, description: `At most ${DEADLINE_LIMITS.working_hours} working hours, ${DEADLINE_LIMITS.working_days} working days or ${DEADLINE_LIMITS.calendar_days} calendar days.` })
  @IsInt()
  amount: number;

  @ApiProperty({ enum: DEADLINE_UNITS, example: 'working_hours', description: 'Working time comes from the bureau’s working calendar.' })
  @IsIn(DEADLINE_UNITS)
  unit: DeadlineUnit;
}

/**
 * A class as an admin writes it. The shapes are checked here; the catalogue's rules
 * (code formats, both names, deadline limits, which fields each level has) in the domain.
 */
export class PutCategoryRequestDto {
  @ApiProperty({ enum: CATEGORY_LEVELS, example: 'sub' })
  @IsIn(CATEGORY_LEVELS)
  level: 'major' | 'sub';

  @ApiProperty({ enum: CATEGORY_TREES, example: 'event' })
  @IsIn(CATEGORY_TREES)
  tree: CategoryTree;

  @ApiProperty({ example: '0501', description: 'GB/T 30428 style: two digits for a major class, four (major then sub) for a sub class.' })
  @IsString()
  standardCode: string;

  @ApiProperty({ type: LocalizedNameDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name: LocalizedNameDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'street-order', description: 'Sub classes only: the code of their major class, in the same tree.' })
  @IsOptional()
  @IsString()
  majorCode?: string;

  @ApiPropertyOptional({ enum: CLASSES_721, example: 'management', description: 'Sub classes only.' })
  @IsOptional()
  @IsIn(CLASSES_721)
  class721?: Class721;

  @ApiPropertyOptional({ example: 'street-order-squad', description: 'Sub classes only: the unit that handles the item, or follows it up when it is another department’s.' })
  @IsOptional()
  @IsString()
  defaultHandlingUnit?: string;

  @ApiPropertyOptional({ example: 'traffic-police', description: 'Sub classes only: the other department whose item this is; triage routes it to coordination.' })
  @IsOptional()
  @IsString()
  department?: string;

  @ApiPropertyOptional({ type: DeadlineDto, description: 'Sub classes only.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineDto)
  deadline?: DeadlineDto;
}

export class LocalizedNameResponse {
  @ApiProperty({ name: 'zh-CN', example: '流动摊贩占道经营' })
  'zh-CN': string;

  @ApiProperty({ example: 'Street vending on the road' })
  en: string;
}

export class DeadlineResponse {
  @ApiProperty({ example: 4 })
  amount: number;

  @ApiProperty({ enum: DEADLINE_UNITS, example: 'working_hours' })
  unit: DeadlineUnit;
}

export class CategoryResponse {
  @ApiProperty({ example: 'street-vending' })
  code: string;

  @ApiProperty({ enum: CATEGORY_LEVELS })
  level: 'major' | 'sub';

  @ApiProperty({ enum: CATEGORY_TREES })
  tree: CategoryTree;

  @ApiProperty({ example: '0501' })
  standardCode: string;

  @ApiProperty({ example: '流动摊贩占道经营', description: 'In the requested locale.' })
  name: string;

  @ApiProperty({ type: LocalizedNameResponse })
  names: LocalizedNameResponse;

  @ApiProperty()
  active: boolean;

  @ApiPropertyOptional({ example: 'street-order' })
  majorCode?: string;

  @ApiPropertyOptional({ enum: CLASSES_721 })
  class721?: Class721;

  @ApiPropertyOptional({ example: 'street-order-squad' })
  defaultHandlingUnit?: string;

  @ApiPropertyOptional({ example: 'traffic-police' })
  department?: string;

  @ApiPropertyOptional({ type: DeadlineResponse })
  deadline?: DeadlineResponse;

  static from(definition: CategoryDefinition, locale: CategoryLocale): CategoryResponse {
    const { name, ...rest } = definition;
    return { ...rest, name: name[locale], names: { ...name } };
  }
}

export class MajorClassResponse extends CategoryResponse {
  @ApiProperty({ type: [CategoryResponse] })
  subClasses: CategoryResponse[];
}

export class CategoryListResponse {
  @ApiProperty({ type: [MajorClassResponse], description: 'Major classes with their sub classes, components first, in standard-code order.' })
  items: MajorClassResponse[];
}

export class CategoryDetailResponse extends CategoryResponse {
  @ApiPropertyOptional({ type: CategoryResponse, description: 'For a sub class: its major class.' })
  majorClass?: CategoryResponse;

  @ApiPropertyOptional({ type: [CategoryResponse], description: 'For a major class: its sub classes.' })
  subClasses?: CategoryResponse[];
}
