import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { PublicationRepository } from '../publication.repository';
import { PublicationListResponse, PublicationResponse } from './publication-list.response.dto';

@ApiTags('disclosure')
@Controller('api/v1/disclosure/publications')
export class ListPublicationsHttpController {
  constructor(private readonly publications: PublicationRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List the publications on the public record, newest first' })
  @ApiOkResponse({ type: PublicationListResponse })
  async list(): Promise<PublicationListResponse> {
    return { items: (await this.publications.listOnRecord()).map(PublicationResponse.from) };
  }
}
