import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ALL_ROLES, Role, Roles } from '@civicflow/auth';
import { DepartmentRepository } from '../department.repository';
import { DepartmentListResponse, DepartmentResponse } from './department-list.response.dto';

/** Everyone who works for or with the bureau; citizens reach departments only through complaints. */
const STAFF_ROLES = ALL_ROLES.filter((role) => role !== Role.Citizen);

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
