import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role, Roles } from '@civicflow/auth';
import { OfficerRepository } from '../officer.repository';
import { OfficerListResponse, OfficerResponse } from './officer-list.response.dto';

@ApiTags('enforcement')
@ApiBearerAuth()
@Controller('api/v1/enforcement/officers')
export class ListOfficersHttpController {
  constructor(private readonly officers: OfficerRepository) {}

  @Get()
  @Roles(Role.Supervisor, Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'List the officers and their certificates' })
  @ApiOkResponse({ type: OfficerListResponse })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor, admin or auditor role' })
  async list(): Promise<OfficerListResponse> {
    return { items: (await this.officers.list()).map(OfficerResponse.from) };
  }
}
