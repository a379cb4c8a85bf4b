import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type AuthenticatedUser, CurrentUser, departmentScope, Role, Roles } from '@civicflow/auth';
import { COMPLAINT_STATUSES } from '@civicflow/contracts';
import { maskEmail, maskName, maskPhone } from '@civicflow/domain';
import { ComplaintEntity } from '../infrastructure/complaint.entity';
import { ComplaintLifecycle } from '../lifecycle/complaint-lifecycle.service';

const SORTABLE = { receivedAt: 'complaint.receivedAt', deadlineAt: 'complaint.deadlineAt', updatedAt: 'complaint.updatedAt' } as const;

class QueueQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'street-vending' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code' })
  category?: string;

  @ApiPropertyOptional({ example: 'street-order-squad' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  handlingUnit?: string;

  @ApiPropertyOptional({ enum: ['service', 'management', 'enforcement'] })
  @IsOptional()
  @IsIn(['service', 'management', 'enforcement'])
  class721?: string;

  @ApiPropertyOptional({ example: 'Nanjing East Road Subdistrict' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  street?: string;

  @ApiPropertyOptional({ description: 'Only complaints past their deadline (true) or not (false).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: Object.keys(SORTABLE), default: 'receivedAt' })
  @IsOptional()
  @IsIn(Object.keys(SORTABLE))
  sort?: keyof typeof SORTABLE;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

class QueueItemDto {
  @ApiProperty() id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty() status: string;
  @ApiProperty() channel: string;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiPropertyOptional({ nullable: true }) class721: string | null;
  @ApiPropertyOptional({ nullable: true }) handlingUnit: string | null;
  @ApiPropertyOptional({ nullable: true }) street: string | null;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true }) address: string | null;
  @ApiProperty() receivedAt: string;
  @ApiPropertyOptional({ nullable: true }) deadlineAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({ nullable: true }) duplicateOf: string | null;
  @ApiProperty({ description: 'Masked; the detail view shows it in full to the roles that call reporters back.' })
  reporter: { name: string | null; email: string | null; phone: string | null };
}

class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items: QueueItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

const QUEUE_ROLES = [Role.HotlineOperator, Role.Officer, Role.Supervisor, Role.DepartmentAgent, Role.Auditor, Role.Admin];
/** Those who call a reporter back see the contact in full, in the detail view only. */
const CONTACT_ROLES: readonly Role[] = [Role.HotlineOperator, Role.Supervisor];

function toItem(complaint: ComplaintEntity, now: Date, fullContact: boolean): QueueItemDto {
  const name = complaint.reporterName;
  return {
    id: complaint.id,
    trackingCode: complaint.trackingCode,
    status: complaint.status,
    channel: complaint.channel,
    category: complaint.category,
    class721: complaint.class721,
    handlingUnit: complaint.handlingUnit,
    street: complaint.street,
    description: complaint.description,
    address: complaint.address,
    receivedAt: complaint.receivedAt.toISOString(),
    deadlineAt: complaint.deadlineAt?.toISOString() ?? null,
    overdue: complaint.overdueAt !== null || (complaint.deadlineAt !== null && complaint.deadlineAt < now && !complaint.handledAt),
    duplicateOf: complaint.duplicateOf,
    reporter: {
      name: name ? (fullContact ? name : maskName(name)) : null,
      email: complaint.reporterEmail ? (fullContact ? complaint.reporterEmail : maskEmail(complaint.reporterEmail)) : null,
      phone: complaint.reporterPhone ? (fullContact ? complaint.reporterPhone : maskPhone(complaint.reporterPhone)) : null,
    },
  };
}

/**
 * The staff queue. A department agent sees only what was routed to their department;
 * officers and operators see the bureau's own work.
 */
@ApiTags('complaints')
@ApiBearerAuth('bearer')
@Controller('api/v1/complaints')
export class ComplaintQueueHttpController {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly lifecycle: ComplaintLifecycle,
  ) {}

  @Get()
  @Roles(...QUEUE_ROLES)
  @ApiOkResponse({ type: QueuePageDto })
  async list(@Query() query: QueueQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<QueuePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const now = new Date();
    const builder = this.scoped(this.dataSource.getRepository(ComplaintEntity).createQueryBuilder('complaint'), user);
    if (query.status) builder.andWhere('complaint.status = :status', { status: query.status });
    if (query.category) builder.andWhere('complaint.category = :category', { category: query.category });
    if (query.handlingUnit) builder.andWhere('complaint.handlingUnit = :unit', { unit: query.handlingUnit });
    if (query.class721) builder.andWhere('complaint.class721 = :class721', { class721: query.class721 });
    if (query.street) builder.andWhere('complaint.street = :street', { street: query.street });
    if (query.overdue !== undefined) builder.andWhere(query.overdue ? 'complaint.overdueAt IS NOT NULL' : 'complaint.overdueAt IS NULL');
    const [rows, total] = await builder
      .orderBy(SORTABLE[query.sort ?? 'receivedAt'], (query.order ?? 'desc').toUpperCase() as 'ASC' | 'DESC', 'NULLS LAST')
      .addOrderBy('complaint.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((row) => toItem(row, now, false)), total, page, pageSize };
  }

  @Get(':ref/detail')
  @Roles(...QUEUE_ROLES)
  @ApiOkResponse({ type: QueueItemDto })
  async detail(@Param('ref') ref: string, @CurrentUser() user: AuthenticatedUser): Promise<QueueItemDto & { hideName: boolean }> {
    const complaint = await this.lifecycle.find(ref);
    const scope = departmentScope(user);
    if (scope.kind === 'department' && complaint.department !== scope.department) {
      // Not 403: whether another department has a complaint is itself not theirs to know.
      throw new NotFoundException({ code: 'complaint_not_found', message: `no complaint ${ref}` });
    }
    const fullContact = user.roles.some((role) => CONTACT_ROLES.includes(role));
    return { ...toItem(complaint, new Date(), fullContact), hideName: complaint.reporterHideName };
  }

  private scoped(builder: SelectQueryBuilder<ComplaintEntity>, user: AuthenticatedUser): SelectQueryBuilder<ComplaintEntity> {
    const scope = departmentScope(user);
    if (scope.kind === 'department') return builder.where('complaint.department = :department', { department: scope.department });
    if (scope.kind === 'none' && user.roles.includes(Role.DepartmentAgent)) return builder.where('1 = 0');
    return builder.where('1 = 1');
  }
}
