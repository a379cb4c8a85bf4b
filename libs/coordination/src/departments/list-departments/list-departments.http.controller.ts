import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@civicflow/auth';
import { DepartmentRepository } from '../department.repository';
import { DepartmentListResponse, DepartmentResponse } from './department-list.response.dto';

/** For everyone who works for or with the bureau; citizens and merchants reach departments only through complaints. */
@ApiTags('coordination')
@ApiBearerAuth()
@Controller('api/v1/coordination/departments')
export class ListDepartmentsHttpController {
  constructor(private readonly departments: DepartmentRepository) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'List the departments work can be routed to' })
  @ApiOkResponse({ type: DepartmentListResponse })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token' })
  @ApiForbiddenResponse({ description: 'Needs a staff role' })
  async list(): Promise<DepartmentListResponse> {
    return { items: (await this.departments.list()).map(DepartmentResponse.from) };
  }
}
