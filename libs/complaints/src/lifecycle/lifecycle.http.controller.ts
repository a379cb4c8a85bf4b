import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Public, Role, Roles } from '@civicflow/auth';
import { RateLimit } from '@civicflow/persistence';
import { correlationIdOfRequest } from '../intake/intake-http';
import { ComplaintEntity } from '../infrastructure/complaint.entity';
import { type Actor, ComplaintLifecycle } from './complaint-lifecycle.service';

class AcceptDto {
  @ApiPropertyOptional({ example: 'street-vending', description: "The sub class; defaults to the reporter's choice." })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code such as street-vending' })
  category?: string;

  @ApiPropertyOptional({ example: 'Nanjing East Road Subdistrict', description: 'The street (街道) the problem is in.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  street?: string;
}

class ReasonDto {
  @ApiProperty({ example: 'Inside a private compound: the property manager is responsible.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

class RectificationDto {
  @ApiProperty({ example: '将占道摆放的货物移回店内，恢复人行道通行。', description: 'What must be put right, as written on the notice.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  requirement: string;
}

class DispatchDto {
  @ApiPropertyOptional({ example: 'street-order-squad', description: 'Another unit than the one triage chose.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'handlingUnit must be a unit code such as street-order-squad' })
  handlingUnit?: string;

  @ApiPropertyOptional({ type: RectificationDto, description: 'Required for a management (721) item: the rectification notice it goes out with, due by the deadline.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RectificationDto)
  rectification?: RectificationDto;
}

class HandleDto {
  @ApiProperty({ example: 'The stalls were moved to the night market on Lane 3.', description: 'The reply the reporter receives.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reply: string;
}

class VerifyDto {
  @ApiProperty({ description: 'False sends it back to the handler.' })
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({ example: 'Pavement clear at 19:00.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}

class DuplicateDto {
  @ApiProperty({ example: 'CF-2M8P-4RTZ', description: 'The master: its id or tracking code.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  master: string;
}

class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiProperty({ description: 'False: the problem is not resolved, and the complaint is reopened.' })
  @IsBoolean()
  resolved: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

class StepResultDto {
  @ApiProperty({ example: 'CF-7K3M-Q9TX' })
  trackingCode: string;

  @ApiProperty({ example: 'accepted' })
  status: string;

  @ApiPropertyOptional({ example: '2026-11-27T23:59:59.999+08:00', nullable: true })
  deadlineAt: string | null;
}

function result(complaint: ComplaintEntity): StepResultDto {
  return { trackingCode: complaint.trackingCode, status: complaint.status, deadlineAt: complaint.deadlineAt?.toISOString() ?? null };
}

function actor(user: AuthenticatedUser): Actor {
  return { user, correlationId: correlationIdOfRequest() };
}

/**
 * The staff's steps of the closed loop, one route per step. `:ref` is the complaint's id or
 * its tracking code. A step the state machine refuses answers 409 with a code naming why.
 */
@ApiTags('complaints')
@ApiBearerAuth('bearer')
@ApiOkResponse({ type: StepResultDto })
@ApiConflictResponse({ description: '`code` says why the step cannot happen now, e.g. invalid_transition, category_required, verifier_is_handler.' })
@ApiForbiddenResponse({ description: 'The role may not take this step.' })
@ApiNotFoundResponse({ description: 'No such complaint.' })
@Controller('api/v1/complaints/:ref')
export class LifecycleHttpController {
  constructor(private readonly lifecycle: ComplaintLifecycle) {}

  @Post('accept')
  @HttpCode(200)
  @Roles(Role.HotlineOperator, Role.Supervisor)
  async accept(@Param('ref') ref: string, @Body() body: AcceptDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.accept(ref, body, actor(user)));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles(Role.HotlineOperator, Role.Supervisor)
  async reject(@Param('ref') ref: string, @Body() body: ReasonDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.reject(ref, body.reason, actor(user)));
  }

  @Post('dispatch')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  async dispatch(@Param('ref') ref: string, @Body() body: DispatchDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.dispatch(ref, body, actor(user)));
  }

  @Post('start-handling')
  @HttpCode(200)
  @Roles(Role.Officer, Role.DepartmentAgent)
  async startHandling(@Param('ref') ref: string, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.startHandling(ref, actor(user)));
  }

  @Post('handle')
  @HttpCode(200)
  @Roles(Role.Officer, Role.DepartmentAgent)
  async handle(@Param('ref') ref: string, @Body() body: HandleDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.handle(ref, body.reply, actor(user)));
  }

  @Post('verify')
  @HttpCode(200)
  @Roles(Role.Officer, Role.Supervisor)
  async verify(@Param('ref') ref: string, @Body() body: VerifyDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.verify(ref, body, actor(user)));
  }

  @Post('close')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  async close(@Param('ref') ref: string, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.close(ref, actor(user)));
  }

  @Post('reopen')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  async reopen(@Param('ref') ref: string, @Body() body: ReasonDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.reopen(ref, body.reason, actor(user)));
  }

  @Post('duplicate-of')
  @HttpCode(200)
  @Roles(Role.HotlineOperator, Role.Supervisor)
  async markDuplicate(@Param('ref') ref: string, @Body() body: DuplicateDto, @CurrentUser() user: AuthenticatedUser): Promise<StepResultDto> {
    return result(await this.lifecycle.markDuplicate(ref, body.master, actor(user)));
  }

  /** The reporter's rating, by the tracking code they were given (the code is their key to the complaint). */
  @Post('rating')
  @HttpCode(200)
  @Public()
  @RateLimit('intake')
  async rate(@Param('ref') ref: string, @Body() body: RatingDto): Promise<StepResultDto> {
    return result(await this.lifecycle.rate(ref, body, correlationIdOfRequest()));
  }
}
