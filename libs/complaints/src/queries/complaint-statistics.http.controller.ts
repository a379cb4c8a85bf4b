import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, Roles } from '@civicflow/auth';

const GROUPINGS = { none: `'all'`, handlingUnit: 'handling_unit', officer: 'handler_id', street: 'street', category: 'category' } as const;
type Grouping = keyof typeof GROUPINGS;

class StatisticsQueryDto {
  @ApiProperty({ example: '2026-11-01T00:00:00+08:00', description: 'Complaints received from this instant (inclusive).' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ example: '2026-12-01T00:00:00+08:00', description: '... to this instant (exclusive).' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({ enum: Object.keys(GROUPINGS), default: 'none' })
  @IsOptional()
  @IsIn(Object.keys(GROUPINGS))
  groupBy?: Grouping;
}

class Mix721Dto {
  @ApiProperty() service: number;
  @ApiProperty() management: number;
  @ApiProperty() enforcement: number;
}

class StatisticsRowDto {
  @ApiPropertyOptional({ nullable: true, description: 'The unit, officer, street or category; null where none was set.' })
  group: string | null;
  @ApiProperty() received: number;
  @ApiProperty({ description: 'Accepted or rejected (the reporter answered) within the response deadline, over received.' })
  responseRate: number | null;
  @ApiProperty({ description: 'Closed (or rated) without being reopened, over accepted.' })
  resolutionRate: number | null;
  @ApiProperty({ description: 'Ratings of 4 or 5, over ratings.' })
  satisfactionRate: number | null;
  @ApiProperty() rated: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: Mix721Dto, description: 'Accepted complaints by 721 class.' })
  mix721: Mix721Dto;
}

class StatisticsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: Object.keys(GROUPINGS) }) groupBy: string;
  @ApiProperty({ type: [StatisticsRowDto] }) rows: StatisticsRowDto[];
}

interface Row {
  group_key: string | null;
  received: string;
  responded_on_time: string;
  accepted: string;
  resolved: string;
  rated: string;
  satisfied: string;
  overdue: string;
  service: string;
  management: string;
  enforcement: string;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** The figures the bureau is judged on, for any period, per unit, officer, street or category. */
@ApiTags('complaints')
@ApiBearerAuth('bearer')
@Controller('api/v1/complaint-statistics')
export class ComplaintStatisticsHttpController {
  constructor(@InjectDataSource('complaints') private readonly dataSource: DataSource) {}

  @Get()
  @Roles(Role.Supervisor, Role.Auditor, Role.Admin)
  @ApiOkResponse({ type: StatisticsDto })
  async statistics(@Query() query: StatisticsQueryDto): Promise<StatisticsDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (!(from < to)) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: ['from must be before to'] });
    const groupBy = query.groupBy ?? 'none';
    // The grouping column comes from the fixed map above, never from the request text.
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${GROUPINGS[groupBy]} AS group_key,
              count(*) AS received,
              count(*) FILTER (WHERE responded_at IS NOT NULL AND responded_at <= response_due_at) AS responded_on_time,
              count(*) FILTER (WHERE accepted_at IS NOT NULL) AS accepted,
              count(*) FILTER (WHERE status IN ('closed', 'evaluated') AND reopen_count = 0) AS resolved,
              count(rating_score) AS rated,
              count(*) FILTER (WHERE rating_score >= 4) AS satisfied,
              count(*) FILTER (WHERE overdue_at IS NOT NULL) AS overdue,
              count(*) FILTER (WHERE class_721 = 'service' AND accepted_at IS NOT NULL) AS service,
              count(*) FILTER (WHERE class_721 = 'management' AND accepted_at IS NOT NULL) AS management,
              count(*) FILTER (WHERE class_721 = 'enforcement' AND accepted_at IS NOT NULL) AS enforcement
       FROM complaints.complaint
       WHERE received_at >= $1 AND received_at < $2
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      [from, to],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      rows: rows.map((row) => {
        const n = (value: string) => Number(value);
        return {
          group: groupBy === 'none' ? null : row.group_key,
          received: n(row.received),
          responseRate: ratio(n(row.responded_on_time), n(row.received)),
          resolutionRate: ratio(n(row.resolved), n(row.accepted)),
          satisfactionRate: ratio(n(row.satisfied), n(row.rated)),
          rated: n(row.rated),
          overdue: n(row.overdue),
          mix721: { service: n(row.service), management: n(row.management), enforcement: n(row.enforcement) },
        };
      }),
    };
  }
}
