import { ApiProperty } from '@nestjs/swagger';
import { Criterion, CRITERION_CATEGORIES, CriterionCategory } from '../../domain/criterion';

export class CriterionResponse {
  @ApiProperty({ example: 'road-surface-clean' })
  code: string;

  @ApiProperty({ example: '路面整洁' })
  nameZh: string;

  @ApiProperty({ example: 'Road surface clean' })
  nameEn: string;

  @ApiProperty({ description: 'Relative weight in the street total, > 0', example: 15 })
  weight: number;

  @ApiProperty({ enum: CRITERION_CATEGORIES })
  category: CriterionCategory;

  static from(criterion: Criterion): CriterionResponse {
    return { code: criterion.code, nameZh: criterion.nameZh, nameEn: criterion.nameEn, weight: criterion.weight, category: criterion.category };
  }
}

export class CriterionListResponse {
  @ApiProperty({ type: [CriterionResponse] })
  items: CriterionResponse[];
}
