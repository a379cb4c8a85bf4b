import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { CriterionRepository } from '../criterion.repository';
import { CriterionListResponse, CriterionResponse } from './criterion-list.response.dto';

@ApiTags('rating')
@Controller('api/v1/rating/criteria')
export class ListCriteriaHttpController {
  constructor(private readonly criteria: CriterionRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List the criteria streets are rated on, by category' })
  @ApiOkResponse({ type: CriterionListResponse })
  async list(): Promise<CriterionListResponse> {
    return { items: (await this.criteria.list()).map(CriterionResponse.from) };
  }
}
