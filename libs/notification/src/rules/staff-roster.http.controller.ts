import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { Role, Roles, STAFF_ROLES } from '@civicflow/auth';
import { type StaffMember, StaffRoster } from './staff-roster';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

export class PutStaffMemberDto {
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['supervisor'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true, message: `roles must hold only staff roles: ${STAFF_ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ example: 'water-affairs', description: "The department code, for a department agent." })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'department must be a lower-case code of letters, digits and "-" (at most 64)' })
  department?: string;
}

class StaffMemberResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ nullable: true, type: String }) department: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

class StaffListResponse {
  @ApiProperty({ type: [StaffMemberResponse] }) items: StaffMember[];
}

/** The roster the staff audience of a rule is found in: account ids with their roles and department. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Needs the admin role.' })
@Controller('api/v1/notifications/staff')
export class StaffRosterHttpController {
  constructor(private readonly roster: StaffRoster) {}

  @Get()
  @ApiOperation({ summary: 'Staff the rules can reach in their inbox' })
  @ApiOkResponse({ type: StaffListResponse })
  async list(): Promise<StaffListResponse> {
    return { items: await this.roster.list() };
  }

  @Put(':userId')
  @ApiOperation({ summary: "Set a staff member's roles (and department) for notices" })
  @ApiOkResponse({ type: StaffMemberResponse })
  @ApiBadRequestResponse({ description: '`message` lists every problem.' })
  async put(@Param('userId') userId: string, @Body() body: PutStaffMemberDto): Promise<StaffMemberResponse> {
    if (!USER_ID.test(userId)) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: ['userId must be an account id (letters, digits and . _ : @ -, at most 200)'] });
    return this.roster.put(userId, body.roles, body.department ?? null);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a staff member off the roster' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'Not on the roster.' })
  async remove(@Param('userId') userId: string): Promise<void> {
    if (!(await this.roster.remove(userId))) throw new NotFoundException({ statusCode: 404, code: 'staff_member_not_found', message: `${userId} is not on the roster` });
  }
}
